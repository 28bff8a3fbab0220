package dk.samspil.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.ServiceCode;
import dk.samspil.deck.Decks;
import dk.samspil.insight.ProviderOverview.Overview;
import dk.samspil.insight.ProviderOverview.PackageEffect;
import dk.samspil.meeting.AgreementStatus;
import dk.samspil.meeting.MeetingOwner;
import dk.samspil.meeting.Meetings;
import dk.samspil.meeting.Meetings.AgreementDraft;
import dk.samspil.ordering.OrderStatus;
import dk.samspil.ordering.Party;
import dk.samspil.servicedata.DisclosurePolicy.Hidden;
import dk.samspil.servicedata.ServiceEffect;
import dk.samspil.servicedata.ServiceEffect.MeetingEffect;
import dk.samspil.survey.SurveyFixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The provider's overview: its orders by phase and month, response rates, decks, meetings, agreements and
 * follow-ups, by region for KiAP; the effect before and after the meetings computed from imported service data
 * (checked by hand in {@link InsightFixtures}) under the disclosure policy; the same as XLSX; and nobody but the
 * provider's own consultants sees it.
 */
@SamspilTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderOverviewTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProviderOverview overviews;

    @Autowired
    Meetings meetings;

    @Autowired
    Catalog catalog;

    @Autowired
    Decks decks;

    @Autowired
    ServiceEffect serviceEffect;

    InsightFixtures fixtures;
    InsightFixtures.Meetings held;

    @BeforeAll
    void heldMeetingsWithServiceData() throws Exception {
        fixtures = new InsightFixtures(mvc, users, jdbc);
        held = fixtures.heldMeetings();
        agreement(held.demo(), "Demo gennemført", AgreementStatus.DONE);
        agreement(held.demo(), "Demo i gang", AgreementStatus.IN_PROGRESS);
        agreement(held.vest(), "Vest gennemført", AgreementStatus.DONE);
        agreement(held.nord(), "Nord aftalt", null);
    }

    @AfterAll
    void removeServiceData() {
        fixtures.removeData();
    }

    @Test
    void countsOrdersByPhaseAndMonthWithResponseRateDecksAgreementsAndFollowUps() throws Exception {
        Overview before = overviews.of(users.principal("konsulent"));
        LocalDate meeting = OrderFixtures.today().plusWeeks(20);
        SurveyFixtures surveys = new SurveyFixtures(mvc, users);
        long order = surveys.frozenOrder();
        jdbc.sql("UPDATE package_order SET meeting_date = ? WHERE id = ?")
                .params(meeting, order)
                .update();
        Map<String, String> tokens = surveys.send(order);
        List<Question> questions =
                catalog.find("akutfunktioner").orElseThrow().questionnaire().questions();
        List<String> links = new ArrayList<>(tokens.values());
        for (int i = 0; i < 3; i++) {
            surveys.answer(links.get(i), questions.size(), SurveyFixtures.fullAnswer(questions, i, "Svar " + i));
        }
        makeAndSendDeck(order);
        String status = jdbc.sql("SELECT status FROM package_order WHERE id = ?")
                .param(order)
                .query(String.class)
                .single();
        agreement(order, "Ny aftale", null);
        // The follow-up meeting of Nordklyngen's held meeting is overdue.
        jdbc.sql("UPDATE order_task SET due_date = ? WHERE order_id = ? AND step = 'FOLLOW_UP_MEETING'")
                .params(OrderFixtures.today().minusDays(2), held.nord())
                .update();

        Overview after = overviews.of(users.principal("konsulent"));

        assertThat(after.providerName()).startsWith("KiAP");
        assertThat(after.national()).isTrue();
        assertThat(after.all().orders()).isEqualTo(before.all().orders() + 1);
        OrderStatus phase = OrderStatus.valueOf(status);
        ProviderOverview.MonthRow month = after.months().stream()
                .filter(m -> m.month().equals(YearMonth.from(meeting)))
                .findFirst()
                .orElseThrow();
        int monthBefore = before.months().stream()
                .filter(m -> m.month().equals(YearMonth.from(meeting)))
                .mapToInt(m -> m.count(phase))
                .sum();
        assertThat(month.count(phase)).isEqualTo(monthBefore + 1);
        assertThat(after.allMonths().count(phase)).isEqualTo(before.allMonths().count(phase) + 1);
        assertThat(after.allMonths().total()).isEqualTo(after.all().orders());
        // 11 members invited, 3 answered.
        assertThat(after.all().surveysSent()).isEqualTo(before.all().surveysSent() + 1);
        assertThat(after.all().invited()).isEqualTo(before.all().invited() + 11);
        assertThat(after.all().answered()).isEqualTo(before.all().answered() + 3);
        Activity akut = after.packages().stream()
                .filter(a -> a.label().startsWith("Almen praksis' samarbejde"))
                .findFirst()
                .orElseThrow();
        assertThat(akut.responseRate()).isEqualTo(Math.round(100f * akut.answered() / akut.invited()));
        assertThat(after.all().decksMade()).isEqualTo(before.all().decksMade() + 1);
        assertThat(after.all().decksSent()).isEqualTo(before.all().decksSent() + 1);
        assertThat(after.all().agreements().of(AgreementStatus.AGREED))
                .isEqualTo(before.all().agreements().of(AgreementStatus.AGREED) + 1);
        assertThat(after.all().meetingsHeld()).isGreaterThanOrEqualTo(3);
        assertThat(after.followUps()).anySatisfy(f -> {
            assertThat(f.order().id()).isEqualTo(held.nord());
            assertThat(f.overdue()).isTrue();
        });
        assertThat(after.followUps()).noneMatch(f -> f.order().id() == held.demo()); // closed: nothing due
        // KiAP sees its orders region by region: Nordklyngen's in Region Nordjylland.
        assertThat(after.regions()).extracting(Activity::label).contains("Region Midtjylland", "Region Nordjylland");
        assertThat(after.regions().stream().mapToInt(Activity::orders).sum())
                .isEqualTo(after.all().orders());
        Activity nordjylland = after.regions().stream()
                .filter(a -> a.label().equals("Region Nordjylland"))
                .findFirst()
                .orElseThrow();
        assertThat(nordjylland.meetingsHeld()).isGreaterThanOrEqualTo(1);
        assertThat(nordjylland.followUpsDue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theEffectComparesTheTwelveMonthsBeforeAndAfterEachMeetingWithSmallCountsHidden() {
        Overview overview = overviews.of(users.principal("konsulent"));
        PackageEffect akut = overview.effects().stream()
                .filter(p -> p.slug().equals("akutfunktioner"))
                .findFirst()
                .orElseThrow();
        ServiceEffect.Effect effect = akut.services().get(0);
        assertThat(effect.service().code()).isEqualTo("0124");
        assertThat(effect.complete()).extracting(m -> m.meeting().orderId()).containsExactly(held.demo(), held.vest());
        MeetingEffect demo = effect.complete().get(0);
        MeetingEffect vest = effect.complete().get(1);
        // Demoklyngen: 6 practices × 12 months × 1 = 72 services on 6,000 listed before (12.0 per 1,000); the 300 of
        // the
        // meeting's own month in neither; 6 × 12 × 2 = 144 after (24.0).
        assertThat(demo.after().value()).isEqualTo(144);
        assertThat(demo.after().visible()).isTrue();
        assertThat(demo.afterRate()).isEqualTo(24.0);
        assertThat(demo.beforeFrom()).isEqualTo(LocalDate.of(2015, 6, 1));
        assertThat(demo.afterTo()).isEqualTo(LocalDate.of(2017, 6, 1));
        // Vestklyngen's 3 services before are below 5: "<5"; Demoklyngen's 72 is hidden with it ("x"), or 75 − 72 gives
        // the 3 back. The total, 75 on 9,000 listed, is shown: 8.3 per 1,000.
        assertThat(vest.before().hidden()).isEqualTo(Hidden.PRIMARY);
        assertThat(vest.before().text(effect.threshold())).isEqualTo("<5");
        assertThat(vest.beforeRate()).isNull();
        assertThat(demo.before().hidden()).isEqualTo(Hidden.SECONDARY);
        assertThat(demo.before().text(effect.threshold())).isEqualTo("x");
        assertThat(demo.beforeRate()).isNull();
        assertThat(demo.change()).isNull();
        assertThat(effect.beforeTotal().visible()).isTrue();
        assertThat(effect.beforeTotal().value()).isEqualTo(75);
        assertThat(effect.beforeRate()).isEqualTo(8.3);
        // After: Vestklyngen 30 on 3,000 (10.0); all 174 on 9,000 (19.3); the change 19.3 − 8.3.
        assertThat(vest.after().value()).isEqualTo(30);
        assertThat(vest.afterRate()).isEqualTo(10.0);
        assertThat(effect.afterTotal().value()).isEqualTo(174);
        assertThat(effect.afterRate()).isEqualTo(19.3);
        assertThat(effect.change()).isEqualTo(11.0);
        // Nordklyngen met three months ago: not yet, and not in the totals.
        assertThat(effect.partial()).extracting(m -> m.meeting().orderId()).containsExactly(held.nord());
        assertThat(effect.partial().get(0).after()).isNull();
        assertThat(effect.partial().get(0).complete()).isFalse();
        // Agreements of the three held meetings: 2 of 4 done.
        assertThat(akut.meetings()).isEqualTo(3);
        assertThat(akut.agreements().total()).isEqualTo(4);
        assertThat(akut.done()).isEqualTo(2);
        assertThat(akut.donePercent()).isEqualTo(50);
    }

    @Test
    void aServiceCountingPatientsComparesTheMonthBeforeWithTheTwelfthMonthAfter() {
        ServiceCode patients = new ServiceCode("0124", "Patienter", PackageDefinition.Measure.PATIENTS);
        ServiceEffect.Effect effect = serviceEffect.of(
                patients,
                List.of(
                        new ServiceEffect.Meeting(held.demo(), cluster("Demoklyngen"), InsightFixtures.DEMO_MEETING),
                        new ServiceEffect.Meeting(held.vest(), cluster("Vestklyngen"), InsightFixtures.VEST_MEETING)),
                OrderFixtures.today());
        MeetingEffect demo = effect.complete().get(0);
        // May 2016: 6 practices × 1 on 6,000 listed (1.0 per 1,000); June 2017: 6 × 2 (2.0).
        assertThat(demo.beforeFrom()).isEqualTo(LocalDate.of(2016, 5, 1));
        assertThat(demo.before().value()).isEqualTo(6);
        assertThat(demo.beforeRate()).isEqualTo(1.0);
        assertThat(demo.after().value()).isEqualTo(12);
        assertThat(demo.afterRate()).isEqualTo(2.0);
        // Vestklyngen had none in August 2016 and none in September 2017: 0 is shown, and hides nothing.
        MeetingEffect vest = effect.complete().get(1);
        assertThat(vest.before().visible()).isTrue();
        assertThat(vest.beforeRate()).isEqualTo(0.0);
        assertThat(vest.afterRate()).isEqualTo(0.0);
        assertThat(effect.afterTotal().value()).isEqualTo(12);
        assertThat(effect.afterRate()).isEqualTo(1.3); // 12 on 9,000 listed
    }

    @Test
    void thePageShowsTheEffectWithItsChartAndNotYetInDanish() throws Exception {
        String html = page("/udbyder/overblik", "konsulent");
        assertThat(html)
                .contains(
                        "Overblik for KiAP",
                        "Efter region",
                        "Region Nordjylland",
                        "Effekten af møderne",
                        "samspil-trend-chart",
                        "data-type=\"bar\"",
                        "Demoklyngen, 15.06.2016",
                        "Vestklyngen, 10.09.2016",
                        "Alle 2 møder",
                        "&lt;5",
                        "8,3",
                        "19,3",
                        "24,0",
                        "Endnu ikke",
                        "efter endnu ikke",
                        "3 møder holdt; 2 af 4 aftaler gennemført (50 %).",
                        "/udbyder/overblik.xlsx")
                .doesNotContain(">72<");
        assertThat(page("/start", "konsulent")).contains("href=\"/udbyder/overblik\"");
    }

    @Test
    void theSpreadsheetHoldsTheOverviewWithTheSameFiguresHidden() throws Exception {
        // A name that a spreadsheet would read as a formula stays text.
        jdbc.sql("UPDATE cluster SET name = '=1+1 Nordklyngen' WHERE name = 'Nordklyngen'")
                .update();
        MockHttpServletResponse response;
        try {
            response = mvc.perform(get("/udbyder/overblik.xlsx").with(users.as("konsulent")))
                    .andReturn()
                    .getResponse();
        } finally {
            jdbc.sql("UPDATE cluster SET name = 'Nordklyngen' WHERE name = '=1+1 Nordklyngen'")
                    .update();
        }
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith(ProviderOverviewController.XLSX.toString());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            assertThat(names)
                    .containsExactly(
                            "Faser pr. måned",
                            "Efter pakke",
                            "Efter region",
                            "Opfølgning",
                            "Effekt",
                            "Aftaler pr. pakke");
            List<List<String>> effect = rows(workbook.getSheet("Effekt"));
            assertThat(effect.get(0)).startsWith("Pakke", "Ydelse", "Klynge", "Møde", "Før, antal", "Før, pr. 1.000");
            List<String> demo = effect.stream()
                    .filter(r -> r.get(2).equals("Demoklyngen") && r.get(3).equals("15.06.2016"))
                    .findFirst()
                    .orElseThrow();
            assertThat(demo.subList(4, 9)).containsExactly("x", "", "144", "24", "");
            List<String> vest = effect.stream()
                    .filter(r -> r.get(2).equals("Vestklyngen") && r.get(3).equals("10.09.2016"))
                    .findFirst()
                    .orElseThrow();
            assertThat(vest.subList(4, 8)).containsExactly("<5", "", "30", "10");
            List<String> total = effect.stream()
                    .filter(r -> r.get(2).equals("Alle 2 møder"))
                    .findFirst()
                    .orElseThrow();
            assertThat(total.subList(4, 9)).containsExactly("75", "8.3", "174", "19.3", "11");
            List<String> nord = effect.stream()
                    .filter(r -> r.get(2).equals("=1+1 Nordklyngen"))
                    .findFirst()
                    .orElseThrow();
            assertThat(nord.get(9)).startsWith("Endnu ikke");
            Cell nordCell =
                    workbook.getSheet("Effekt").getRow(effect.indexOf(nord)).getCell(2);
            assertThat(nordCell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(nordCell.getCellStyle().getQuotePrefixed()).isTrue();
            List<List<String>> phases = rows(workbook.getSheet("Faser pr. måned"));
            assertThat(phases.get(0)).startsWith("Mødemåned", "Modtaget").endsWith("I alt");
            assertThat(phases.get(phases.size() - 1).get(0)).isEqualTo("I alt");
            // Demoklyngen's meeting of June 2016 is closed.
            List<String> june = phases.stream()
                    .filter(r -> r.get(0).equals("06.2016"))
                    .findFirst()
                    .orElseThrow();
            assertThat(june.get(phases.get(0).indexOf("Afsluttet"))).isEqualTo("1");
            List<List<String>> agreements = rows(workbook.getSheet("Aftaler pr. pakke"));
            assertThat(agreements)
                    .anySatisfy(r -> assertThat(r)
                            .startsWith("Almen praksis' samarbejde med kommunale akutfunktioner", "3", "4", "2", "50"));
            // No cell is a formula: every one is text or a number.
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).isIn(CellType.STRING, CellType.NUMERIC);
                    }
                }
            }
        }
    }

    @Test
    void onlyTheProvidersOwnConsultantsSeeItsOverview() throws Exception {
        // MidtKraft's consultant sees MidtKraft's orders only, and no region table (a regional provider).
        Overview midtkraft = overviews.of(users.principal("midtkraft"));
        int midtkraftOrders = jdbc.sql("SELECT count(*) FROM package_order WHERE provider_code = 'MIDTKRAFT'")
                .query(Integer.class)
                .single();
        assertThat(midtkraft.all().orders()).isEqualTo(midtkraftOrders);
        assertThat(midtkraft.national()).isFalse();
        assertThat(midtkraft.orders()).doesNotContainKeys(held.demo(), held.vest(), held.nord());
        String html = page("/udbyder/overblik", "midtkraft");
        assertThat(html).contains("Overblik for MidtKraft").doesNotContain("Demoklyngen, 15.06.2016", "Efter region");
        int kiapOrders = jdbc.sql("SELECT count(*) FROM package_order WHERE provider_code = 'KIAP'")
                .query(Integer.class)
                .single();
        assertThat(overviews.of(users.principal("konsulent")).all().orders()).isEqualTo(kiapOrders);
        for (String other : List.of("koordinator", "koordinator2", "medlem", "kommune", "pko", "redaktoer", "admin")) {
            for (String path : List.of("/udbyder/overblik", "/udbyder/overblik.xlsx")) {
                assertThat(mvc.perform(get(path).with(users.as(other)))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                        .as(path + " as " + other)
                        .isEqualTo(404);
            }
        }
        assertThat(mvc.perform(get("/udbyder/overblik"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
    }

    private long cluster(String name) {
        return jdbc.sql("SELECT id FROM cluster WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private void agreement(long order, String what, AgreementStatus to) {
        long meeting = meetings.idOf(MeetingOwner.order(order));
        long id = meetings.addAgreement(
                meeting, new AgreementDraft(what, "Anne Kjær", Party.CLUSTER, LocalDate.of(2030, 1, 1), null), "test");
        if (to != null) {
            meetings.changeStatus(meeting, id, AgreementStatus.AGREED, to, null, "test");
        }
    }

    private void makeAndSendDeck(long order) throws Exception {
        mvc.perform(post("/bestillinger/" + order + "/praesentation")
                        .with(csrf())
                        .with(users.as("konsulent")))
                .andReturn();
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> !decks.versions(order).isEmpty()
                        && !decks.versions(order).get(0).pending());
        String token = decks.versions(order).get(0).token();
        mvc.perform(post("/bestillinger/" + order + "/praesentation/" + token + "/send")
                        .with(csrf())
                        .with(users.as("konsulent")))
                .andReturn();
    }

    private static List<List<String>> rows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                if (cell == null) {
                    cells.add("");
                } else if (cell.getCellType() == CellType.NUMERIC) {
                    double value = cell.getNumericCellValue();
                    cells.add(value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value));
                } else {
                    cells.add(cell.getStringCellValue());
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private String page(String path, String user) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(path).with(users.as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + " as " + user).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
