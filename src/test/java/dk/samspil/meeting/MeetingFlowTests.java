package dk.samspil.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.catalog.Catalog;
import dk.samspil.office.DocumentVersions;
import dk.samspil.office.OfficeConverter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Meeting mode with two writers at once, agreements followed to done or abandoned, the referat made, mailed and kept,
 * and nobody outside the order let in.
 */
@SamspilTest
class MeetingFlowTests {

    static final String CONFLICT = "En anden har gemt her, mens du skrev.";

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    @Autowired
    Minutes minutes;

    @Autowired
    OfficeConverter office;

    @Autowired
    Meetings meetings;

    @Autowired
    dk.samspil.ordering.Orders orders;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void theSecondWriterOfTheSameNotesIsToldAndKeepsTheirTextWhileDifferentAgreementsBothSave() throws Exception {
        long order = order();
        assertThat(page(order, "koordinator")).contains("Parkeringsplads", "Mødeleder", "Referent");
        int version = blockVersion(order, 1);

        MockHttpServletResponse a = perform(
                post(meeting(order) + "/blokke/1")
                        .param("start", "16:02")
                        .param("end", "16:12")
                        .param("notes", "Referentens noter fra introduktionen")
                        .param("version", String.valueOf(version)),
                "koordinator");
        assertThat(a.getRedirectedUrl()).endsWith("/moede#blok-1");

        MockHttpServletResponse b = perform(
                post(meeting(order) + "/blokke/1")
                        .param("start", "16:02")
                        .param("end", "")
                        .param("notes", "Medskriverens noter – æøå")
                        .param("version", String.valueOf(version)),
                "kommune");
        String refused = b.getContentAsString(StandardCharsets.UTF_8);
        assertThat(b.getStatus()).isEqualTo(200);
        assertThat(refused).contains(CONFLICT, "Medskriverens noter – æøå", "Referentens noter fra introduktionen");
        assertThat(notes(order, 1)).isEqualTo("Referentens noter fra introduktionen");

        // Saving again from the returned page replaces the stored text on purpose.
        MockHttpServletResponse again = perform(
                post(meeting(order) + "/blokke/1")
                        .param("start", "16:02")
                        .param("end", "16:12")
                        .param("notes", "Begge skriveres noter")
                        .param("version", String.valueOf(version + 1)),
                "kommune");
        assertThat(again.getRedirectedUrl()).endsWith("/moede#blok-1");
        assertThat(notes(order, 1)).isEqualTo("Begge skriveres noter");

        long first = addAgreement(order, "Klyngen indkalder til opfølgende møde", "Anne Kjær", "", "koordinator");
        long second = addAgreement(order, "Kommunen sender kontaktliste", "", "MUNICIPALITY", "kommune");
        assertThat(perform(
                                editAgreement(
                                        order, first, "Klyngen indkalder til opfølgende møde i juni", "Anne Kjær", 0),
                                "koordinator")
                        .getRedirectedUrl())
                .endsWith("#aftale-" + first);
        assertThat(perform(
                                editAgreement(
                                        order, second, "Kommunen sender kontaktliste til alle læger", "Susanne", 0),
                                "kommune")
                        .getRedirectedUrl())
                .endsWith("#aftale-" + second);
        assertThat(what(first)).isEqualTo("Klyngen indkalder til opfølgende møde i juni");
        assertThat(what(second)).isEqualTo("Kommunen sender kontaktliste til alle læger");

        // The same agreement saved twice from version 0: the second is refused with the writer's text kept.
        String stale = perform(editAgreement(order, first, "En tredje formulering", "Anne Kjær", 0), "konsulent")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(stale).contains(CONFLICT, "En tredje formulering");
        assertThat(what(first)).isEqualTo("Klyngen indkalder til opfølgende møde i juni");
    }

    @Test
    void agreementsMoveThroughTheirStatusesWithHistoryAndAbandoningNeedsAReason() throws Exception {
        long order = order();
        String type = catalog.find("dosisdispensering")
                .orElseThrow()
                .suggestedActions()
                .get(1);
        MockHttpServletResponse added = perform(
                post(meeting(order) + "/aftaler")
                        .param("type", type)
                        .param("what", "")
                        .param("person", "")
                        .param("party", "CLUSTER")
                        .param("due", OrderFixtures.today().plusMonths(2).toString()),
                "koordinator");
        long id = Long.parseLong(added.getRedirectedUrl().replaceAll(".*#aftale-", ""));
        assertThat(what(id))
                .as("a ready agreement type is the text when none is written")
                .isEqualTo(type);

        assertThat(status(order, id, "AGREED", "IN_PROGRESS", "", "kommune").getRedirectedUrl())
                .endsWith("#aftale-" + id);
        MockHttpServletResponse noReason = status(order, id, "IN_PROGRESS", "ABANDONED", "  ", "kommune");
        String page = noReason.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Skriv hvorfor aftalen opgives.", "id=\"agreement-" + id + "-reason-error\"");
        assertThat(currentStatus(id)).isEqualTo("IN_PROGRESS");
        assertThat(status(order, id, "AGREED", "DONE", "", "koordinator").getContentAsString(StandardCharsets.UTF_8))
                .as("a status changed by someone else meanwhile")
                .contains("En anden har ændret aftalens status");
        assertThat(status(order, id, "IN_PROGRESS", "DONE", "", "koordinator").getRedirectedUrl())
                .endsWith("#aftale-" + id);
        assertThat(currentStatus(id)).isEqualTo("DONE");

        long other = addAgreement(order, "Pilotprojekt med fem læger", "Lars", "", "koordinator");
        status(order, other, "AGREED", "ABANDONED", "Ingen læger havde tid i år", "konsulent");
        assertThat(currentStatus(other)).isEqualTo("ABANDONED");

        List<String> history = jdbc.sql("""
                        SELECT coalesce(from_status, '-') || '>' || to_status || ':' || changed_by FROM meeting_agreement_history
                        WHERE agreement_id = ? ORDER BY id""").param(id).query(String.class).list();
        assertThat(history)
                .containsExactly("->AGREED:koordinator", "AGREED>IN_PROGRESS:kommune", "IN_PROGRESS>DONE:koordinator");
        assertThat(page(order, "kommune"))
                .contains(
                        "ændrede status fra I gang til Gennemført",
                        "Begrundelse: Ingen læger havde tid i år",
                        "Opgivet");
        // Times in Copenhagen time (the database keeps UTC), people by name and organisation, never their log-in name.
        List<java.time.OffsetDateTime> at = jdbc.sql(
                        "SELECT changed_at FROM meeting_agreement_history WHERE agreement_id = ? ORDER BY id")
                .param(id)
                .query(java.time.OffsetDateTime.class)
                .list();
        assertThat(page(order, "kommune"))
                .contains(
                        copenhagen(at.get(0)) + ": aftalt, skrevet af Anne Kjær (Demoklyngen)",
                        copenhagen(at.get(1)) + ": Susanne Sygeplejerske (Aarhus Kommune) ændrede status",
                        ": Karin Konsulent (KiAP) ændrede status fra Aftalt til Opgivet")
                .doesNotContain("skrevet af koordinator", ": kommune ændrede", ": konsulent ændrede");
    }

    @Test
    void anAgreementWithADueDateInThePastIsRefusedAtTheFieldButAnOverdueOneKeepsItsDate() throws Exception {
        long order = order();
        int before = jdbc.sql(
                        "SELECT count(*) FROM meeting_agreement WHERE meeting_id IN (SELECT id FROM meeting WHERE order_id = ?)")
                .param(order)
                .query(Integer.class)
                .single();
        MockHttpServletResponse past = perform(
                post(meeting(order) + "/aftaler")
                        .param("what", "Fælles kursus")
                        .param("person", "")
                        .param("party", "CLUSTER")
                        .param("due", OrderFixtures.today().minusDays(1).toString()),
                "koordinator");
        assertThat(past.getStatus()).isEqualTo(200);
        assertThat(past.getContentAsString(StandardCharsets.UTF_8))
                .contains("Fristen ligger før i dag.", "agreement-due-error", "Fælles kursus");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM meeting_agreement WHERE meeting_id IN (SELECT id FROM meeting WHERE order_id = ?)")
                        .param(order)
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
        long id = addAgreement(order, "Fælles kursus", "", "CLUSTER", "koordinator");
        jdbc.sql("UPDATE meeting_agreement SET due_date = ? WHERE id = ?")
                .params(OrderFixtures.today().minusDays(3), id)
                .update();
        MockHttpServletResponse kept = perform(
                post(meeting(order) + "/aftaler/" + id)
                        .param("what", "Fælles kursus i foråret")
                        .param("person", "")
                        .param("party", "CLUSTER")
                        .param("due", OrderFixtures.today().minusDays(3).toString())
                        .param(
                                "version",
                                String.valueOf(jdbc.sql("SELECT version FROM meeting_agreement WHERE id = ?")
                                        .param(id)
                                        .query(Integer.class)
                                        .single())),
                "koordinator");
        assertThat(kept.getRedirectedUrl())
                .as("an overdue agreement keeps its date")
                .endsWith("#aftale-" + id);
    }

    @Test
    void theReferatIsMadeAsWordAndPdfMailedToEveryoneAndTheMeetingIsTicked() throws Exception {
        long order = order();
        perform(
                post(meeting(order) + "/roller")
                        .param("chair", "Anne Kjær")
                        .param("referent", "Bo Mikkelsen")
                        .param("presenters", "Susanne Sygeplejerske")
                        .param("version", "0"),
                "koordinator");
        page(order, "koordinator");
        perform(
                post(meeting(order) + "/blokke/2")
                        .param("start", "16:10")
                        .param("end", "17:20")
                        .param("notes", "Gode drøftelser om dosisdispensering")
                        .param("version", String.valueOf(blockVersion(order, 2))),
                "koordinator");
        perform(
                post(meeting(order) + "/parkering")
                        .param("text", "Apotekernes rolle")
                        .param("owner", "Kommunen"),
                "koordinator");
        List<String> texts = List.of(
                "Opfølgende møde med bestyrelsen", "Klinikbesøg hos de læger der ønsker det", "Emnet på KLU-mødet");
        for (String text : texts) {
            addAgreement(order, text, "Anne Kjær", "CLUSTER", "koordinator");
        }

        MockHttpServletResponse early = perform(post(meeting(order) + "/referat"), "koordinator");
        assertThat(early.getRedirectedUrl())
                .as("no referat months before the meeting")
                .endsWith("/moede#referat");
        assertThat(minutes.versions(meetings.idOf(MeetingOwner.order(order)))).isEmpty();
        assertThat(page(order, "koordinator"))
                .contains("Referatet kan laves fra mødedagen")
                .doesNotContain(">Lav referat<");
        jdbc.sql("UPDATE package_order SET meeting_date = ? WHERE id = ?")
                .params(OrderFixtures.today(), order)
                .update();

        MockHttpServletResponse made = perform(post(meeting(order) + "/referat"), "koordinator");
        assertThat(made.getRedirectedUrl()).endsWith("/moede#referat");
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> !minutes.versions(meetings.idOf(MeetingOwner.order(order)))
                                .isEmpty()
                        && !minutes.versions(meetings.idOf(MeetingOwner.order(order)))
                                .get(0)
                                .pending());
        DocumentVersions.Version version =
                minutes.versions(meetings.idOf(MeetingOwner.order(order))).get(0);
        assertThat(version.status()).isEqualTo(DocumentVersions.Status.READY);

        byte[] docx = mvc.perform(get(meeting(order) + "/referat/" + version.token() + ".docx")
                        .with(users.as("kommune")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = extractor.getText();
            assertThat(text).contains(texts);
            assertThat(text)
                    .contains(
                            "Anne Kjær",
                            "Bo Mikkelsen",
                            "Gode drøftelser om dosisdispensering",
                            "16.10–17.20",
                            "Apotekernes rolle",
                            "Aftalt");
        }
        if (office.available() || System.getenv("CI") != null) {
            assertThat(version.hasPdf()).isTrue();
            byte[] pdf = mvc.perform(get(meeting(order) + "/referat/" + version.token() + ".pdf")
                            .with(users.as("konsulent")))
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }

        TestMailServer.purge();
        MockHttpServletResponse sent =
                perform(post(meeting(order) + "/referat/" + version.token() + "/send"), "koordinator");
        assertThat(sent.getRedirectedUrl()).endsWith("/moede#referat");
        for (String to : List.of("anne.kjaer@example.dk", "kommune@example.dk")) {
            String text = TestMailServer.text(TestMailServer.awaitMail(to, "Referat af klyngemødet"));
            assertThat(text)
                    .contains("/bestillinger/" + order + "/moede", "version 1")
                    .doesNotContain(version.token());
        }
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM order_task WHERE order_id = ? AND step = 'MEETING' AND done_at IS NOT NULL")
                        .param(order)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        DocumentVersions.Version sentVersion =
                minutes.versions(meetings.idOf(MeetingOwner.order(order))).get(0);
        assertThat(page(order, "kommune"))
                .contains(
                        "Word (version 1)",
                        "Sendt " + copenhagen(sentVersion.sentAt()) + " af Anne Kjær (Demoklyngen)",
                        ">Anne Kjær (Demoklyngen)</td>");

        for (String outsider : new String[] {"koordinator2", "kommune2", "midtkraft", "pko"}) {
            assertThat(mvc.perform(get(meeting(order)).with(users.as(outsider)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
            assertThat(mvc.perform(get(meeting(order) + "/referat/" + version.token() + ".docx")
                                    .with(users.as(outsider)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
            assertThat(perform(
                                    post(meeting(order) + "/blokke/1")
                                            .param("notes", "udefra")
                                            .param("version", "0"),
                                    outsider)
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
            assertThat(perform(
                                    post(meeting(order) + "/aftaler")
                                            .param("what", "udefra")
                                            .param("person", "x"),
                                    outsider)
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
            assertThat(perform(post(meeting(order) + "/referat/" + version.token() + "/send"), outsider)
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
        }
    }

    @Test
    void theMeetingPageAndTheMinutesNameTheChosenElectiveTopicsOfAMedicineOrder() throws Exception {
        long order = OrderFixtures.placeOrder(
                mvc,
                users,
                OrderFixtures.order(
                                "medicinhaandtering",
                                OrderFixtures.today().plusWeeks(20),
                                "valgfri.emner@aarhus.example.dk")
                        .param("electiveTopics", "pn-medicin")
                        .param("electiveTopics", "behandlingsansvar-72-timer")
                        .param("acceptLeadTimeWarning", "true"));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(page(order, "koordinator"));
        assertThat(page.select("#programmet h3").eachText())
                .anyMatch(title -> title.contains("PN-medicin")
                        && title.contains("Medicin ifm. 72 timers behandlingsansvar efter udskrivelse fra hospital"));
        assertThat(page.select("#programmet").text()).doesNotContain("Valgfrie emner", "Valgfrit emne");
        byte[] docx = new MinutesDocument(messages)
                .write(meetings.meeting(orders.find(order).orElseThrow()));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains("PN-medicin").doesNotContain("Valgfrie emner");
        }
    }

    @Test
    void breadcrumbsAreSeparatedByDkfdsChevronIconsNotHomeMadeCharacters() throws Exception {
        long order = order();
        for (String path : List.of(meeting(order), "/bestillinger/" + order)) {
            String html = mvc.perform(get(path).with(users.as("koordinator")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            org.jsoup.select.Elements items =
                    org.jsoup.Jsoup.parse(html).select("nav.breadcrumbs .breadcrumbs__list-item");
            assertThat(items).as(path).hasSizeGreaterThan(1);
            assertThat(items.get(0).select("svg.icon-svg"))
                    .as(path + ": no chevron before the first")
                    .isEmpty();
            for (org.jsoup.nodes.Element item : items.subList(1, items.size())) {
                assertThat(item.child(0).is("svg.icon-svg[aria-hidden=true]"))
                        .as(path + ": " + item.text())
                        .isTrue();
            }
        }
        String css = new String(
                getClass().getResourceAsStream("/static/css/samspil.css").readAllBytes(), StandardCharsets.UTF_8);
        assertThat(css).as("no chevron drawn by our own CSS").doesNotContain("breadcrumbs__list-item::before");
    }

    private long order() throws Exception {
        return OrderFixtures.placeOrder(
                mvc, users, "dosisdispensering", OrderFixtures.today().plusWeeks(14), "kommune@example.dk");
    }

    private long addAgreement(long order, String what, String person, String party, String user) throws Exception {
        MockHttpServletResponse response = perform(
                post(meeting(order) + "/aftaler")
                        .param("what", what)
                        .param("person", person)
                        .param("party", party)
                        .param("due", OrderFixtures.today().plusMonths(3).toString()),
                user);
        assertThat(response.getRedirectedUrl())
                .as(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("#aftale-");
        return Long.parseLong(response.getRedirectedUrl().replaceAll(".*#aftale-", ""));
    }

    private MockHttpServletRequestBuilder editAgreement(long order, long id, String what, String person, int version) {
        return post(meeting(order) + "/aftaler/" + id)
                .param("what", what)
                .param("person", person)
                .param("party", "")
                .param("due", "")
                .param("version", String.valueOf(version));
    }

    private MockHttpServletResponse status(long order, long id, String from, String to, String reason, String user)
            throws Exception {
        return perform(
                post(meeting(order) + "/aftaler/" + id + "/status")
                        .param("from", from)
                        .param("to", to)
                        .param("reason", reason),
                user);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(csrf()).with(users.as(user)))
                .andReturn()
                .getResponse();
    }

    private String page(long order, String user) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(meeting(order)).with(users.as(user)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private int blockVersion(long order, int position) {
        return jdbc.sql(
                        "SELECT version FROM meeting_block WHERE meeting_id = (SELECT id FROM meeting WHERE order_id = ?) AND position = ?")
                .params(order, position)
                .query(Integer.class)
                .single();
    }

    private String notes(long order, int position) {
        return jdbc.sql(
                        "SELECT notes FROM meeting_block WHERE meeting_id = (SELECT id FROM meeting WHERE order_id = ?) AND position = ?")
                .params(order, position)
                .query(String.class)
                .single();
    }

    private String what(long id) {
        return jdbc.sql("SELECT what FROM meeting_agreement WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private String currentStatus(long id) {
        return jdbc.sql("SELECT status FROM meeting_agreement WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    static String copenhagen(java.time.OffsetDateTime at) {
        return at.atZoneSameInstant(OrderFixtures.COPENHAGEN)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH.mm"));
    }

    private static String meeting(long order) {
        return "/bestillinger/" + order + "/moede";
    }
}
