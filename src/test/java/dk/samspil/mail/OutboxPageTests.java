package dk.samspil.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The administrator's outbox pages: the list newest first, one mail in full, and nobody else gets in. */
@SamspilTest
class OutboxPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    Outbox outbox;

    String run;

    @BeforeEach
    void newRun() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void adminSeesTheOutboxNewestFirstWithDanishStatusAndTime() throws Exception {
        String first = "foerst." + run + "@udbakke.test";
        String second = "siden." + run + "@udbakke.test";
        outbox.enqueue(new OutgoingMail(first, "Bestilling modtaget", "Tak.", "test:" + run + ":first"));
        outbox.enqueue(new OutgoingMail(second, "Ny bestilling", "En klynge har bestilt.", "test:" + run + ":second"));

        MockHttpServletResponse response = mvc.perform(get("/admin/udbakke").with(users.as("admin")))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("h1").text()).isEqualTo("Udbakke");
        assertThat(page.select("table caption").text()).isNotBlank();
        assertThat(page.select("thead th[scope=col]")).hasSize(6);
        List<String> recipients = page.select("tbody tr").stream()
                .map(tr -> tr.select("td").get(1).text())
                .toList();
        assertThat(recipients).contains(first, second);
        assertThat(recipients.indexOf(second)).isLessThan(recipients.indexOf(first));
        Element line = page.select("tbody tr").get(recipients.indexOf(second));
        assertThat(line.select("td").get(0).text()).matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d\\.\\d\\d");
        assertThat(line.select("td").get(3).text()).isIn("Venter", "Sendt");
        assertThat(line.select("td").get(5).text()).isEqualTo("test:" + run + ":second");
        assertThat(line.select("a").attr("href")).matches("/admin/udbakke/\\d+");
    }

    @Test
    void adminReadsOneMailInFullWithLineBreaksAndEscapedText() throws Exception {
        String to = "hele." + run + "@udbakke.test";
        long id = outbox.enqueue(new OutgoingMail(
                to,
                "Materialer til klyngemødet",
                "Kære Åse\n\nFørste linje med <b>fed</b> tekst\nAnden linje\n\nHilsen Søren",
                "test:" + run + ":full"));

        MockHttpServletResponse response = mvc.perform(
                        get("/admin/udbakke/" + id).with(users.as("admin")))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
        Element main = page.selectFirst("main");
        assertThat(main.select("h1").text()).isEqualTo("Materialer til klyngemødet");
        assertThat(main.text()).contains(to, "test:" + run + ":full", "Samspil <noreply@samspil.local>");
        assertThat(main.select("b")).as("the text is escaped, not markup").isEmpty();
        Element paragraph = main.select("p").stream()
                .filter(p -> p.text().contains("Første linje"))
                .findFirst()
                .orElseThrow();
        assertThat(paragraph.text()).isEqualTo("Første linje med <b>fed</b> tekst Anden linje");
        assertThat(paragraph.select("br")).hasSize(1);
        assertThat(main.select("p").stream().map(Element::text)).contains("Kære Åse", "Hilsen Søren");
    }

    @Test
    void unknownMailIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/admin/udbakke/999999999").with(users.as("admin")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void onlyTheAdministratorSeesTheOutbox() throws Exception {
        long id = outbox.enqueue(
                new OutgoingMail("adgang." + run + "@udbakke.test", "Hemmelig", "Tekst", "test:" + run + ":access"));
        for (String path : List.of("/admin/udbakke", "/admin/udbakke/" + id)) {
            for (String user : List.of("koordinator", "konsulent")) {
                assertThat(status(get(path).with(users.as(user))))
                        .as(user + " " + path)
                        .isEqualTo(403);
            }
            MockHttpServletResponse anonymous =
                    mvc.perform(get(path)).andReturn().getResponse();
            assertThat(anonymous.getStatus()).as("anonymous " + path).isEqualTo(302);
            assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
            assertThat(status(get(path).with(users.as("admin")))).isEqualTo(200);
        }
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
