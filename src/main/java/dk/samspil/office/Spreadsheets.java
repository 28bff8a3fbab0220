package dk.samspil.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Tables written for spreadsheets (the survey's answers, the agreements overview). No cell starts a formula. In CSV a
 * text that a spreadsheet would read as one (a leading {@code = + - @}, tab or carriage return) gets an apostrophe
 * first, so what people typed can never run when the file is opened. In XLSX a string cell is never evaluated, so the
 * text is written as it is, with the quote-prefix style (Excel's own mark for "typed with an apostrophe"): it shows
 * without the apostrophe and stays text when the cell is edited.
 */
public final class Spreadsheets {

    private Spreadsheets() {}

    /** The text with a leading apostrophe if a spreadsheet would read it as a formula or a control character. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    /**
     * One sheet: the first row is the (bold) header, every other cell is a number if given as one and otherwise a
     * string cell (quote-prefixed where it looks like a formula); the header row and the first {@code frozenColumns}
     * columns stay in view.
     */
    public static byte[] xlsx(String sheetName, List<? extends List<?>> rows, int frozenColumns) {
        return xlsx(List.of(new Table(sheetName, rows, frozenColumns)));
    }

    /** One sheet of a workbook: its name, its rows (the first the header) and how many columns stay in view. */
    public record Table(String name, List<? extends List<?>> rows, int frozenColumns) {}

    /**
     * Widest a column is made, in characters. A longer text (a free-text answer, an agreement) wraps onto more lines
     * of its own cell, as does a text with line breaks: the row grows to show it whole instead of cutting it off at
     * the next column.
     */
    private static final int MAX_WIDTH = 60;

    /**
     * Each column as wide as its longest text (from {@value #MAX_WIDTH} characters on, no wider: a longer header wraps),
     * with a little room for the bold header: without it every column has the default width and LibreOffice and Excel cut the headers
     * off after eight characters.
     */
    private static void widen(Sheet sheet, List<? extends List<?>> rows) {
        int[] widths = new int[rows.stream().mapToInt(List::size).max().orElse(0)];
        for (List<?> values : rows) {
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                int length = value == null ? 0 : value.toString().length();
                widths[c] = Math.max(widths[c], length);
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(8, widths[c]) + 3) * 256);
        }
    }

    /**
     * A data row with a wrapped text is made as tall as its longest text needs (at {@value #MAX_WIDTH} characters a
     * line): not every spreadsheet program measures rows when it opens a file, and LibreOffice draws the lines of a
     * wrapped text over the next rows instead.
     */
    private static void heighten(Sheet sheet, List<? extends List<?>> rows) {
        for (int r = 1; r < rows.size(); r++) {
            int lines = 1;
            for (Object value : rows.get(r)) {
                if (value != null && !(value instanceof Number)) {
                    lines = Math.max(lines, lines(value.toString()));
                }
            }
            if (lines > 1) {
                sheet.getRow(r).setHeightInPoints(Math.min(409, lines * sheet.getDefaultRowHeightInPoints()));
            }
        }
    }

    private static final int LINE = MAX_WIDTH - 10;

    /** The lines a text takes in a column {@value #MAX_WIDTH} characters wide. */
    private static int lines(String text) {
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            // Words do not break mid-line: a little less than the width is counted, so the last line is not cut off.
            lines += Math.max(1, (line.length() + LINE - 1) / LINE);
        }
        return lines;
    }

    /** A workbook of several sheets, each written as {@link #xlsx(String, List, int)} writes its one. */
    public static byte[] xlsx(List<Table> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            // A header longer than its column wraps onto more lines rather than being cut off at the next column.
            bold.setWrapText(true);
            CellStyle quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            CellStyle boldQuoted = workbook.createCellStyle();
            boldQuoted.cloneStyleFrom(bold);
            boldQuoted.setQuotePrefixed(true);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle quotedWrapped = workbook.createCellStyle();
            quotedWrapped.cloneStyleFrom(wrapped);
            quotedWrapped.setQuotePrefixed(true);
            for (Table table : tables) {
                Sheet sheet = workbook.createSheet(table.name());
                List<? extends List<?>> rows = table.rows();
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    List<?> values = rows.get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Cell cell = row.createCell(c);
                        Object value = values.get(c);
                        boolean formulaLike = false;
                        boolean wraps = false;
                        if (value instanceof Number number) {
                            cell.setCellValue(number.doubleValue());
                        } else {
                            String text = value == null ? "" : value.toString();
                            cell.setCellValue(text);
                            formulaLike = !neutralise(text).equals(text);
                            wraps = text.length() > MAX_WIDTH || text.indexOf('\n') >= 0;
                        }
                        if (r == 0) {
                            cell.setCellStyle(formulaLike ? boldQuoted : bold);
                        } else if (formulaLike) {
                            cell.setCellStyle(wraps ? quotedWrapped : quoted);
                        } else if (wraps) {
                            cell.setCellStyle(wrapped);
                        }
                    }
                }
                widen(sheet, rows);
                heighten(sheet, rows);
                sheet.createFreezePane(table.frozenColumns(), 1);
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
