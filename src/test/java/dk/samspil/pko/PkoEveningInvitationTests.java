package dk.samspil.pko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The evening meeting's invitation (seed 003: "for optageområdets praktiserende læger. Uddannelseslæger i almen
 * praksis er også velkomne"): AUH's coordinator sends it, with the programme as PDF, through the outbox to the GP
 * addresses of the municipalities of AUH's catchment area; the PDF holds the programme; nobody else sends it.
 */
@SamspilTest
class PkoEveningInvitationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theInvitationGoesToTheCatchmentAreasGpsWithTheProgrammeAsPdf() throws Exception {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Copenhagen"))
                .plusYears(1)
                .with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        MockHttpServletResponse planned = perform(
                post("/pko/fyraftensmoeder")
                        .param("unitId", String.valueOf(auh()))
                        .param("date", day.toString())
                        .param("start", "17:00")
                        .param("end", "20:00")
                        .param("place", "Auditorium " + System.nanoTime())
                        .param("format", "LARGE")
                        .param("callDeadline", day.minusWeeks(6).toString()),
                "pkokoordinator");
        String base = planned.getRedirectedUrl();
        String page = page(base, "pkokoordinator");
        assertThat(page)
                .contains("Invitation til optageområdets praktiserende læger", "Optageområdet: Aarhus")
                .contains("Programmet som PDF");
        String meeting = page.replaceAll("(?s).*href=\"(/moeder/\\d+)\".*", "$1");
        for (String[] item : new String[][] {
            {"Velkomst", "10", ""}, {"Hjertesvigt i almen praksis", "20", "Overlæge Hansen"}, {"Pause", "15", ""}
        }) {
            perform(
                    post(meeting + "/dagsorden")
                            .param("title", item[0])
                            .param("minutes", item[1])
                            .param("speaker", item[2])
                            .param("pause", item[0].equals("Pause") ? "true" : "false"),
                    "pkokoordinator");
        }

        // The programme as PDF, opened.
        MockHttpServletResponse pdf = mvc.perform(get(base + "/program.pdf").with(users.as("pko")))
                .andReturn()
                .getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(text(pdf.getContentAsByteArray()))
                .contains(
                        "Fyraftensmøde, Aarhus Universitetshospital",
                        "17.10–17.30",
                        "Hjertesvigt i almen praksis",
                        "Overlæge Hansen",
                        "Uddannelseslæger i almen praksis er også velkomne");

        // Only the meeting's writers send it.
        for (String outsider : new String[] {"pko", "pkonord", "kommune", "koordinator"}) {
            assertThat(perform(post(base + "/invitation"), outsider).getStatus())
                    .as(outsider)
                    .isEqualTo(404);
        }
        PkoEveningInvitationTests.coordinatorOf(jdbc, "pkorandertest", "Regionshospitalet Randers");
        assertThat(perform(post(base + "/invitation"), "pkorandertest").getStatus())
                .as("another unit's coordinator")
                .isEqualTo(404);
        assertThat(mvc.perform(get(base + "/program.pdf").with(users.as("pkorandertest")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        int before = TestMailServer.received("bo.mikkelsen@example.dk").size();
        MockHttpServletResponse sent = perform(post(base + "/invitation"), "pkokoordinator");
        assertThat(sent.getRedirectedUrl()).isEqualTo(base + "#invitation");
        MimeMessage mail = TestMailServer.awaitMail(
                "bo.mikkelsen@example.dk", "Invitation: Fyraftensmøde, Aarhus Universitetshospital");
        assertThat(TestMailServer.received("bo.mikkelsen@example.dk")).hasSize(before + 1);
        TestMailServer.awaitMail("anne.kjaer@example.dk", "Invitation: Fyraftensmøde, Aarhus Universitetshospital");
        // Every address of the area is mailed before the test ends (no late mail in another test's inbox).
        String reference = "pko-evening:" + base.substring(base.lastIndexOf('/') + 1) + ":invitation";
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT count(*) FROM mail_outbox WHERE reference = ? AND status = 'PENDING'")
                                .param(reference)
                                .query(Integer.class)
                                .single()
                        == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE reference = ? AND status = 'SENT'")
                        .param(reference)
                        .query(Integer.class)
                        .single())
                .as("one mail per GP address of the area, each sent")
                .isGreaterThanOrEqualTo(2);
        Multipart parts = (Multipart) mail.getContent();
        String body = null;
        byte[] attached = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getFileName()).isEqualTo("program-fyraftensmoede-" + day + ".pdf");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getInputStream().transferTo(out);
                attached = out.toByteArray();
            } else {
                body = bodyText(part);
            }
        }
        assertThat(body)
                .contains(
                        "Kære Bo Mikkelsen", "Uddannelseslæger i almen praksis er også velkomne.", "/fyraftensmoede/");
        assertThat(attached).as("the programme is attached").isNotNull();
        assertThat(text(attached)).contains("Hjertesvigt i almen praksis", "Overlæge Hansen");
        assertThat(page(base, "pkokoordinator")).contains("Invitationen blev sendt");
    }

    /** A practice coordinator of another hospital unit, with an account. */
    static void coordinatorOf(JdbcClient jdbc, String username, String unit) {
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role)
                        VALUES (?, '{noop}unused', 'Rasmus Randerskoordinator', ?, 'PKO_COORDINATOR')
                        ON CONFLICT (username) DO NOTHING""").params(username, username + "@example.dk").update();
        jdbc.sql("""
                        INSERT INTO pko_person (region_code, kind, name, email, user_id)
                        SELECT '1082', 'COORDINATOR', display_name, email, id FROM app_user u WHERE username = ?
                        AND NOT EXISTS (SELECT 1 FROM pko_person p WHERE p.user_id = u.id)""").param(username).update();
        jdbc.sql("""
                        INSERT INTO pko_attachment (person_id, hospital_unit_id)
                        SELECT p.id, h.id FROM pko_person p JOIN app_user u ON u.id = p.user_id, hospital_unit h
                        WHERE u.username = ? AND h.name = ? ON CONFLICT DO NOTHING""").params(username, unit).update();
    }

    private static String bodyText(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart inner) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < inner.getCount(); i++) {
                text.append(bodyText(inner.getBodyPart(i)));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    /** The PDF's text, by pdftotext. */
    private static String text(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Path file = Files.createTempFile("programme-", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", "-layout", file.toString(), "-")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(text).isZero();
            return text;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private long auh() {
        return jdbc.sql("SELECT id FROM hospital_unit WHERE name = 'Aarhus Universitetshospital'")
                .query(Long.class)
                .single();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(users.as(username)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    private String page(String path, String username) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(path).with(users.as(username))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
