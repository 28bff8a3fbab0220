package dk.samspil.platform;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded table row by row without holding the file in memory, for every import (the national register
 * files, the cluster's practices and members, the municipality's referrals): CSV (semicolon, comma or tab, found from
 * the header line or from Excel's {@code sep=;} first line; UTF-8 with or without BOM, or ISO-8859-1, found from the
 * content) or XLSX (first sheet, read as a stream of XML). What the file is, is decided by its content, never by its
 * name: an executable, an old .xls, a UTF-16 text, another binary file or a zip that is not a workbook is refused
 * with its own message. XLSX files are guarded against zip bombs (entry count, entry size, compression ratio), and a
 * cell with a formula is reported, never evaluated.
 */
public final class UploadedTable {

    /** Receives the rows: the line (CSV) or row (XLSX) number from 1, and the cells as text. */
    public interface Rows {
        void row(int line, List<String> cells);
    }

    /** A file that cannot be read as a table; the key names the Danish message. */
    public static final class Refused extends Exception {
        private final String messageKey;
        private final int line;

        Refused(String messageKey, int line) {
            super(messageKey);
            this.messageKey = messageKey;
            this.line = line;
        }

        public String messageKey() {
            return messageKey;
        }

        /** The line the problem is on, 0 for the file as a whole. */
        public int line() {
            return line;
        }
    }

    /** Marks a formula in an XLSX cell; the row is reported, the value never used. */
    public static final String FORMULA = "\u0000formel";

    private static final int SNIFF = 64 * 1024;

    static {
        // Zip-bomb guards for every workbook Samspil opens.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(1_000);
    }

    private UploadedTable() {}

    public static void read(Path file, Rows rows) throws IOException, Refused {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            readXlsx(file, rows);
        } else if (n >= 2 && head[0] == 'M' && head[1] == 'Z') {
            throw new Refused("servicedata.file.executable", 0);
        } else if (n >= 4
                && (head[0] & 0xFF) == 0xD0
                && (head[1] & 0xFF) == 0xCF
                && head[2] == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw new Refused("servicedata.file.xls", 0);
        } else {
            readCsv(file, rows);
        }
    }

    private static void readCsv(Path file, Rows rows) throws IOException, Refused {
        try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), SNIFF)) {
            in.mark(SNIFF);
            byte[] sample = in.readNBytes(SNIFF);
            in.reset();
            if (utf16(sample)) {
                throw new Refused("servicedata.file.utf16", 0);
            }
            boolean bom = sample.length >= 3
                    && (sample[0] & 0xFF) == 0xEF
                    && (sample[1] & 0xFF) == 0xBB
                    && (sample[2] & 0xFF) == 0xBF;
            for (int i = 0; i < Math.min(sample.length, 4096); i++) {
                if (sample[i] == 0) {
                    throw new Refused("servicedata.file.binary", 0);
                }
            }
            if (bom) {
                in.skipNBytes(3);
            }
            Charset charset = bom || isUtf8(sample) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            Reader reader = new BufferedReader(
                    new InputStreamReader(
                            in,
                            charset.newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
                    64 * 1024);
            reader.mark(SNIFF);
            String first = firstLine(reader);
            // Excel's "sep=;" line names the delimiter and is no part of the table.
            boolean sepLine = SEP_LINE.matcher(first).matches();
            char delimiter = sepLine ? first.strip().charAt(4) : delimiter(first);
            reader.reset();
            int skipped = sepLine ? skipLine(reader) : 0;
            int line = 0;
            try (CsvReader<CsvRecord> csv = CsvReader.builder()
                    .fieldSeparator(delimiter)
                    .skipEmptyLines(true)
                    .allowUnclosedQuote(false)
                    .trimWhitespacesAroundQuotes(true)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .ofCsvRecord(reader)) {
                for (CsvRecord record : csv) {
                    line = (int) record.getStartingLineNumber() + skipped;
                    rows.row(line, record.getFields());
                }
            } catch (CsvParseException | UncheckedIOException e) {
                if (causedBy(e, CharacterCodingException.class)) {
                    throw new Refused("servicedata.file.encoding", line + 1);
                }
                if (e instanceof UncheckedIOException unreadable) {
                    throw unreadable.getCause();
                }
                if (says(e, "maximum limit of")) {
                    throw new Refused("servicedata.file.tooManyColumns", line + 1);
                }
                if (says(e, "max field size") || says(e, "max record size") || says(e, "maximum buffer size")) {
                    throw new Refused("servicedata.file.fieldTooLong", line + 1);
                }
                throw new Refused("servicedata.file.quotes", line + 1);
            }
        }
    }

    private static final Pattern SEP_LINE = Pattern.compile("\\s*sep=[;,\\t|]\\s*");

    /** Reads past the first non-blank line; the lines it took. */
    private static int skipLine(Reader reader) throws IOException {
        int lines = 1;
        boolean content = false;
        int c;
        while ((c = reader.read()) != -1) {
            if (c == '\n') {
                if (content) {
                    return lines;
                }
                lines++;
            } else if (c != '\r' && !Character.isWhitespace(c)) {
                content = true;
            }
        }
        return lines;
    }

    /**
     * Whether the bytes are UTF-16 text (as Excel's "Unicode-tekst" saves): a UTF-16 byte order mark, or text with a
     * NUL byte beside nearly every character.
     */
    private static boolean utf16(byte[] sample) {
        if (sample.length >= 2
                && ((sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE
                        || (sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF)) {
            return true;
        }
        int pairs = Math.min(sample.length, 4096) / 2;
        int oddZeros = 0;
        int evenZeros = 0;
        for (int i = 0; i < pairs; i++) {
            evenZeros += sample[2 * i] == 0 ? 1 : 0;
            oddZeros += sample[2 * i + 1] == 0 ? 1 : 0;
        }
        return pairs >= 4 && (oddZeros > pairs * 0.9 || evenZeros > pairs * 0.9);
    }

    private static boolean says(Throwable e, String words) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains(words)) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the bytes are valid UTF-8, ignoring a character cut off at the end of the sample. */
    private static boolean isUtf8(byte[] sample) {
        int end = sample.length;
        while (end > 0 && end > sample.length - 4 && (sample[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && (sample[end - 1] & 0x80) != 0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(sample, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String firstLine(Reader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1 && line.length() < SNIFF - 1) {
            if (c == '\n' || c == '\r') {
                if (!line.toString().isBlank()) {
                    break;
                }
                line.setLength(0);
                continue;
            }
            line.append((char) c);
        }
        return line.toString();
    }

    /** The delimiter the header line uses most: semicolon (also when none), comma or tab. */
    public static char delimiter(String header) {
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }

    private static void readXlsx(Path file, Rows rows) throws IOException, Refused {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new Refused("servicedata.file.emptyWorkbook", 0);
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetHandler(strings, rows));
                xml.parse(new InputSource(sheet));
            }
        } catch (Refused refused) {
            throw refused;
        } catch (RowsFailed failed) {
            throw failed.rowsCause();
        } catch (IOException e) {
            // POI reports zip bombs and broken zips as IOExceptions; either way the file is not a workbook we read.
            throw new Refused(bomb(e) ? "servicedata.file.zipBomb" : "servicedata.file.notWorkbook", 0);
        } catch (Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof RowsFailed failed) {
                    throw failed.rowsCause();
                }
            }
            throw new Refused(bomb(e) ? "servicedata.file.zipBomb" : "servicedata.file.notWorkbook", 0);
        }
    }

    /** What the receiver of the rows threw, carried out past the XML parser's handling as it is. */
    private static final class RowsFailed extends RuntimeException {
        RowsFailed(RuntimeException cause) {
            super(cause);
        }

        RuntimeException rowsCause() {
            return (RuntimeException) getCause();
        }
    }

    /** POI's words for a zip that unpacks to too much (ratio, entry size or entry count). */
    private static boolean bomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("zip bomb")
                    || text.contains("entry size")
                    || text.contains("file count")
                    || text.contains("max_file_count")) {
                return true;
            }
        }
        return false;
    }

    /** The cells of the first sheet, in order; missing cells become empty strings. */
    private static final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final Rows rows;
        private final StringBuilder text = new StringBuilder();
        private final List<String> cells = new ArrayList<>();
        private int row;
        private int column;
        private String type;
        private boolean formula;
        private boolean collecting;

        SheetHandler(ReadOnlySharedStringsTable strings, Rows rows) {
            this.strings = strings;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    cells.clear();
                    String r = attributes.getValue("r");
                    row = r == null ? row + 1 : Integer.parseInt(r);
                }
                case "c" -> {
                    column = columnIndex(attributes.getValue("r"), cells.size());
                    type = attributes.getValue("t");
                    formula = false;
                    text.setLength(0);
                }
                case "f" -> formula = true;
                case "v", "t" -> {
                    collecting = true;
                }
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "c" -> {
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    cells.add(formula ? FORMULA : value());
                }
                case "row" -> {
                    try {
                        rows.row(row, List.copyOf(cells));
                    } catch (RuntimeException e) {
                        throw new RowsFailed(e);
                    }
                }
                default -> {}
            }
        }

        private String value() {
            String raw = text.toString();
            if ("s".equals(type)) {
                try {
                    return strings.getItemAt(Integer.parseInt(raw.trim()))
                            .getString()
                            .trim();
                } catch (RuntimeException e) {
                    return "";
                }
            }
            if ("b".equals(type)) {
                return "1".equals(raw) ? "SAND" : "FALSK";
            }
            return raw.trim();
        }

        private static int columnIndex(String reference, int fallback) {
            if (reference == null) {
                return fallback;
            }
            int index = 0;
            for (char c : reference.toCharArray()) {
                if (Character.isLetter(c)) {
                    index = index * 26 + (Character.toUpperCase(c) - 'A' + 1);
                } else {
                    break;
                }
            }
            return index - 1;
        }
    }
}
