package dk.samspil.survey;

import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.QuestionType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * All answers of a survey as a table, one row per (anonymous) answer in random order, one column per question (and
 * one for each "andet" text), as CSV (semicolon, UTF-8 with BOM: opens in a Danish Excel) and XLSX. Every cell is
 * text, and no cell starts a formula: a leading {@code = + - @}, tab or carriage return gets an apostrophe first.
 */
final class AnswerExport {

    private AnswerExport() {}

    static List<List<String>> table(SurveyResults.AllAnswers all) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("Svar");
        for (Question q : all.questions()) {
            header.add(q.number() + ". " + q.text());
            if (q.other()) {
                header.add(q.number() + ". Andet – uddybning");
            }
        }
        rows.add(header.stream().map(AnswerExport::neutralise).toList());
        int number = 1;
        for (Map<String, Answer> respondent : all.answers()) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(number++));
            for (Question q : all.questions()) {
                Answer answer = respondent.get(q.key());
                if (q.type() == QuestionType.TEXT) {
                    row.add(answer == null || answer.text() == null ? "" : answer.text());
                } else {
                    row.add(answer == null ? "" : String.join("; ", answer.choices().stream()
                            .map(choice -> choice.equals(Answering.OTHER) ? "Andet" : choice).toList()));
                }
                if (q.other()) {
                    row.add(answer == null || answer.other() == null ? "" : answer.other());
                }
            }
            rows.add(row.stream().map(AnswerExport::neutralise).toList());
        }
        return rows;
    }

    /** A cell that a spreadsheet would read as a formula (or a control character) gets a leading apostrophe. */
    static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    static byte[] csv(SurveyResults.AllAnswers all) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            writer.write('\uFEFF');
            for (List<String> row : table(all)) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(SurveyResults.AllAnswers all) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Svar");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<List<String>> table = table(all);
            for (int r = 0; r < table.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = table.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(values.get(c));
                    if (r == 0) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            sheet.createFreezePane(1, 1);
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
