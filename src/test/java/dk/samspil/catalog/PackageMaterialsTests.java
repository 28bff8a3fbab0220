package dk.samspil.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A package's materials: its provider's consultants upload the package PDF and add a podcast link; both stand on the
 * package page and in the materials mail; bad files and addresses are refused at the field; nobody else adds any.
 */
@SamspilTest
class PackageMaterialsTests {

    private static final String SLUG = "dosisdispensering";
    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheMaterials() {
        jdbc.sql("DELETE FROM catalog_package_attachment WHERE slug = ?")
                .param(SLUG)
                .update();
    }

    @Test
    void aConsultantAddsTheMaterialsAndEveryoneFindsThem() throws Exception {
        // Refused at the field: a file that is no PDF under a PDF's name, a title missing, an address without a host.
        Document refused = form(mvc.perform(multipart("/udbyder/pakker/" + SLUG + "/materialer/fil")
                        .file(new MockMultipartFile("file", "pakke.pdf", "application/pdf", "<html>".getBytes()))
                        .param("title", "")
                        .with(csrf())
                        .with(users.as("konsulent")))
                .andReturn());
        assertThat(refused.select("#file-error").text()).contains("ikke en PDF");
        assertThat(refused.select("#fileTitle-error").text()).contains("Skriv en tekst");
        Document badLink = form(mvc.perform(post("/udbyder/pakker/" + SLUG + "/materialer/link")
                        .param("title", "Podcast")
                        .param("url", "javascript:alert(1)")
                        .with(csrf())
                        .with(users.as("konsulent")))
                .andReturn());
        assertThat(badLink.select("#url-error").text()).contains("https://");
        assertThat(badLink.select("#url").val()).isEqualTo("javascript:alert(1)");
        assertThat(count()).isZero();

        mvc.perform(multipart("/udbyder/pakker/" + SLUG + "/materialer/fil")
                .file(new MockMultipartFile("file", "C:\\Brugere\\karin\\Dosispakken.pdf", "application/pdf", PDF))
                .param("title", "Pakken som PDF")
                .with(csrf())
                .with(users.as("konsulent")));
        mvc.perform(post("/udbyder/pakker/" + SLUG + "/materialer/link")
                .param("title", "Podcast om dosisdispensering")
                .param("url", "https://podcast.example.dk/dosis")
                .with(csrf())
                .with(users.as("konsulent")));
        assertThat(count()).isEqualTo(2);

        // The package page, for anyone: the file opens as it was uploaded, named without the folder.
        Document page = Jsoup.parse(mvc.perform(get("/pakker/" + SLUG))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("a[href=https://podcast.example.dk/dosis]").text())
                .isEqualTo("Podcast om dosisdispensering");
        String fileLink = page.select("a:contains(Pakken som PDF)").attr("href");
        MvcResult file = mvc.perform(get(fileLink)).andReturn();
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(PDF);
        assertThat(file.getResponse().getHeader("Content-Disposition"))
                .contains("Dosispakken.pdf")
                .doesNotContain("karin");
        assertThat(file.getResponse().getContentType()).isEqualTo("application/pdf");

        // The materials mail names both.
        long order = OrderFixtures.placeOrder(
                mvc, users, SLUG, OrderFixtures.today().plusWeeks(11), "dosis.materialer@aarhus.example.dk");
        mvc.perform(post("/bestillinger/" + order + "/materialer")
                .with(users.as("konsulent"))
                .with(csrf()));
        String mail = TestMailServer.text(
                TestMailServer.awaitMail("anne.kjaer@example.dk", "Materiale til jeres klyngemøde"));
        assertThat(mail)
                .contains("Materiale fra udbyderen:")
                .contains("- Podcast om dosisdispensering: https://podcast.example.dk/dosis")
                .contains("- Pakken som PDF: ")
                .contains(fileLink);

        // Removed by the provider: gone from the page.
        long id = Long.parseLong(fileLink.substring(fileLink.lastIndexOf('/') + 1));
        mvc.perform(post("/udbyder/pakker/" + SLUG + "/materialer/" + id + "/slet")
                .with(csrf())
                .with(users.as("konsulent")));
        assertThat(mvc.perform(get(fileLink)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void nobodyButTheProvidersConsultantsAddsOrRemovesMaterials() throws Exception {
        long id = jdbc.sql("""
                        INSERT INTO catalog_package_attachment (slug, title, url, added_by)
                        VALUES (?, 'Video', 'https://video.example.dk', 'test') RETURNING id""").param(SLUG).query(Long.class).single();
        for (String user : List.of("midtkraft", "koordinator", "kommune", "pko", "redaktoer")) {
            assertThat(status(get("/udbyder/pakker/" + SLUG + "/materialer"), user))
                    .as(user)
                    .isEqualTo(404);
            assertThat(status(
                            post("/udbyder/pakker/" + SLUG + "/materialer/link")
                                    .param("title", "Overtaget")
                                    .param("url", "https://example.dk")
                                    .with(csrf()),
                            user))
                    .as(user)
                    .isEqualTo(404);
            assertThat(status(
                            post("/udbyder/pakker/" + SLUG + "/materialer/" + id + "/slet")
                                    .with(csrf()),
                            user))
                    .as(user)
                    .isEqualTo(404);
        }
        assertThat(count()).isEqualTo(1);
        assertThat(status(get("/udbyder/pakker/" + SLUG + "/materialer"), "konsulent"))
                .isEqualTo(200);
    }

    private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user)
            throws Exception {
        return mvc.perform(request.with(users.as(user)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM catalog_package_attachment WHERE slug = ?")
                .param(SLUG)
                .query(Integer.class)
                .single();
    }

    private static Document form(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
