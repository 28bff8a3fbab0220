package dk.samspil.survey;

import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.QuestionType;
import dk.samspil.platform.Spreadsheets;
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
        rows.add(header.stream().map(Spreadsheets::neutralise).toList());
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
            rows.add(row.stream().map(Spreadsheets::neutralise).toList());
        }
        return rows;
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
        return Spreadsheets.xlsx("Svar", table(all), 1);
    }
}
