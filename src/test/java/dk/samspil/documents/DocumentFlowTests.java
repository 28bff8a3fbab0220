package dk.samspil.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.office.OfficeConverter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The order's package documents: every kind as Word with the order's facts, its PDF made in the background (the list
 * refreshes itself meanwhile); downloadable by the order's people only, at an address with an unguessable part.
 */
@SamspilTest
class DocumentFlowTests {

    private static final Pattern WORD_LINK =
            Pattern.compile("href=\"(/bestillinger/\\d+/dokumenter/([A-Za-z0-9_-]{43})/([a-z-]+)\\.docx)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    OfficeConverter office;

    @Test
    void everyDocumentAsWordThenPdfForTheOrdersPeopleOnly() throws Exception {
        long order = OrderFixtures.placeOrder(
                mvc, users, "dosisdispensering", OrderFixtures.today().plusWeeks(14), "kommune@example.dk");
        String page = fetch(order, "/dokumenter", "kommune").getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Invitation til kommunen", "Dialogark til gruppearbejdet", "Drejebog for kommunen");
        Matcher links = WORD_LINK.matcher(page);
        int documents = 0;
        String token = null;
        while (links.find()) {
            documents++;
            token = links.group(2);
            MockHttpServletResponse word = mvc.perform(get(links.group(1)).with(users.as("koordinator")))
                    .andReturn()
                    .getResponse();
            assertThat(word.getStatus()).as(links.group(3)).isEqualTo(200);
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(word.getContentAsByteArray()));
                    XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
                assertThat(text.getText()).as(links.group(3)).contains("Demoklyngen", "Aarhus");
            }
            for (String outsider : new String[] {"koordinator2", "kommune2", "midtkraft", "pko"}) {
                assertThat(mvc.perform(get(links.group(1)).with(users.as(outsider)))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                        .as(outsider)
                        .isEqualTo(404);
            }
        }
        assertThat(documents).isEqualTo(7);
        assertThat(fetch(order, "/dokumenter/" + "x".repeat(43) + "/dialogark.docx", "koordinator")
                        .getStatus())
                .as("a guessed token")
                .isEqualTo(404);
        assertThat(fetch(order, "/dokumenter/" + token + "/findes-ikke.docx", "koordinator")
                        .getStatus())
                .isEqualTo(404);

        if (office.available() || System.getenv("CI") != null) {
            if (page.contains("PDF laves lige nu")) {
                assertThat(page)
                        .as("the list refreshes itself while PDFs are made")
                        .contains("hx-trigger=\"every 3s\"");
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> !fetch(order, "/dokumenter/liste", "kommune")
                            .getContentAsString(StandardCharsets.UTF_8)
                            .contains("PDF laves"));
            MockHttpServletResponse pdf = fetch(order, "/dokumenter/" + token + "/dialogark.pdf", "kommune");
            assertThat(pdf.getStatus()).isEqualTo(200);
            assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
        }
    }

    private MockHttpServletResponse fetch(long order, String path, String user) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/bestillinger/" + order + path)
                        .with(users.as(user)))
                .andReturn()
                .getResponse();
    }
}
