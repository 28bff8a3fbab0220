package dk.samspil.survey;

import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.QuestionType;
import dk.samspil.office.Spreadsheets;
import dk.samspil.platform.BundleTexts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * All answers of a survey as a table for the consultant, one row per (anonymous) answer in random order, one column per question (and
 * one for each "andet" text; the respondent's sector only when every sector has enough answers), as CSV (semicolon, UTF-8 with BOM: opens in a Danish Excel) and XLSX. Every cell is
 * text, and no cell starts a formula: a leading {@code = + - @}, tab or carriage return gets an apostrophe first.
 */
final class AnswerExport {

    private static final BundleTexts TEXTS = BundleTexts.of("i18n/survey");

    private AnswerExport() {}

    static List<List<String>> table(SurveyResults.AllAnswers all) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(TEXTS.text("survey.export.answer"));
        if (all.bySector()) {
            header.add("Sektor");
        }
        for (Question q : all.questions()) {
            if (q.grid()) {
                q.rows()
                        .forEach(row ->
                                header.add(TEXTS.text("survey.export.gridColumn", q.number() + ". " + q.text(), row)));
                continue;
            }
            header.add(q.number() + ". " + q.text());
            if (q.other()) {
                header.add(TEXTS.text("survey.export.otherColumn", String.valueOf(q.number())));
            }
        }
        rows.add(header.stream().map(Spreadsheets::neutralise).toList());
        int number = 1;
        for (SurveyResults.Given given : all.answers()) {
            Map<String, Answer> respondent = given.answers();
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(number++));
            if (all.bySector()) {
                row.add(sectorName(given.sector()));
            }
            for (Question q : all.questions()) {
                Answer answer = respondent.get(q.key());
                if (q.grid()) {
                    for (int r = 0; r < q.rows().size(); r++) {
                        row.add(
                                answer == null || answer.choices().size() <= r
                                        ? ""
                                        : answer.choices().get(r));
                    }
                    continue;
                }
                if (q.type() == QuestionType.TEXT) {
                    row.add(answer == null || answer.text() == null ? "" : answer.text());
                } else {
                    row.add(
                            answer == null
                                    ? ""
                                    : String.join(
                                            "; ",
                                            answer.choices().stream()
                                                    .map(choice -> choice.equals(Answering.OTHER)
                                                            ? TEXTS.text("survey.export.otherChoice")
                                                            : choice)
                                                    .toList()));
                }
                if (q.other()) {
                    row.add(answer == null || answer.other() == null ? "" : answer.other());
                }
            }
            rows.add(row.stream().map(Spreadsheets::neutralise).toList());
        }
        return rows;
    }

    /**
     * The results per question for the cluster and the municipality: counts and shares per option, then the free
     * texts one per row, shuffled per question — never a row per respondent, whose texts side by side would tell a
     * small cluster who wrote them.
     */
    static List<List<String>> summary(SurveyResults.Results results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(TEXTS.texts("survey.export.columns", 4));
        Random random = new SecureRandom();
        for (SurveyResults.QuestionResult q : results.questions()) {
            String question = q.question().number() + ". " + q.question().text();
            rows.add(neutralised(question, TEXTS.text("survey.export.answeredBy"), String.valueOf(q.answered()), ""));
            for (SurveyResults.OptionCount option : q.options()) {
                rows.add(neutralised(
                        question, option.label(), String.valueOf(option.count()), String.valueOf(option.percent())));
            }
            for (SurveyResults.RowResult row : q.rows()) {
                rows.add(neutralised(
                        question,
                        TEXTS.text("survey.export.gridAnsweredBy", row.label()),
                        String.valueOf(row.answered()),
                        ""));
                for (SurveyResults.OptionCount option : row.options()) {
                    rows.add(neutralised(
                            question,
                            row.label() + ": " + option.label(),
                            String.valueOf(option.count()),
                            String.valueOf(option.percent())));
                }
            }
            // By sector only where the page shows it: every sector with enough answers to the question.
            for (SurveyResults.SectorResult sector : q.sectors()) {
                String name = sectorName(sector.sector());
                rows.add(neutralised(
                        question,
                        TEXTS.text("survey.export.sectorAnsweredBy", name),
                        String.valueOf(sector.answered()),
                        ""));
                for (SurveyResults.OptionCount option : sector.options()) {
                    rows.add(neutralised(
                            question,
                            name + ": " + option.label(),
                            String.valueOf(option.count()),
                            String.valueOf(option.percent())));
                }
            }
            List<String> texts = new ArrayList<>(q.texts());
            q.others().forEach(other -> texts.add(TEXTS.text("survey.export.other", other)));
            Collections.shuffle(texts, random);
            texts.forEach(text -> rows.add(neutralised(question, text, "", "")));
        }
        return rows;
    }

    static String sectorName(Sector sector) {
        return sector == Sector.CLUSTER ? "Klyngen" : "Kommunen";
    }

    private static List<String> neutralised(String... cells) {
        return Arrays.stream(cells).map(Spreadsheets::neutralise).toList();
    }

    static byte[] csv(SurveyResults.AllAnswers all) {
        return csv(table(all));
    }

    static byte[] csv(List<List<String>> table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(
                        writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            writer.write('\uFEFF');
            for (List<String> row : table) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(SurveyResults.AllAnswers all) {
        return Spreadsheets.xlsx(TEXTS.text("survey.export.sheet"), table(all), 1);
    }

    static byte[] xlsx(List<List<String>> summary) {
        return Spreadsheets.xlsx("Resultater", summary, 1);
    }
}
