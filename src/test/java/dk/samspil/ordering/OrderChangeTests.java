package dk.samspil.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.ServletContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.SmartRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * A placed order changes until its meeting: the coordinator or the provider's consultant moves it, changes its time,
 * venue, participants and elective topics, and adapts its programme; each change is logged with who, when and what,
 * and mailed to the coordinator, the provider's consultants and the municipal participants; the deck and the
 * documents follow the order's programme; nothing changes after the meeting, and another cluster's coordinator or
 * another provider's consultant gets 404.
 */
@SamspilTest
class OrderChangeTests {

    private static final String COORDINATOR_MAIL = "anne.kjaer@example.dk";
    private static final String CONSULTANT_MAIL = "konsulent@example.dk";
    private static final String SUBJECT = "Ændring i klyngemødet";
    private static final Pattern WORD_LINK =
            Pattern.compile("href=\"(/bestillinger/\\d+/dokumenter/[A-Za-z0-9_-]{43}/([a-z-]+)\\.docx)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    @Autowired
    Catalog catalog;

    @Autowired
    OrderProgress progress;

    /** A date confirmed on the consultant's call-back moves the meeting as a change: logged and mailed. */
    @Test
    void aDateConfirmedOnTheCallBackIsLoggedAndToldAsAChange() throws Exception {
        LocalDate meeting = OrderFixtures.today().plusWeeks(12);
        long id = OrderFixtures.placeOrder(
                mvc,
                users,
                OrderFixtures.order("akutfunktioner", meeting, "tilbagekald.deltager@aarhus.example.dk", "CLUSTER"));
        LocalDate confirmed = meeting.plusDays(2);
        mvc.perform(post("/bestillinger/" + id + "/tilbageringning")
                        .with(users.as("konsulent"))
                        .with(csrf())
                        .param("note", "Ringet op; mødet flyttes to dage")
                        .param("confirmedDate", confirmed.toString())
                        .param("firstContact", "CLUSTER"))
                .andReturn();
        assertThat(orders.find(id).orElseThrow().meetingDate()).isEqualTo(confirmed);
        List<Map<String, Object>> log = jdbc.sql(
                        "SELECT field, old_value, new_value FROM order_change WHERE order_id = ? ORDER BY id")
                .param(id)
                .query()
                .listOfRows();
        assertThat(log).hasSize(1);
        assertThat(log.get(0))
                .containsEntry("field", "MEETING_DATE")
                .containsEntry("old_value", OrderRules.DANISH_DATE.format(meeting))
                .containsEntry("new_value", OrderRules.DANISH_DATE.format(confirmed));
        assertThat(awaitChange(COORDINATOR_MAIL, OrderRules.DANISH_DATE.format(confirmed)))
                .contains(OrderRules.DANISH_DATE.format(meeting) + " → " + OrderRules.DANISH_DATE.format(confirmed));
    }

    @Test
    void venueTimeDateAndParticipantsChangedAreLoggedAndMailedToEveryoneConcerned() throws Exception {
        LocalDate meeting = OrderFixtures.today().plusWeeks(12);
        // The cluster makes the first contact: the municipality is contacted, its participants hear of changes.
        long id = OrderFixtures.placeOrder(
                mvc,
                users,
                OrderFixtures.order("akutfunktioner", meeting, "aendring.deltager@aarhus.example.dk", "CLUSTER"));
        Document form = Jsoup.parse(body(get("/bestillinger/" + id + "/aendring"), "koordinator"));
        assertThat(form.getElementById("venue").val()).isEqualTo("Lægehuset Trøjborg, mødelokalet");
        assertThat(form.getElementById("participants0.name").val()).isEqualTo("Susanne Sygeplejerske");
        LocalDate moved = meeting.plusWeeks(1);

        String location = mvc.perform(change(id, "koordinator")
                        .param("meetingDate", moved.toString())
                        .param("startTime", "16:30")
                        .param("venue", "Sundhedshuset, lokale 2")
                        .param("participants[0].name", "Susanne Sygeplejerske")
                        .param("participants[0].email", "aendring.deltager@aarhus.example.dk")
                        .param("participants[0].role", "Sygeplejerske, akutfunktionen")
                        .param("participants[1].name", "Ny Leder")
                        .param("participants[1].email", "aendring.ny@aarhus.example.dk")
                        .param("participants[1].role", "Leder"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).isEqualTo("/bestillinger/" + id + "#aendringer");

        List<Map<String, Object>> log = jdbc.sql(
                        "SELECT field, old_value, new_value, changed_by FROM order_change WHERE order_id = ? ORDER BY id")
                .param(id)
                .query()
                .listOfRows();
        assertThat(log)
                .extracting(r -> r.get("field"))
                .containsExactly("MEETING_DATE", "START_TIME", "VENUE", "PARTICIPANTS");
        assertThat(log.get(0))
                .containsEntry("old_value", OrderRules.DANISH_DATE.format(meeting))
                .containsEntry("new_value", OrderRules.DANISH_DATE.format(moved));
        assertThat(log.get(1)).containsEntry("old_value", "16.00").containsEntry("new_value", "16.30");
        assertThat(log.get(2))
                .containsEntry("old_value", "Lægehuset Trøjborg, mødelokalet")
                .containsEntry("new_value", "Sundhedshuset, lokale 2");
        assertThat((String) log.get(3).get("new_value")).contains("Ny Leder, Leder (aendring.ny@aarhus.example.dk)");
        assertThat(log).allSatisfy(r -> assertThat(r.get("changed_by")).isEqualTo("Anne Kjær (Demoklyngen)"));
        assertThat(due(id, "FINAL_DECK"))
                .as("the drejebog moves with the meeting")
                .isEqualTo(moved.minusWeeks(2));

        for (String to : List.of(COORDINATOR_MAIL, CONSULTANT_MAIL, "aendring.deltager@aarhus.example.dk")) {
            String mail = awaitChange(to, "Sundhedshuset, lokale 2");
            assertThat(mail)
                    .as(to)
                    .contains(
                            "Mødested: Lægehuset Trøjborg, mødelokalet → Sundhedshuset, lokale 2",
                            "Starttidspunkt: 16.00 → 16.30",
                            "Anne Kjær",
                            "/bestillinger/" + id);
        }
        TestMailServer.awaitMail("aendring.ny@aarhus.example.dk", "Invitation til klyngemøde");
        assertThat(TestMailServer.received("midtkraft@example.dk").stream()
                        .filter(m -> TestMailServer.subject(m).startsWith(SUBJECT))
                        .filter(m -> text(m).contains("Sundhedshuset, lokale 2")))
                .as("another provider is not told")
                .isEmpty();

        Document page = Jsoup.parse(body(get("/bestillinger/" + id), "kommune"));
        assertThat(page.getElementById("aendringer").text())
                .contains(
                        "Anne Kjær (Demoklyngen) ændrede Mødested",
                        "Sundhedshuset, lokale 2",
                        "Lægehuset Trøjborg, mødelokalet");
    }

    @Test
    void anotherClustersCoordinatorAndAnotherProvidersConsultantGetNotFound() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "adgang.aendring@aarhus.example.dk");
        for (String outsider : List.of("koordinator2", "midtkraft", "kommune")) {
            for (String path : List.of("/aendring", "/program")) {
                assertThat(status(get("/bestillinger/" + id + path), outsider))
                        .as(outsider + " GET " + path)
                        .isEqualTo(404);
                assertThat(status(post("/bestillinger/" + id + path).with(csrf()), outsider))
                        .as(outsider + " POST " + path)
                        .isEqualTo(404);
            }
        }
        assertThat(status(get("/bestillinger/" + id + "/aendring"), "konsulent"))
                .isEqualTo(200);
        assertThat(status(get("/bestillinger/" + id + "/program"), "koordinator"))
                .isEqualTo(200);
    }

    @Test
    void twoPeopleChangingTheSameOrderGetTheChangedMeanwhileMessageWithTheirTextKept() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "samtidig@aarhus.example.dk");
        int read = orders.find(id).orElseThrow().version();
        mvc.perform(change(id, "konsulent", read).param("venue", "Konsulentens lokale"));
        MockHttpServletResponse late = mvc.perform(
                        change(id, "koordinator", read).param("venue", "Koordinatorens lokale"))
                .andReturn()
                .getResponse();
        assertThat(late.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(late.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.getElementById("changed-meanwhile").text()).contains("En anden har ændret bestillingen");
        assertThat(page.getElementById("venue").val())
                .as("the typed value kept")
                .isEqualTo("Koordinatorens lokale");
        assertThat(page.getElementById("aendringer").text()).contains("Konsulentens lokale");
        assertThat(orders.find(id).orElseThrow().venue()).isEqualTo("Konsulentens lokale");

        // Saved again from the page as shown now, it goes through.
        int now = Integer.parseInt(page.getElementById("version").val());
        mvc.perform(change(id, "koordinator", now).param("venue", "Koordinatorens lokale"));
        assertThat(orders.find(id).orElseThrow().venue()).isEqualTo("Koordinatorens lokale");

        // The programme is guarded the same way.
        mvc.perform(
                programme(id, "konsulent", read, List.of("Introduktion", "10")).param("action", "save"));
        assertThat(orders.find(id).orElseThrow().programme())
                .as("no programme of its own")
                .isNull();
    }

    @Test
    void aStatusChangeBetweenOpeningAndSavingIsNoConflictButAnEditStillIs() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "status.imens@aarhus.example.dk");
        OrderViews.OrderView opened = orders.find(id).orElseThrow();
        // While the form is open the survey opens: the order moves on, what the form edits does not.
        progress.surveyOpened(id, "konsulent");
        assertThat(orders.find(id).orElseThrow().status()).isNotEqualTo(opened.status());

        mvc.perform(change(id, "koordinator", opened.version()).param("venue", "Efter statusskiftet"));
        assertThat(orders.find(id).orElseThrow().venue())
                .as("a status change is no change meanwhile")
                .isEqualTo("Efter statusskiftet");
        mvc.perform(programme(id, "konsulent", opened.version(), List.of("Introduktion", "10"))
                .param("action", "save"));
        assertThat(orders.find(id).orElseThrow().programme())
                .as("the programme form was opened before the venue was changed: refused")
                .isNull();

        // A real edit meanwhile still refuses the form opened before it.
        Document late = refused(change(id, "konsulent", opened.version()).param("venue", "For sent"));
        assertThat(late.getElementById("changed-meanwhile").text()).contains("En anden har ændret bestillingen");
        assertThat(orders.find(id).orElseThrow().venue()).isEqualTo("Efter statusskiftet");
    }

    @Test
    void aBlockAddedToTheProgrammeGetsTheNextBlockNumber() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "blok.nummer@aarhus.example.dk");
        List<PackageDefinition.ProgrammeItem> before =
                OrderPackage.placed(catalog, orders.find(id).orElseThrow()).programme();
        int highest = before.stream()
                .map(PackageDefinition.ProgrammeItem::block)
                .filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue)
                .max()
                .orElseThrow();
        save(programme(id, "konsulent", id)
                .param("newTitle", "Besøg fra akutteamet")
                .param("newMinutes", "10")
                .param("action", "add"));
        List<PackageDefinition.ProgrammeItem> after =
                orders.find(id).orElseThrow().programme();
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.get(after.size() - 1).title()).isEqualTo("Besøg fra akutteamet");
        assertThat(after.get(after.size() - 1).block()).isEqualTo(highest + 1);
        assertThat(after.subList(0, before.size()))
                .extracting(PackageDefinition.ProgrammeItem::block)
                .as("the package's own blocks keep their numbers")
                .isEqualTo(before.stream()
                        .map(PackageDefinition.ProgrammeItem::block)
                        .toList());

        // Another one after it: the next again, never a number a block has.
        save(programme(id, "konsulent", id)
                .param("newTitle", "Spørgsmål fra salen")
                .param("newMinutes", "5")
                .param("action", "add"));
        List<PackageDefinition.ProgrammeItem> twice =
                orders.find(id).orElseThrow().programme();
        assertThat(twice.get(twice.size() - 1).block()).isEqualTo(highest + 2);
    }

    @Test
    void badAndHostileInputIsRefusedAtTheFieldWithTheValuesKept() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "fejl.aendring@aarhus.example.dk");
        Document page = refused(change(id, "koordinator")
                .param("venue", "x".repeat(301))
                .param("startTime", "06:00")
                .param("participants[0].name", "Susanne Sygeplejerske")
                .param("participants[0].email", "ikke-en-adresse")
                .param("participants[1].name", "Dobbelt")
                .param("participants[1].email", "fejl.aendring@aarhus.example.dk")
                .param("participants[2].name", "Dobbelt igen")
                .param("participants[2].email", "fejl.aendring@aarhus.example.dk"));
        assertThat(page.select("#venue-error").text()).contains("Teksten er for lang.");
        assertThat(page.select("#startTime-error").text()).isNotBlank();
        assertThat(page.select("#participants0\\.email-error").text()).contains("gyldig e-mailadresse");
        assertThat(page.select("#participants2\\.email-error").text()).contains("kun én gang");
        assertThat(page.getElementById("participants1.name").val()).isEqualTo("Dobbelt");
        assertThat(orders.find(id).orElseThrow().venue()).isEqualTo("Lægehuset Trøjborg, mødelokalet");

        Document past = refused(change(id, "koordinator")
                .param("meetingDate", OrderFixtures.today().toString())
                .param("venue", "Linje\nskift"));
        assertThat(past.select("#meetingDate-error").text()).contains("efter i dag");
        assertThat(past.select("#venue-error").text()).contains("én linje");
        assertThat(jdbc.sql("SELECT count(*) FROM order_change WHERE order_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();

        Document malformed = refused(
                change(id, "koordinator").param("meetingDate", "31.02.2027").param("startTime", "25:99"));
        assertThat(malformed.select("#meetingDate-error").text()).contains("Skriv en gyldig dato.");
        assertThat(malformed.select("#startTime-error").text()).contains("gyldigt klokkeslæt");
        assertThat(malformed.getElementById("venue").val()).isEqualTo("Lægehuset Trøjborg, mødelokalet");

        // Far more rows than a form has, a version that is no number: refused, never a server error.
        MvcResult many = mvc.perform(change(id, "koordinator").param("participants[5000].name", "Mange"))
                .andReturn();
        assertThat(many.getResponse().getRedirectedUrl()).isEqualTo("/bestillinger/" + id + "/aendring");
        assertThat(many.getFlashMap().get("error")).isEqualTo("order.change.tooManyRows");
        assertThat(refused(change(id, "koordinator").param("version", "abc")).getElementById("changed-meanwhile"))
                .isNotNull();

        // A script in the venue is text: kept as written, shown escaped.
        String script = "<script>alert('x')</script> Mødelokalet";
        mvc.perform(change(id, "koordinator").param("venue", script));
        assertThat(orders.find(id).orElseThrow().venue()).isEqualTo(script);
        String html = body(get("/bestillinger/" + id), "koordinator");
        assertThat(html)
                .doesNotContain("<script>alert(")
                .contains(HtmlUtils.htmlEscape(script).substring(0, 20));
    }

    @Test
    void electiveTopicsChangeByThePackagesRuleAndNameTheProgramme() throws Exception {
        long id = OrderFixtures.placeOrder(
                mvc,
                users,
                OrderFixtures.order(
                                "medicinhaandtering", OrderFixtures.today().plusWeeks(20), "emner@aarhus.example.dk")
                        .param("electiveTopics", "pn-medicin", "haandkoebsmedicin-kosttilskud"));
        Document one = refused(change(id, "midtkraft").param("electiveTopics", "pn-medicin"));
        assertThat(one.select("#electiveTopics-error").text()).contains("Vælg præcis 2 valgfrie emner.");
        assertThat(one.select("input[name=electiveTopics][checked]").eachAttr("value"))
                .as("the choice kept")
                .containsExactly("pn-medicin");

        mvc.perform(change(id, "midtkraft").param("electiveTopics", "pn-medicin", "genbestilling-recepter-levering"));
        Map<String, Object> row = jdbc.sql("SELECT old_value, new_value FROM order_change WHERE order_id = ?")
                .param(id)
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("old_value", "PN-medicin; Håndkøbsmedicin og kosttilskud")
                .containsEntry("new_value", "PN-medicin; Genbestilling / fornyelse af recepter + levering af medicin");
        String programme = String.join(
                " | ",
                OrderPackage.of(catalog, orders.find(id).orElseThrow()).programme().stream()
                        .flatMap(i -> i.items().stream().map(e -> e.heading()))
                        .filter(h -> h != null)
                        .toList());
        assertThat(programme).contains("Genbestilling / fornyelse").doesNotContain("Håndkøbsmedicin");
    }

    @Test
    void theProgrammeIsAdaptedPerOrderAndTheDeckAndTheDocumentsFollowIt() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "program@aarhus.example.dk");
        long other = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(13), "program.andet@aarhus.example.dk");
        Document page = Jsoup.parse(body(get("/bestillinger/" + id + "/program"), "konsulent"));
        assertThat(page.select(".samspil-programme-time").eachText())
                .containsExactly("16.00–16.10", "16.10–17.15", "17.15–17.30", "17.30–18.10", "18.10–18.30");
        assertThat(page.getElementById("programme-source").text()).contains("endnu pakkens");

        // Retimed: the introduction takes 15 minutes, and the minutes no longer add up to the meeting.
        List<String> rows = new ArrayList<>(List.of(
                "Introduktion",
                "15",
                "Blok 1: Akutfunktionen",
                "65",
                "Pause",
                "15",
                "Blok 2: Henvisningsprocedurer",
                "40",
                "Blok 3: Opsamling og opfølgning",
                "20"));
        int version = orders.find(id).orElseThrow().version();
        save(programme(id, "konsulent", version, rows).param("action", "save"));
        Document retimed = Jsoup.parse(body(get("/bestillinger/" + id + "/program"), "koordinator"));
        assertThat(retimed.getElementById("minutes-off").text())
                .contains("Blokkenes minutter giver 155 minutter, men mødet varer 150 minutter.");
        assertThat(retimed.select(".samspil-programme-time").eachText()).startsWith("16.00–16.15", "16.15–17.20");

        // A block added by the coordinator, moved up twice: after the break, before block 2.
        version = orders.find(id).orElseThrow().version();
        save(programme(id, "koordinator", version, rows)
                .param("newTitle", "Besøg fra akutteamet")
                .param("newMinutes", "10")
                .param("action", "add"));
        save(programme(id, "koordinator", id).param("action", "up-5"));
        save(programme(id, "koordinator", id).param("action", "up-4"));
        assertThat(shownRows(id))
                .containsExactly(
                        "Introduktion",
                        "15",
                        "Blok 1: Akutfunktionen",
                        "65",
                        "Pause",
                        "15",
                        "Besøg fra akutteamet",
                        "10",
                        "Blok 2: Henvisningsprocedurer",
                        "40",
                        "Blok 3: Opsamling og opfølgning",
                        "20");
        // The introduction back to 10 minutes, the last block 25 and the break removed: 10 + 65 + 10 + 40 + 25.
        List<String> fitted = new ArrayList<>(shownRows(id));
        fitted.set(1, "10");
        fitted.set(11, "25");
        version = orders.find(id).orElseThrow().version();
        save(programme(id, "konsulent", version, fitted).param("action", "remove-2"));
        Document fittedPage = Jsoup.parse(body(get("/bestillinger/" + id + "/program"), "konsulent"));
        assertThat(fittedPage.getElementById("minutes-off")).isNull();
        assertThat(fittedPage.getElementById("minutes-total").text()).contains("I alt 150 minutter");
        assertThat(fittedPage.select(".samspil-programme-time").eachText())
                .containsExactly("16.00–16.10", "16.10–17.15", "17.15–17.25", "17.25–18.05", "18.05–18.30");
        assertThat(fittedPage.getElementById("programme-source").text()).contains("tilpasset");

        List<String> fields = jdbc.sql("SELECT field FROM order_change WHERE order_id = ? ORDER BY id")
                .param(id)
                .query(String.class)
                .list();
        assertThat(fields).hasSize(5).containsOnly("PROGRAMME");
        String lastChange = jdbc.sql("SELECT new_value FROM order_change WHERE order_id = ? ORDER BY id DESC LIMIT 1")
                .param(id)
                .query(String.class)
                .single();
        assertThat(lastChange)
                .isEqualTo("Introduktion (10 min.); Blok 1: Akutfunktionen (65 min.); Besøg fra akutteamet (10 min.); "
                        + "Blok 2: Henvisningsprocedurer (40 min.); Blok 3: Opsamling og opfølgning (25 min.)");
        assertThat(awaitChange(COORDINATOR_MAIL, "Besøg fra akutteamet (10 min.); Blok 2"))
                .contains("Programmet: ");

        assertThat(OrderPackage.of(catalog, orders.find(other).orElseThrow()).programme())
                .as("another order of the package keeps the package's programme")
                .extracting(i -> i.title())
                .contains("Pause")
                .doesNotContain("Besøg fra akutteamet");
        assertThat(catalog.find("akutfunktioner").orElseThrow().programme()).hasSize(5);

        List<List<String>> slide = programmeSlide(deck(id));
        assertThat(slide)
                .extracting(r -> r.get(0) + " " + r.get(1))
                .containsExactly(
                        "16.00–16.10 Introduktion",
                        "16.10–17.15 Blok 1: Akutfunktionen",
                        "17.15–17.25 Besøg fra akutteamet",
                        "17.25–18.05 Blok 2: Henvisningsprocedurer",
                        "18.05–18.30 Blok 3: Opsamling og opfølgning");

        String invitation = document(id, "invitation-program-medlemmer");
        assertThat(invitation)
                .contains("Besøg fra akutteamet", "17.15–17.25", "18.05–18.30")
                .doesNotContain("17.15–17.30");
    }

    @Test
    void theMunicipalitysTalkMovesWithItsBlockAndGoesWithIt() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "program.oplaeg@aarhus.example.dk");
        byte[] talk;
        try (XMLSlideShow show = new XMLSlideShow();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            show.createSlide().createTextBox().setText("Akutfunktionen i Aarhus");
            show.write(out);
            talk = out.toByteArray();
        }
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                        "/bestillinger/" + id + "/praesentation/oplaeg/1")
                                .file(new org.springframework.mock.web.MockMultipartFile(
                                        "file",
                                        "oplaeg.pptx",
                                        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                                        talk))
                                .with(csrf())
                                .with(users.as("kommune")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isLessThan(400);
        assertThat(talkBlocks(id)).containsExactly(1);

        // "Blok 1: Akutfunktionen" moves below the break: its talk goes with it to place 2.
        save(programme(id, "konsulent", id).param("action", "down-1"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> talkBlocks(id).equals(List.of(2)));
        assertThat(shownRows(id).get(4)).isEqualTo("Blok 1: Akutfunktionen");

        save(programme(id, "konsulent", id).param("action", "remove-2"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> talkBlocks(id).isEmpty());
    }

    @Test
    void theMeetingsNotesOfABlockGoWithTheBlock() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "program.noter@aarhus.example.dk");
        assertThat(status(get("/bestillinger/" + id + "/moede"), "koordinator")).isEqualTo(200);
        mvc.perform(post("/bestillinger/" + id + "/moede/blokke/1")
                .with(csrf())
                .with(users.as("koordinator"))
                .param("start", "")
                .param("end", "")
                .param("notes", "Forberedt til introduktionen")
                .param("version", String.valueOf(blockNotes(id, 1).get("version"))));
        assertThat(blockNotes(id, 1)).containsEntry("notes", "Forberedt til introduktionen");

        save(programme(id, "konsulent", id).param("action", "down-0"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        "Forberedt til introduktionen".equals(blockNotes(id, 2).get("notes")));
        assertThat(blockNotes(id, 1)).containsEntry("notes", "");
        assertThat(body(get("/bestillinger/" + id + "/moede"), "koordinator")).contains("Forberedt til introduktionen");

        save(programme(id, "konsulent", id).param("action", "remove-1"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !body(get("/bestillinger/" + id + "/moede"), "koordinator")
                        .contains("Forberedt til introduktionen"));
    }

    /** The notes and version of one block of the order's meeting, by its place from 1 (empty when it has no row). */
    private Map<String, Object> blockNotes(long id, int position) {
        return jdbc.sql("""
                        SELECT b.notes, b.version FROM meeting_block b JOIN meeting m ON m.id = b.meeting_id
                        WHERE m.owner_kind = 'ORDER' AND m.owner_id = ? AND b.position = ?""").params(id, position).query().listOfRows().stream()
                .findFirst()
                .orElse(Map.of());
    }

    private List<Integer> talkBlocks(long id) {
        return jdbc.sql("SELECT block FROM deck_municipal_talk WHERE order_id = ? ORDER BY block")
                .param(id)
                .query(Integer.class)
                .list();
    }

    @Test
    void hostileProgrammeInputIsRefusedOrEscaped() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "program.fejl@aarhus.example.dk");
        int version = orders.find(id).orElseThrow().version();
        List<String> rows = List.of(
                "x".repeat(201), "abc", "Blok 1: Akutfunktionen", "100000", "", "15", "Blok 2", "-5", "Blok 3", "20");
        Document page = refused(programme(id, "konsulent", version, rows).param("action", "save"));
        assertThat(page.select("#blocks0\\.title-error").text()).contains("Teksten er for lang.");
        assertThat(page.select("#blocks0\\.minutes-error").text()).contains("helt antal minutter");
        assertThat(page.select("#blocks1\\.minutes-error").text()).contains("helt antal minutter");
        assertThat(page.select("#blocks2\\.title-error").text()).contains("Skriv en titel");
        assertThat(page.select("#blocks3\\.minutes-error").text()).contains("helt antal minutter");
        assertThat(page.getElementById("blocks1.minutes").val()).as("kept").isEqualTo("100000");

        MvcResult many = mvc.perform(programme(id, "konsulent", version, List.of("Introduktion", "150"))
                        .param("blocks[5000].title", "Mange")
                        .param("action", "save"))
                .andReturn();
        assertThat(many.getResponse().getRedirectedUrl()).isEqualTo("/bestillinger/" + id + "/program");
        assertThat(many.getFlashMap().get("error")).isEqualTo("order.change.tooManyRows");
        Document tampered = refused(programme(id, "konsulent", version, List.of("Introduktion", "10"))
                .param("blocks[1].source", "999")
                .param("blocks[1].title", "Fremmed")
                .param("blocks[1].minutes", "10")
                .param("action", "save"));
        assertThat(tampered.getElementById("programme-global-errors").text()).contains("Programmet er ændret");

        Document empty = refused(programme(id, "konsulent", version, List.of("Introduktion", "150"))
                .param("action", "remove-0"));
        assertThat(empty.text()).contains("mindst én blok");
        Document noTitle = refused(programme(id, "konsulent", version, List.of("Introduktion", "150"))
                .param("newTitle", "Linje\u202Eskift")
                .param("newMinutes", "0")
                .param("action", "add"));
        assertThat(noTitle.select("#newTitle-error").text()).contains("én linje");
        assertThat(noTitle.select("#newMinutes-error").text()).contains("helt antal minutter");
        assertThat(orders.find(id).orElseThrow().programme())
                .as("no programme of its own")
                .isNull();

        String script = "<script>alert('blok')</script>";
        save(programme(id, "konsulent", version, List.of(script, "150")).param("action", "save"));
        String html = body(get("/bestillinger/" + id + "/program"), "konsulent");
        assertThat(html).doesNotContain("<script>alert('blok')").contains("&lt;script&gt;");
    }

    @Test
    void nothingChangesAfterTheMeetingIsHeldOrWhenCancelled() throws Exception {
        long held = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "holdt@aarhus.example.dk");
        mvc.perform(post("/bestillinger/" + held + "/status")
                .with(csrf())
                .with(users.as("konsulent"))
                .param("target", "MEETING_HELD")
                .param("reason", "Mødet blev holdt uden for Samspil"));
        assertThat(orders.find(held).orElseThrow().status()).isEqualTo(OrderStatus.MEETING_HELD);
        long cancelled = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "aflyst@aarhus.example.dk");
        mvc.perform(post("/bestillinger/" + cancelled + "/aflys")
                .with(csrf())
                .with(users.as("koordinator"))
                .param("reason", "Kommunen kan ikke"));

        for (long id : List.of(held, cancelled)) {
            OrderViews.OrderView before = orders.find(id).orElseThrow();
            MvcResult refused = mvc.perform(
                            change(id, "koordinator", before.version()).param("venue", "For sent"))
                    .andReturn();
            assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/bestillinger/" + id);
            assertThat(refused.getFlashMap().get("error")).isEqualTo("order.change.closed");
            MvcResult programme = mvc.perform(
                            programme(id, "konsulent", before.version(), List.of("Introduktion", "150"))
                                    .param("action", "save"))
                    .andReturn();
            assertThat(programme.getFlashMap().get("error")).isEqualTo("order.change.closed");
            assertThat(Jsoup.parse(body(get("/bestillinger/" + id + "/aendring"), "koordinator"))
                            .getElementById("change-closed")
                            .text())
                    .contains("kan ikke længere ændres");
            OrderViews.OrderView after = orders.find(id).orElseThrow();
            assertThat(after.venue()).isEqualTo(before.venue());
            assertThat(after.programme()).isNull();
            assertThat(Jsoup.parse(body(get("/bestillinger/" + id), "koordinator"))
                            .getElementById("change-links"))
                    .isNull();
        }
    }

    /** The change form as the order has it now, its values replaced by the test's own. */
    private Change change(long id, String user) {
        return change(id, user, orders.find(id).orElseThrow().version());
    }

    private Change change(long id, String user, int version) {
        OrderViews.OrderView order = orders.find(id).orElseThrow();
        Change change = new Change(id, user)
                .param("version", String.valueOf(version))
                .param("meetingDate", order.meetingDate().toString())
                .param("startTime", order.startTime().toString())
                .param("venue", order.venue())
                .param(
                        "electiveTopics",
                        order.electiveTopics().stream()
                                .map(OrderViews.ElectiveView::key)
                                .toArray(String[]::new));
        for (int i = 0; i < order.participants().size(); i++) {
            OrderViews.ParticipantView p = order.participants().get(i);
            change.param("participants[" + i + "].name", p.name())
                    .param("participants[" + i + "].email", p.email())
                    .param("participants[" + i + "].role", p.role() == null ? "" : p.role())
                    .param("participants[" + i + "].municipalityCode", p.municipalityCode());
        }
        return change;
    }

    /** A POST of the change form whose parameters a test replaces (MockHttpServletRequestBuilder.param appends). */
    private final class Change implements SmartRequestBuilder {
        private final long id;
        private final String user;
        private final Map<String, String[]> params = new LinkedHashMap<>();
        private MockHttpServletRequestBuilder built;

        Change(long id, String user) {
            this.id = id;
            this.user = user;
        }

        Change param(String name, String... values) {
            params.put(name, values);
            return this;
        }

        @Override
        public MockHttpServletRequest buildRequest(ServletContext context) {
            MockHttpServletRequestBuilder request =
                    post("/bestillinger/" + id + "/aendring").with(csrf()).with(users.as(user));
            params.forEach(request::param);
            built = request;
            return request.buildRequest(context);
        }

        @Override
        public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
            return built.postProcessRequest(request);
        }
    }

    /** The programme form: a row per title and minutes, each from the same place in the programme as read. */
    private MockHttpServletRequestBuilder programme(long id, String user, int version, List<String> titlesAndMinutes) {
        MockHttpServletRequestBuilder request = post("/bestillinger/" + id + "/program")
                .with(csrf())
                .with(users.as(user))
                .param("version", String.valueOf(version));
        for (int i = 0; i < titlesAndMinutes.size() / 2; i++) {
            request.param("blocks[" + i + "].source", String.valueOf(i))
                    .param("blocks[" + i + "].title", titlesAndMinutes.get(2 * i))
                    .param("blocks[" + i + "].minutes", titlesAndMinutes.get(2 * i + 1));
        }
        return request;
    }

    /** The programme form as the page shows it now, with an action of the test's. */
    private MockHttpServletRequestBuilder programme(long id, String user, long orderId) throws Exception {
        return programme(id, user, orders.find(orderId).orElseThrow().version(), shownRows(id));
    }

    /** Each block's title and minutes as the programme page shows them. */
    private List<String> shownRows(long id) throws Exception {
        Document page = Jsoup.parse(body(get("/bestillinger/" + id + "/program"), "konsulent"));
        List<String> rows = new ArrayList<>();
        List<String> titles = page.select("input[name$=.title]").eachAttr("value");
        List<String> minutes = page.select("input[name$=.minutes]").eachAttr("value");
        for (int i = 0; i < titles.size(); i++) {
            rows.add(titles.get(i));
            rows.add(minutes.get(i));
        }
        return rows;
    }

    private void save(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getRedirectedUrl())
                .as(response.getContentAsString(StandardCharsets.UTF_8))
                .endsWith("/program");
    }

    private Document refused(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** The deck made by the consultant, as downloaded. */
    private byte[] deck(long id) throws Exception {
        mvc.perform(post("/bestillinger/" + id + "/praesentation").with(csrf()).with(users.as("konsulent")));
        Pattern link = Pattern.compile("href=\"(/bestillinger/" + id + "/praesentation/[A-Za-z0-9_-]{43}\\.pptx)\"");
        String url = Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            Matcher m = link.matcher(body(get("/bestillinger/" + id + "/praesentation"), "konsulent"));
                            return m.find() ? m.group(1) : null;
                        },
                        u -> u != null);
        return mvc.perform(get(url).with(users.as("koordinator")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    /** The programme slide's table: time, item, length, a row each (its header row left out). */
    private static List<List<String>> programmeSlide(byte[] pptx) throws Exception {
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            for (XSLFSlide slide : show.getSlides()) {
                String heading = slide.getShapes().stream()
                        .filter(XSLFTextShape.class::isInstance)
                        .map(s -> ((XSLFTextShape) s).getText())
                        .findFirst()
                        .orElse("");
                if (!heading.startsWith("Program")) {
                    continue;
                }
                for (XSLFShape shape : slide.getShapes()) {
                    if (shape instanceof XSLFTable table) {
                        List<List<String>> rows = new ArrayList<>();
                        for (XSLFTableRow row :
                                table.getRows().subList(1, table.getRows().size())) {
                            rows.add(row.getCells().stream()
                                    .map(c -> c.getText().strip())
                                    .toList());
                        }
                        return rows;
                    }
                }
            }
        }
        throw new AssertionError("no programme slide");
    }

    /** The text of one of the order's Word documents. */
    private String document(long id, String stem) throws Exception {
        Matcher links = WORD_LINK.matcher(body(get("/bestillinger/" + id + "/dokumenter"), "koordinator"));
        while (links.find()) {
            if (links.group(2).equals(stem)) {
                byte[] word = mvc.perform(get(links.group(1)).with(users.as("koordinator")))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray();
                try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(word));
                        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
                    return text.getText();
                }
            }
        }
        throw new AssertionError("no document " + stem);
    }

    /** The change mail to the address whose body has the text. */
    private static String awaitChange(String to, String text) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> TestMailServer.received(to).stream()
                                .filter(m -> TestMailServer.subject(m).startsWith(SUBJECT))
                                .map(OrderChangeTests::text)
                                .filter(body -> body.contains(text))
                                .findFirst()
                                .orElse(null),
                        b -> b != null);
    }

    private static String text(MimeMessage message) {
        return TestMailServer.text(message).replace("\r\n", "\n");
    }

    private String body(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(users.as(user)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private int status(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(users.as(user)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private LocalDate due(long id, String step) {
        return jdbc.sql("SELECT due_date FROM order_task WHERE order_id = ? AND step = ?")
                .params(id, step)
                .query(LocalDate.class)
                .single();
    }
}
