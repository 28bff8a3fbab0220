package dk.samspil.servicedata;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.servicedata.RegisterRows.Kind;
import dk.samspil.servicedata.RegisterRows.PracticeRow;
import dk.samspil.servicedata.RegisterRows.Problem;
import dk.samspil.servicedata.RegisterRows.ServiceRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real-world shapes of the national files all read to the same values; bad rows and bad files are reported. */
class RegisterRowsTests {

    @TempDir
    Path dir;

    static final List<ServiceRow> EXPECTED = List.of(
            new ServiceRow(0, "100101", YearMonth.of(2025, 3), "0124", 12),
            new ServiceRow(0, "100102", YearMonth.of(2025, 3), "0124", 1234),
            new ServiceRow(0, "100103", YearMonth.of(2025, 4), "0124", 0));

    @Test
    void everyFormatVariantReadsToTheSameValues() throws Exception {
        List<Path> variants = List.of(
                csv(
                        "utf8-bom.csv",
                        "\uFEFFYdernummer;Periode;Ydelseskode;Antal\n100101;2025-03;0124;12\n100102;2025-03;0124;1.234\n100103;2025-04;0124;0\n",
                        StandardCharsets.UTF_8),
                csv(
                        "latin1-comma.csv",
                        "ydernr,Måned,Ydelse,\"Antal ydelser\"\r\n100101,2025M03,124,12\r\n\r\n100102,2025M03,124,\"1.234\"\r\n100103,2025M04,124,\"0,0\"\r\n",
                        StandardCharsets.ISO_8859_1),
                csv(
                        "order-spaces.csv",
                        "Antal ; Ydelseskode ; Periode ; Ydernummer \n 12 ; 0124 ; marts 2025 ; 100101 \n\n 1 234 ; 0124 ; Marts 2025 ; 100102 \n 0 ; 0124 ; april 2025 ; 100103 \n\n",
                        StandardCharsets.UTF_8),
                xlsx("numbers.xlsx"));
        for (Path file : variants) {
            List<ServiceRow> rows = new ArrayList<>();
            Problems problems = new Problems();
            RegisterRows.read(file, Kind.SERVICES, rows::add, p -> {}, problems);
            assertThat(problems).as(file.getFileName().toString()).isEmpty();
            assertThat(rows.stream()
                            .map(r -> new ServiceRow(0, r.ydernummer(), r.period(), r.serviceCode(), r.count()))
                            .toList())
                    .as(file.getFileName().toString())
                    .isEqualTo(EXPECTED);
        }
    }

    @Test
    void everyKindOfBadRowIsReportedWithItsLineAndColumn() throws Exception {
        Path file = csv("bad.csv", """
                Ydernummer;Periode;Ydelseskode;Antal
                10010;2025-03;0124;12
                100102;2025-13;0124;3
                100103;2025-03;0124;-4
                100104;2025-03;0124;mange
                100105;2025-03;0124;2,5
                100106;2025-03;0124;=cmd|' /C calc'!A0
                100107;2025-03;0124;
                100108;2025-03;0124;7
                100109;2025-03;0124;3000000000
                """, StandardCharsets.UTF_8);
        List<ServiceRow> rows = new ArrayList<>();
        Problems problems = new Problems();
        RegisterRows.read(file, Kind.SERVICES, rows::add, p -> {}, problems);
        assertThat(problems)
                .extracting(Problem::line, Problem::column, Problem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "Ydernummer", "servicedata.ydernummer.invalid"),
                        org.assertj.core.groups.Tuple.tuple(3, "Periode", "servicedata.period.invalid"),
                        org.assertj.core.groups.Tuple.tuple(4, "Antal", "servicedata.count.negative"),
                        org.assertj.core.groups.Tuple.tuple(5, "Antal", "servicedata.count.notNumber"),
                        org.assertj.core.groups.Tuple.tuple(6, "Antal", "servicedata.count.notWhole"),
                        org.assertj.core.groups.Tuple.tuple(7, "Antal", "servicedata.cell.formulaText"),
                        org.assertj.core.groups.Tuple.tuple(8, "Antal", "servicedata.cell.empty"),
                        org.assertj.core.groups.Tuple.tuple(10, "Antal", "servicedata.count.tooLarge"));
        assertThat(rows).extracting(ServiceRow::ydernummer).containsExactly("100108");
    }

    @Test
    void quotedCellsAreReadAndAQuoteThatNeverEndsIsRefused() throws Exception {
        Path quoted = csv(
                "quoted.csv",
                "\"Ydernummer\";\"Periode\";\"Ydelseskode\";\"Antal\"\n\"100101\";\"2025-03\";\"0124\";\"12\"\n"
                        + "100102; \"2025-04\" ;0124; \"7\" \n100103;2025-03;0124;\"1;234\"\n",
                StandardCharsets.UTF_8);
        List<ServiceRow> rows = new ArrayList<>();
        Problems problems = new Problems();
        RegisterRows.read(quoted, Kind.SERVICES, rows::add, p -> {}, problems);
        assertThat(problems)
                .extracting(Problem::line, Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "servicedata.count.notNumber"));
        assertThat(rows).extracting(ServiceRow::count).containsExactly(12L, 7L);
        assertThat(rows).extracting(ServiceRow::period).containsExactly(YearMonth.of(2025, 3), YearMonth.of(2025, 4));

        Path open = csv(
                "open.csv",
                "Ydernummer;Periode;Ydelseskode;Antal\n100101;2025-03;0124;\"12\n100102;2025-03;0124;3\n",
                StandardCharsets.UTF_8);
        assertThat(refusal(open)).isEqualTo("servicedata.file.quotes");
    }

    @Test
    void aBrokenCharacterAfterTheFirstPartOfTheFileIsRefused() throws Exception {
        // The encoding is decided from the first 64 KB (valid UTF-8 here); a byte that is not UTF-8 further on stops
        // the import with a clear message instead of turning into a wrong character.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write("Ydernummer;Periode;Ydelseskode;Antal\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 4_000; i++) {
            bytes.write("100101;2025-03;0124;12\n".getBytes(StandardCharsets.UTF_8));
        }
        bytes.write(new byte[] {'1', '0', '0', '1', '0', '2', ';', (byte) 0xE6, ';', '1', '\n'});
        Path file = dir.resolve("blandet.csv");
        Files.write(file, bytes.toByteArray());
        assertThat(refusal(file)).isEqualTo("servicedata.file.encoding");
    }

    @Test
    void aMissingColumnIsReportedOnce() throws Exception {
        Path file = csv("missing.csv", "Ydernummer;Periode;Antal\n100101;2025-03;12\n", StandardCharsets.UTF_8);
        Problems problems = new Problems();
        RegisterRows.read(file, Kind.SERVICES, r -> {}, p -> {}, problems);
        assertThat(problems)
                .extracting(Problem::messageKey, Problem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("servicedata.column.missing", "Ydelseskode"));
    }

    @Test
    void thePracticeFile() throws Exception {
        Path file = csv(
                "praksis.csv",
                "Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n100101;2025-03;6.120;751\n100102;2025-03;4380;0751\n",
                StandardCharsets.UTF_8);
        List<PracticeRow> rows = new ArrayList<>();
        Problems problems = new Problems();
        RegisterRows.read(file, Kind.PRACTICES, r -> {}, rows::add, problems);
        assertThat(problems).isEmpty();
        assertThat(rows).extracting(PracticeRow::listedPatients).containsExactly(6120L, 4380L);
        assertThat(rows).extracting(PracticeRow::municipalityCode).containsOnly("0751");
    }

    @Test
    void periodsInTheirUsualShapes() {
        for (String text : List.of(
                "2025-03",
                "2025M03",
                "2025m3",
                "marts 2025",
                "Mar. 2025",
                "03-2025",
                "3/2025",
                "2025-03-01",
                "45717")) {
            assertThat(RegisterRows.parsePeriod(text)).as(text).contains(YearMonth.of(2025, 3));
        }
        for (String text : List.of("2025-13", "marts", "2025", "forår 2025", "1899-03")) {
            assertThat(RegisterRows.parsePeriod(text)).as(text).isEmpty();
        }
    }

    @Test
    void filesThatAreNotTablesAreRefusedByContent() throws Exception {
        Path exe = dir.resolve("ydelser.csv");
        Files.write(exe, new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0});
        assertThat(refusal(exe)).isEqualTo("servicedata.file.executable");

        Path xls = dir.resolve("ydelser.xlsx");
        Files.write(
                xls,
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        assertThat(refusal(xls)).isEqualTo("servicedata.file.xls");

        Path binary = dir.resolve("data.csv");
        Files.write(binary, new byte[] {'a', ';', 0, 0, 1, 2});
        assertThat(refusal(binary)).isEqualTo("servicedata.file.binary");

        Path notWorkbook = dir.resolve("noget.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(notWorkbook))) {
            zip.putNextEntry(new ZipEntry("hej.txt"));
            zip.write("hej".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(refusal(notWorkbook)).isEqualTo("servicedata.file.notWorkbook");
    }

    @Test
    void aWorkbookWithTooManyEntriesIsRefused() throws Exception {
        // A real workbook plus 5,000 tiny entries: small on disk, but more parts than any sheet of ours needs.
        Path crowded = dir.resolve("mange.xlsx");
        Path normal = xlsx("inner.xlsx");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(normal));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(crowded))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
            }
            for (int i = 0; i < 5_000; i++) {
                out.putNextEntry(new ZipEntry("customXml/item" + i + ".xml"));
                out.write("<a/>".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(Files.size(crowded)).isLessThan(2 * 1024 * 1024);
        assertThat(refusal(crowded)).isEqualTo("servicedata.file.zipBomb");
    }

    @Test
    void aZipBombIsRefused() throws Exception {
        // A real workbook whose sheet is padded with 150 MB of spaces: it compresses about 1000 to 1.
        Path bomb = dir.resolve("bomb.xlsx");
        Path normal = xlsx("inner.xlsx");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(normal));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    int cut = xml.indexOf("<sheetData");
                    out.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1024 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 150; i++) {
                        out.write(spaces);
                    }
                    out.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
            }
        }
        assertThat(Files.size(bomb)).isLessThan(2 * 1024 * 1024);
        assertThat(refusal(bomb)).isEqualTo("servicedata.file.zipBomb");
    }

    @Test
    void aFormulaInAWorkbookIsReportedNotEvaluated() throws Exception {
        Path file = dir.resolve("formel.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Ark1");
            header(sheet.createRow(0));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("100101");
            row.createCell(1).setCellValue("2025-03");
            row.createCell(2).setCellValue("0124");
            row.createCell(3).setCellFormula("SUM(1,2)");
            workbook.write(out);
        }
        Problems problems = new Problems();
        RegisterRows.read(file, Kind.SERVICES, r -> {}, p -> {}, problems);
        assertThat(problems)
                .extracting(Problem::line, Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "servicedata.cell.formula"));
    }

    @Test
    void theHeadingsRegionsWriteAreRead() throws Exception {
        for (String header : List.of(
                "Ydernummer;Periode;Antal tilmeldte patienter;Kommunekode",
                "Ydernr.;Måned;Tilm. pt.;Kommunenr.",
                "YDERNUMMER;PERIODE;TILMELDTE_PATIENTER;KOMMUNENUMMER",
                "Yder nr;År-måned;Tilmeldte patienter (antal);Kommune")) {
            Path file = csv("praksis.csv", header + "\n100101;2025-03;6.120;0751\n", StandardCharsets.UTF_8);
            List<PracticeRow> rows = new ArrayList<>();
            Problems problems = new Problems();
            RegisterRows.read(file, Kind.PRACTICES, r -> {}, rows::add, problems);
            assertThat(problems).as(header).isEmpty();
            assertThat(rows).extracting(PracticeRow::listedPatients).as(header).containsExactly(6120L);
        }
    }

    @Test
    void aRefusedHeadingSaysWhatTheFirstLineWasReadAs() throws Exception {
        Path file = csv("praksis.csv", "Yder;Måned;Tal;Kommune\n100101;2025-03;6120;0751\n", StandardCharsets.UTF_8);
        Problems problems = new Problems();
        RegisterRows.read(file, Kind.PRACTICES, r -> {}, p -> {}, problems);
        assertThat(problems)
                .extracting(Problem::column, Problem::messageKey, Problem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "Tilmeldte patienter", "servicedata.column.missing", "Yder; Måned; Tal; Kommune"));
    }

    @Test
    void aMillionBadRowsKeepAThousandProblemsAndCountTheRest() throws Exception {
        Path file = dir.resolve("fjendtlig.csv");
        String huge = "x".repeat(100_000);
        try (var out = Files.newBufferedWriter(file)) {
            out.write("Ydernummer;Periode;Ydelseskode;Antal\n");
            for (int i = 0; i < 200_000; i++) {
                out.write(i < 50 ? huge + ";2025-03;0124;1\n" : "12345;2025-03;0124;1\n");
            }
        }
        Problems problems = new Problems();
        RegisterRows.read(file, Kind.SERVICES, r -> {}, p -> {}, problems);
        assertThat(problems.count()).isEqualTo(200_000);
        assertThat(problems.listed()).hasSize(1_000);
        assertThat(problems.listed().get(0).value()).hasSize(61).endsWith("…");
    }

    @Test
    void aUtf16FileIsNamedAndTheFixSaid() throws Exception {
        Path file = dir.resolve("unicode.txt");
        byte[] text = "Ydernummer\tPeriode\tYdelseskode\tAntal\r\n100101\t2025-03\t0124\t12\r\n"
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        Files.write(file, withBom);
        assertThat(refusal(file)).isEqualTo("servicedata.file.utf16");
        Files.write(file, text);
        assertThat(refusal(file)).as("without a byte order mark").isEqualTo("servicedata.file.utf16");
    }

    @Test
    void tooManyColumnsAndAHugeFieldGetTheirOwnMessages() throws Exception {
        Path wide = csv(
                "bred.csv",
                "Ydernummer;Periode;Ydelseskode;Antal\n100101;2025-03;0124;12" + ";".repeat(16_400) + "\n",
                StandardCharsets.UTF_8);
        assertThat(refusal(wide)).isEqualTo("servicedata.file.tooManyColumns");
        Path huge = dir.resolve("stor.csv");
        try (var out = Files.newBufferedWriter(huge)) {
            out.write("Ydernummer;Periode;Ydelseskode;Antal\n100101;2025-03;0124;");
            char[] block = new char[1 << 20];
            java.util.Arrays.fill(block, '1');
            for (int i = 0; i < 17; i++) {
                out.write(block);
            }
            out.write("\n");
        }
        assertThat(refusal(huge)).isEqualTo("servicedata.file.fieldTooLong");
    }

    @Test
    void excelsSepLineNamesTheDelimiterAndLinesStillCount() throws Exception {
        Path file = csv(
                "sep.csv",
                "sep=,\nYdernummer,Periode,Ydelseskode,Antal\n100101,2025-03,0124,\"1.234\"\n12345,2025-03,0124,1\n",
                StandardCharsets.UTF_8);
        List<ServiceRow> rows = new ArrayList<>();
        Problems problems = new Problems();
        RegisterRows.read(file, Kind.SERVICES, rows::add, p -> {}, problems);
        assertThat(rows)
                .extracting(ServiceRow::line, ServiceRow::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 1234L));
        assertThat(problems)
                .extracting(Problem::line, Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "servicedata.ydernummer.invalid"));
    }

    private String refusal(Path file) throws IOException {
        Problems problems = new Problems();
        RegisterRows.read(file, Kind.SERVICES, r -> {}, p -> {}, problems);
        assertThat(problems).hasSize(1);
        return problems.listed().get(0).messageKey();
    }

    private Path csv(String name, String content, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(charset));
        return file;
    }

    private Path xlsx(String name) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Ydelser");
            header(sheet.createRow(0));
            Object[][] data = {
                {100101, "2025-03", 124, 12}, {100102, "2025-03", "0124", 1234}, {100103, "2025-04", 124, 0}
            };
            for (int r = 0; r < data.length; r++) {
                Row row = sheet.createRow(r + 2); // a blank row between header and data
                for (int c = 0; c < 4; c++) {
                    Object value = data[r][c];
                    if (value instanceof Integer number) {
                        row.createCell(c).setCellValue(number);
                    } else {
                        row.createCell(c).setCellValue((String) value);
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    private static void header(Row row) {
        String[] names = {"Ydernummer", "Periode", "Ydelseskode", "Antal"};
        for (int c = 0; c < names.length; c++) {
            row.createCell(c).setCellValue(names[c]);
        }
    }
}
