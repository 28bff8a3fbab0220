package dk.samspil.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.office.DocumentVersions;
import dk.samspil.survey.SurveyFixtures;
import dk.samspil.survey.SurveyResults;
import dk.samspil.survey.SurveyResults.QuestionResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The consultant generates the deck in the background, everyone of the order downloads it (its charts carry the
 * survey's numbers), a new version keeps the old one, sending mails a link and ticks "final deck"; nobody outside
 * the order gets a deck, and a wrong token gets nothing.
 */
@SamspilTest
class DeckFlowTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    @Autowired
    SurveyResults results;

    @Autowired
    Decks decks;

    @Autowired
    dk.samspil.survey.Surveys surveys;

    @Test
    void aVersionLeftPendingWithoutItsJobIsMadeWhenTheApplicationStarts() throws Exception {
        long order = dk.samspil.OrderFixtures.placeAcuteOrder(
                mvc, users, dk.samspil.OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        // As a stop between committing the version and telling the scheduler leaves it: pending, with no job.
        long id = new DocumentVersions(jdbc, "DECK").add(order, "konsulent");

        decks.resumePending();

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> decks.find(id).orElseThrow().ready());
    }

    @Test
    void generateDownloadRegenerateAndSend() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        long order = fixtures.frozenOrder();
        Map<String, String> tokens = fixtures.send(order);
        List<Question> questions =
                catalog.find("akutfunktioner").orElseThrow().questionnaire().questions();
        int variant = 0;
        for (String token : new ArrayList<>(tokens.values()).subList(0, 4)) {
            fixtures.answer(
                    token,
                    questions.size(),
                    SurveyFixtures.fullAnswer(questions, variant++, "Godt samarbejde – æøå " + variant));
        }

        String empty = page(order, "koordinator");
        assertThat(empty).contains("Der er endnu ikke lavet en præsentation.").doesNotContain("Lav en ny version");
        assertThat(mvc.perform(post("/bestillinger/" + order + "/praesentation")
                                .with(csrf())
                                .with(users.as("koordinator")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("only the provider generates")
                .isEqualTo(404);

        DocumentVersions.Version first = generate(order);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.slides()).isGreaterThan(10);

        byte[] pptx = download(order, first.token() + ".pptx", "kommune");
        // For people to look at (the assertions are here): target/decks/flow.pptx
        Files.createDirectories(Path.of("target", "decks"));
        Files.write(Path.of("target", "decks", "flow.pptx"), pptx);
        List<List<Double>> chartValues = chartValues(pptx);
        for (QuestionResult q : results.forOrder(order).orElseThrow().questions()) {
            if (q.grid()) {
                // A series per row (patient group) over the scale's options, as shares of those who answered the row.
                for (var row : q.rows()) {
                    assertThat(chartValues)
                            .as("a chart series for the row " + row.label())
                            .contains(row.options().stream()
                                    .map(o -> (double) o.percent())
                                    .toList());
                }
            } else if (q.closed()) {
                List<Double> counts =
                        q.options().stream().map(o -> (double) o.count()).toList();
                assertThat(chartValues)
                        .as("a chart with the counts of question "
                                + q.question().number())
                        .contains(counts);
            }
        }
        if (first.hasPdf()) {
            byte[] pdf = download(order, first.token() + ".pdf", "koordinator");
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }

        for (String outsider : new String[] {"koordinator2", "kommune2", "midtkraft", "pko"}) {
            assertThat(status(order, first.token() + ".pptx", outsider))
                    .as(outsider)
                    .isEqualTo(404);
        }
        assertThat(status(order, "x".repeat(43) + ".pptx", "konsulent"))
                .as("a guessed token")
                .isEqualTo(404);
        long otherOrder = fixtures.frozenOrder();
        assertThat(status(otherOrder, first.token() + ".pptx", "konsulent"))
                .as("the token of another order")
                .isEqualTo(404);

        DocumentVersions.Version second = generate(order);
        assertThat(second.version()).isEqualTo(2);
        assertThat(status(order, first.token() + ".pptx", "koordinator"))
                .as("earlier versions stay")
                .isEqualTo(200);

        TestMailServer.purge();
        MockHttpServletResponse sent = mvc.perform(
                        post("/bestillinger/" + order + "/praesentation/" + second.token() + "/send")
                                .with(csrf())
                                .with(users.as("konsulent")))
                .andReturn()
                .getResponse();
        assertThat(sent.getRedirectedUrl()).endsWith("/praesentation");
        for (String to : List.of("anne.kjaer@example.dk", "kommune@example.dk")) {
            String text = TestMailServer.text(TestMailServer.awaitMail(to, "Præsentationen til klyngemødet"));
            assertThat(text).contains("/bestillinger/" + order + "/praesentation", "version 2");
            assertThat(text).as("a link, not the deck's download token").doesNotContain(second.token());
        }
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM order_task WHERE order_id = ? AND step = 'FINAL_DECK' AND done_at IS NOT NULL")
                        .param(order)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(page(order, "kommune")).contains("v2", "v1", "PowerPoint (version 1)");
    }

    @Test
    void questionsAddedMovedAndRemovedLandInTheProgrammeBlockEachCarries() throws Exception {
        long order = dk.samspil.OrderFixtures.placeAcuteOrder(
                mvc, users, dk.samspil.OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        List<Question> pkg =
                catalog.find("akutfunktioner").orElseThrow().questionnaire().questions();
        Question blockThree = pkg.stream()
                .filter(q -> Integer.valueOf(3).equals(q.block()))
                .findFirst()
                .orElseThrow();
        edit(post("/bestillinger/" + order + "/spoergeskema/spoergsmaal/"
                + pkg.get(0).key() + "/fjern"));
        for (int i = 0; i < blockThree.number(); i++) {
            edit(post("/bestillinger/" + order + "/spoergeskema/spoergsmaal/" + blockThree.key() + "/flyt")
                    .param("direction", "up"));
        }
        edit(post("/bestillinger/" + order + "/spoergeskema/spoergsmaal")
                .param("text", "Tilføjet til blok 2?")
                .param("type", "SCALE")
                .param("options", "Ja\nNej")
                .param("block", "2"));
        String form = mvc.perform(get("/bestillinger/" + order + "/spoergeskema/spoergsmaal")
                        .with(users.as("konsulent")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form)
                .as("a new question's block is by default the one of the question above")
                .containsPattern("<option value=\"2\" selected=\"selected\">");
        edit(post("/bestillinger/" + order + "/spoergeskema/spoergsmaal")
                .param("text", "Tilføjet uden at vælge blok?")
                .param("type", "SCALE")
                .param("options", "Ja\nNej"));
        assertThat(mvc.perform(post("/bestillinger/" + order + "/spoergeskema/spoergsmaal")
                                .with(csrf())
                                .with(users.as("konsulent"))
                                .param("text", "Ukendt blok?")
                                .param("type", "SCALE")
                                .param("options", "Ja\nNej")
                                .param("block", "9"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .as("a block the programme does not have is refused at the field")
                .contains("Vælg en af mødets blokke.");

        List<Question> asked = surveys.find(order).orElseThrow().questions();
        assertThat(asked.get(0).key()).isEqualTo(blockThree.key());
        assertThat(asked).extracting(Question::block).startsWith(3).endsWith(2, 2);
        edit(post("/bestillinger/" + order + "/spoergeskema/frys"));
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        List<String> tokens = new ArrayList<>(fixtures.send(order).values());
        for (int i = 0; i < 4; i++) {
            fixtures.answer(tokens.get(i), asked.size(), SurveyFixtures.fullAnswer(asked, i, "Svar " + i));
        }
        byte[] pptx = decks.pptx(generate(order)).orElseThrow();

        java.util.regex.Pattern block = java.util.regex.Pattern.compile("^Blok (\\d+)");
        java.util.regex.Pattern question = java.util.regex.Pattern.compile("^Spørgsmål (\\d+):");
        Integer current = null;
        List<Integer> seen = new ArrayList<>();
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            for (var slide : show.getSlides()) {
                String heading = WrittenDeck.heading(slide);
                if (heading.startsWith(Wording.FREE_TEXT)) {
                    heading = WrittenDeck.bodyParagraphs(slide).get(0); // the question, under the heading
                }
                var b = block.matcher(heading);
                var q = question.matcher(heading);
                if (b.find()) {
                    current = Integer.valueOf(b.group(1));
                } else if (q.find()) {
                    Question shown = asked.get(Integer.parseInt(q.group(1)) - 1);
                    assertThat(current)
                            .as("slide '%s' in the block of question %s", heading, shown.key())
                            .isEqualTo(shown.block());
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(shown.number())) {
                        seen.add(shown.number());
                    }
                }
            }
        }
        assertThat(seen).as("every question once").hasSize(asked.size());
    }

    private void edit(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        assertThat(mvc.perform(request.with(csrf()).with(users.as("konsulent")))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .containsPattern("/spoergeskema(#q-[^/]+)?$");
    }

    private DocumentVersions.Version generate(long order) throws Exception {
        int before = decks.versions(order).size();
        MockHttpServletResponse response = mvc.perform(post("/bestillinger/" + order + "/praesentation")
                        .with(csrf())
                        .with(users.as("konsulent")))
                .andReturn()
                .getResponse();
        assertThat(response.getRedirectedUrl()).endsWith("/praesentation");
        String polling = page(order, "konsulent");
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> decks.versions(order).size() > before
                        && !decks.versions(order).get(0).pending());
        DocumentVersions.Version version = decks.versions(order).get(0);
        assertThat(version.status()).isEqualTo(DocumentVersions.Status.READY);
        if (polling.contains("Laves lige nu")) {
            assertThat(polling)
                    .as("the page refreshes itself while the deck is made")
                    .contains("hx-trigger=\"every 2s\"");
        }
        return version;
    }

    private static List<List<Double>> chartValues(byte[] pptx) throws Exception {
        List<List<Double>> values = new ArrayList<>();
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            for (XSLFChart chart : show.getCharts()) {
                for (XDDFChartData data : chart.getChartSeries()) {
                    for (int s = 0; s < data.getSeriesCount(); s++) {
                        XDDFNumericalDataSource<? extends Number> numbers =
                                data.getSeries(s).getValuesData();
                        List<Double> series = new ArrayList<>();
                        for (int i = 0; i < numbers.getPointCount(); i++) {
                            Number n = numbers.getPointAt(i);
                            series.add(n == null ? null : n.doubleValue());
                        }
                        values.add(series);
                    }
                }
            }
        }
        return values;
    }

    private String page(long order, String user) throws Exception {
        return mvc.perform(get("/bestillinger/" + order + "/praesentation").with(users.as(user)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private byte[] download(long order, String file, String user) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get("/bestillinger/" + order + "/praesentation/" + file).with(users.as(user)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).contains("attachment");
        return response.getContentAsByteArray();
    }

    private int status(long order, String file, String user) throws Exception {
        return mvc.perform(
                        get("/bestillinger/" + order + "/praesentation/" + file).with(users.as(user)))
                .andReturn()
                .getResponse()
                .getStatus();
    }
}
