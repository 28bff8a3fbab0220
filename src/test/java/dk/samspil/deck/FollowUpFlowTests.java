package dk.samspil.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.QuestionType;
import dk.samspil.meeting.AgreementStatus;
import dk.samspil.meeting.MeetingOwner;
import dk.samspil.meeting.Meetings;
import dk.samspil.office.DocumentVersions;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.ordering.Party;
import dk.samspil.servicedata.OrderFigures;
import dk.samspil.survey.SurveyFixtures;
import dk.samspil.survey.SurveyResults;
import dk.samspil.survey.SurveyResults.QuestionResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The follow-up a year later: ordered in one click by the coordinator, it repeats the questionnaire under the same
 * question keys (a reworded question still compares, an added one is "Ny") and keeps the practices' letters; its deck
 * shows "Før" beside "Nu" and the first meeting's agreements with their status.
 */
@SamspilTest
class FollowUpFlowTests {

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
    Orders orders;

    @Autowired
    Meetings meetings;

    @Autowired
    OrderFigures figures;

    @Test
    void followUpInOneClickComparesThenAndNow() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        List<Question> questions =
                catalog.find("akutfunktioner").orElseThrow().questionnaire().questions();
        long first = fixtures.frozenOrder();
        answer(fixtures, first, questions, 0);
        OrderView firstOrder = orders.find(first).orElseThrow();
        Map<String, String> firstLetters = figures.letters(firstOrder);
        long agreement = meetings.addAgreement(
                meetings.idOf(MeetingOwner.order(first)),
                new Meetings.AgreementDraft(
                        "Klinikbesøg hos akutteamet",
                        "",
                        Party.MUNICIPALITY,
                        firstOrder.meetingDate().plusMonths(2),
                        null),
                "koordinator");
        meetings.changeStatus(
                meetings.idOf(MeetingOwner.order(first)),
                agreement,
                AgreementStatus.AGREED,
                AgreementStatus.DONE,
                null,
                "koordinator");

        assertThat(follow(first, "konsulent").getStatus())
                .as("the coordinator orders")
                .isEqualTo(404);
        assertThat(follow(first, "koordinator2").getStatus()).isEqualTo(404);
        dk.samspil.web.Confirmations.assertAsksFirst(
                mvc.perform(get("/bestillinger/" + first).with(users.as("koordinator")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "/opfoelgning",
                "Vil du bestille opfølgningen?");
        MockHttpServletResponse placed = follow(first, "koordinator");
        long followUp = Long.parseLong(placed.getRedirectedUrl().substring("/bestillinger/".length()));
        assertThat(follow(first, "koordinator").getRedirectedUrl())
                .as("only one follow-up")
                .isEqualTo("/bestillinger/" + first);
        OrderView next = orders.find(followUp).orElseThrow();
        assertThat(next.followsOrderId()).isEqualTo(first);
        assertThat(next.packageSlug()).isEqualTo("akutfunktioner");
        assertThat(next.meetingDate()).isEqualTo(firstOrder.meetingDate().plusYears(1));
        assertThat(next.participants())
                .extracting(p -> p.email())
                .containsExactlyElementsOf(
                        firstOrder.participants().stream().map(p -> p.email()).toList());
        assertThat(figures.letters(next)).as("the same letters then and now").isEqualTo(firstLetters);
        String firstPage = mvc.perform(get("/bestillinger/" + first).with(users.as("koordinator")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(firstPage).contains("Opfølgningen er bestilt – se den").doesNotContain("Bestil opfølgningen");

        // The follow-up's survey starts from the first one's questions; the consultant rewords the first question
        // (same key) and adds one before freezing.
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT count(*) FROM survey WHERE order_id = ?")
                                .param(followUp)
                                .query(Integer.class)
                                .single()
                        == 1);
        Question added = new Question(
                "ny-opfoelgning",
                questions.size() + 1,
                "Har aftalerne fra sidste år gjort en forskel?",
                QuestionType.SCALE,
                List.of("Ja", "Delvist", "Nej"),
                false,
                false,
                1);
        jdbc.sql("""
                        UPDATE survey_version v SET questions = jsonb_set(questions, '{0,text}', to_jsonb(?::text))
                            || jsonb_build_array(jsonb_build_object('key', ?, 'number', ?, 'text', ?, 'type', 'SCALE',
                               'options', jsonb_build_array('Ja', 'Delvist', 'Nej'), 'other', false, 'required', false, 'block', 1))
                        FROM survey s WHERE s.id = v.survey_id AND s.order_id = ?""")
                .params(
                        "Omformuleret: hvor godt kender du akutfunktionen i dag?",
                        added.key(),
                        added.number(),
                        added.text(),
                        followUp)
                .update();
        mvc.perform(post("/bestillinger/" + followUp + "/spoergeskema/frys")
                .with(csrf())
                .with(users.as("konsulent")));
        List<Question> now = new ArrayList<>(questions);
        now.add(added);
        answer(fixtures, followUp, now, 1);

        mvc.perform(post("/bestillinger/" + followUp + "/praesentation")
                .with(csrf())
                .with(users.as("konsulent")));
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> !decks.versions(followUp).isEmpty()
                        && !decks.versions(followUp).get(0).pending());
        DocumentVersions.Version version = decks.versions(followUp).get(0);
        assertThat(version.status()).isEqualTo(DocumentVersions.Status.READY);
        byte[] pptx = decks.pptx(version).orElseThrow();
        // For people to look at (the assertions are here): target/decks/follow-up.pptx
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "decks"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "decks", "follow-up.pptx"), pptx);

        QuestionResult thenFirst =
                results.forOrder(first).orElseThrow().questions().get(0);
        QuestionResult nowFirst =
                results.forOrder(followUp).orElseThrow().questions().get(0);
        assertThat(nowFirst.question().key()).isEqualTo(thenFirst.question().key());
        assertThat(nowFirst.question().text()).startsWith("Omformuleret");
        String web = mvc.perform(
                        get("/bestillinger/" + followUp + "/resultater").with(users.as("kommune")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(web)
                .as("the follow-up's results page compares then and now as shares, naming both numbers")
                .contains(
                        "Før: " + thenFirst.answered() + " svar · Nu: " + nowFirst.answered() + " svar",
                        "Før (andel)",
                        thenFirst.options().get(0).label() + ": før "
                                + thenFirst.options().get(0).percent() + " %, nu "
                                + nowFirst.options().get(0).percent() + " %");
        assertThat(mvc.perform(get("/bestillinger/" + first + "/resultater").with(users.as("kommune")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .as("a first meeting has no then")
                .doesNotContain("Før (andel)");
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            boolean compared = false;
            for (XSLFChart chart : show.getCharts()) {
                List<List<Double>> series = values(chart);
                if (series.size() == 2
                        && series.get(0).equals(shares(thenFirst))
                        && series.get(1).equals(shares(nowFirst))) {
                    compared = true;
                    assertThat(chart.getCTChart().toString()).contains("Før", "Nu");
                }
            }
            assertThat(compared)
                    .as("the reworded question compared then (Før) and now (Nu) by its key, as shares")
                    .isTrue();
            String text = text(show);
            assertThat(text).contains("Omformuleret: hvor godt kender du akutfunktionen i dag?");
            assertThat(text).contains("Aftaler fra mødet sidste år", "Klinikbesøg hos akutteamet", "gennemført");
            XSLFSlide addedSlide = show.getSlides().stream()
                    .filter(s -> slideText(s).contains(added.text()))
                    .findFirst()
                    .orElseThrow();
            assertThat(slideText(addedSlide))
                    .as("a question new in the follow-up has no 'then'")
                    .contains("Ny");
        }
    }

    private void answer(SurveyFixtures fixtures, long order, List<Question> questions, int variant) throws Exception {
        List<String> tokens = new ArrayList<>(fixtures.send(order).values());
        for (int i = 0; i < 3; i++) {
            fixtures.answer(
                    tokens.get(i), questions.size(), SurveyFixtures.fullAnswer(questions, variant + i, "Svar " + i));
        }
    }

    private MockHttpServletResponse follow(long order, String user) throws Exception {
        return mvc.perform(post("/bestillinger/" + order + "/opfoelgning")
                        .with(csrf())
                        .with(users.as(user)))
                .andReturn()
                .getResponse();
    }

    private static List<Double> shares(QuestionResult q) {
        return q.options().stream().map(o -> (double) o.percent()).toList();
    }

    private static List<List<Double>> values(XSLFChart chart) {
        List<List<Double>> all = new ArrayList<>();
        for (XDDFChartData data : chart.getChartSeries()) {
            for (int s = 0; s < data.getSeriesCount(); s++) {
                XDDFNumericalDataSource<? extends Number> numbers =
                        data.getSeries(s).getValuesData();
                List<Double> series = new ArrayList<>();
                for (int i = 0; i < numbers.getPointCount(); i++) {
                    Number n = numbers.getPointAt(i);
                    series.add(n == null ? null : n.doubleValue());
                }
                all.add(series);
            }
        }
        return all;
    }

    private static String text(XMLSlideShow show) {
        StringBuilder text = new StringBuilder();
        show.getSlides().forEach(s -> text.append(slideText(s)).append('\n'));
        return text.toString();
    }

    private static String slideText(XSLFSlide slide) {
        StringBuilder text = new StringBuilder();
        for (XSLFShape shape : slide.getShapes()) {
            if (shape instanceof XSLFTextShape t) {
                text.append(t.getText()).append('\n');
            } else if (shape instanceof org.apache.poi.xslf.usermodel.XSLFTable table) {
                table.getRows()
                        .forEach(r -> r.getCells()
                                .forEach(c -> text.append(c.getText()).append('\n')));
            }
        }
        return text.toString();
    }
}
