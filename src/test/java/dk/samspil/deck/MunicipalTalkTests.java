package dk.samspil.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.office.DocumentVersions;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The municipality uploads the slides of its talk (seed 004: "oplæg på 20 min." in Blok 1); the next deck has them
 * in the talk's place, in one editable file; Blok 2 opens with the municipality's talk as the programme says.
 */
@SamspilTest
class MunicipalTalkTests {

    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Decks decks;

    @Test
    void theMunicipalitysSlidesLandInTheDeckInTheTalksPlace() throws Exception {
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        String page = page(order, "kommune");
        assertThat(page)
                .contains(
                        "Kommunens oplæg",
                        "Blok 1: Akutfunktionen",
                        "Blok 2: Henvisningsprocedurer",
                        "PowerPoint-fil til oplægget i Blok 1: Akutfunktionen");
        assertThat(page(order, "koordinator"))
                .as("the coordinator sees the talks but uploads none")
                .contains("Kommunens oplæg")
                .doesNotContain("Læg diasene ind");

        MockHttpServletResponse bad =
                upload(order, 1, "kommune", "noter.pptx", "ikke en præsentation".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8))
                .contains("Filen kan ikke læses som en PowerPoint-præsentation", "form-error");
        assertThat(upload(order, 1, "kommune", "tom.pptx", new byte[0]).getContentAsString(StandardCharsets.UTF_8))
                .contains("Vælg en PowerPoint-fil (.pptx).");
        assertThat(talks(order)).isZero();
        // Over the upload limit the filter sends the browser back to the address (GET) with "uploadError": the page
        // then
        // shows the message at the field.
        String address = "/bestillinger/" + order + "/praesentation/oplaeg/1";
        var refused = mvc.perform(post(address)
                        .contentType("multipart/form-data; boundary=samspil")
                        .content(new byte[MunicipalTalks.MAX_BYTES + 1])
                        .with(csrf())
                        .with(users.as("kommune")))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(address);
        // The browser follows with its session cookie: the message travels in the session, kept in PostgreSQL.
        jakarta.servlet.http.Cookie session = refused.getResponse().getCookie("SESSION");
        var back = mvc.perform(get(address).cookie(session).with(users.as("kommune")))
                .andReturn();
        assertThat(back.getResponse().getRedirectedUrl()).isEqualTo("/bestillinger/" + order + "/praesentation#talk-1");
        assertThat(mvc.perform(get("/bestillinger/" + order + "/praesentation")
                                .cookie(session)
                                .with(users.as("kommune")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Filen er for stor. Den må højst fylde 10 MB", "talk-error-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MunicipalTalks.check(new byte[MunicipalTalks.MAX_BYTES + 1]))
                .hasMessage("deck.talk.tooLarge");
        assertThat(talks(order)).isZero();
        byte[] talk = talk("Aarhus' akutfunktion", "Målgruppe og indhold", "Hvor kan samarbejdet blive bedre?");
        assertThat(upload(order, 1, "koordinator", "oplaeg.pptx", talk).getStatus())
                .isEqualTo(404);
        assertThat(upload(order, 1, "kommune2", "oplaeg.pptx", talk).getStatus())
                .isEqualTo(404);
        assertThat(upload(order, 0, "kommune", "oplaeg.pptx", talk).getStatus())
                .as("a block without a talk")
                .isEqualTo(404);
        assertThat(talks(order)).isZero();

        MockHttpServletResponse saved = upload(order, 1, "kommune", "Akutfunktionen Aarhus.pptx", talk);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/bestillinger/" + order + "/praesentation#talk-1");
        assertThat(page(order, "konsulent")).contains("Akutfunktionen Aarhus.pptx (3 dias)");

        byte[] pptx = generate(order);
        Files.createDirectories(Path.of("target", "decks"));
        Files.write(Path.of("target", "decks", "municipal-talk.pptx"), pptx);
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            List<String> texts =
                    show.getSlides().stream().map(WrittenDeck::text).toList();
            int blockOne = index(texts, "Blok 1: Akutfunktionen");
            int first = index(texts, "Aarhus' akutfunktion");
            int blockTwo = index(texts, "Blok 2: Henvisningsprocedurer");
            assertThat(first).as("the talk inside Blok 1").isBetween(blockOne, blockTwo);
            assertThat(texts.get(first + 1)).contains("Målgruppe og indhold");
            assertThat(texts.get(first + 2)).contains("Hvor kan samarbejdet blive bedre?");
            assertThat(texts.subList(blockOne, blockTwo))
                    .as("Blok 1 has the slides, not the placeholder")
                    .noneMatch(t -> t.contains("indsætter sit oplæg her"));
            int dialogue = texts.subList(first, blockTwo).stream()
                    .filter(t -> t.startsWith("Dialog"))
                    .findFirst()
                    .map(t -> texts.subList(first, blockTwo).indexOf(t) + first)
                    .orElseThrow();
            assertThat(dialogue).as("the block's dialogue after the talk").isEqualTo(first + 3);
            assertThat(texts.subList(blockOne, first))
                    .as("Blok 1: the survey's results, then the talk")
                    .anyMatch(t -> t.startsWith("Spørgsmål"));

            // Blok 2 (seed 004): the municipality's talk first, then the survey's results.
            String afterBlockTwo = texts.get(blockTwo + 1);
            assertThat(afterBlockTwo).startsWith("Oplæg fra kommunen").contains("indsætter sit oplæg her");
            assertThat(show.getPageSize()).as("one deck, its own page").isEqualTo(new Dimension(960, 540));
            XSLFSlide copied = show.getSlides().get(first);
            Rectangle2D box = copied.getShapes().get(0).getAnchor();
            assertThat(box.getMaxX())
                    .as("the 4:3 slide scaled into the 16:9 page")
                    .isLessThanOrEqualTo(960);
            assertThat(box.getMaxY()).isLessThanOrEqualTo(540);
        }
        DocumentVersions.Version version = decks.versions(order).get(0);
        assertThat(version.slides()).isEqualTo(countSlides(pptx));

        mvc.perform(post("/bestillinger/" + order + "/praesentation/oplaeg/1/fjern")
                .with(csrf())
                .with(users.as("kommune")));
        assertThat(talks(order)).isZero();
        assertThat(page(order, "kommune")).contains("Ingen dias endnu");
    }

    private static int countSlides(byte[] pptx) throws Exception {
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            return show.getSlides().size();
        }
    }

    private static int index(List<String> texts, String start) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no slide starts with " + start + " in " + texts);
    }

    /** A 4:3 presentation of one text box per slide, as a municipality might bring. */
    static byte[] talk(String... slides) throws Exception {
        try (XMLSlideShow show = new XMLSlideShow();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.setPageSize(new Dimension(720, 540));
            for (String text : slides) {
                XSLFTextBox box = show.createSlide().createTextBox();
                box.setAnchor(new Rectangle2D.Double(40, 40, 640, 460));
                box.setText(text);
            }
            show.write(out);
            return out.toByteArray();
        }
    }

    private byte[] generate(long order) throws Exception {
        mvc.perform(
                post("/bestillinger/" + order + "/praesentation").with(csrf()).with(users.as("konsulent")));
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> !decks.versions(order).isEmpty()
                        && !decks.versions(order).get(0).pending());
        DocumentVersions.Version version = decks.versions(order).get(0);
        assertThat(version.status()).isEqualTo(DocumentVersions.Status.READY);
        return decks.pptx(version).orElseThrow();
    }

    private MockHttpServletResponse upload(long order, int block, String user, String name, byte[] bytes)
            throws Exception {
        return mvc.perform(multipart("/bestillinger/" + order + "/praesentation/oplaeg/" + block)
                        .file(new MockMultipartFile("file", name, PPTX, bytes))
                        .with(csrf())
                        .with(users.as(user)))
                .andReturn()
                .getResponse();
    }

    private int talks(long order) {
        return jdbc.sql("SELECT count(*) FROM deck_municipal_talk WHERE order_id = ?")
                .param(order)
                .query(Integer.class)
                .single();
    }

    private String page(long order, String user) throws Exception {
        return mvc.perform(get("/bestillinger/" + order + "/praesentation").with(users.as(user)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
