package dk.samspil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** Every checkbox a user ticks draws its DKFDS box, and ticks and unticks by its label. */
@SamspilTest
class CheckboxBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Test
    void theOrderFormsBoxesAreDrawnAndToggle() {
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "koordinator");
            page.navigate("/bestillinger/ny?pakke=medicinhaandtering");
            Locator boxes = page.locator("input[type=checkbox]");
            List<String> names = boxes.all().stream()
                    .map(box -> box.getAttribute("name"))
                    .distinct()
                    .toList();
            assertThat(names).contains("acceptLeadTimeWarning", "municipalityCodes", "electiveTopics");
            for (Locator box : boxes.all()) {
                assertDrawnAndToggles(page, box);
            }
            Browsers.assertAccessible(page);
        }
    }

    @Test
    void theQuestionEditorsBoxesAreDrawnAndToggle() throws Exception {
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "konsulent");
            page.navigate("/bestillinger/" + order + "/spoergeskema/spoergsmaal/kendskab");
            assertThat(page.locator("input[type=checkbox]").all().stream().map(box -> box.getAttribute("name")))
                    .containsExactly("other", "required");
            for (Locator box : page.locator("input[type=checkbox]").all()) {
                assertDrawnAndToggles(page, box);
            }
            Browsers.assertAccessible(page);
        }
    }

    /** The input has a size, its label draws the box (::before) and shows the tick when checked; a click on the label toggles it. */
    private static void assertDrawnAndToggles(Page page, Locator box) {
        String id = box.getAttribute("id");
        Locator label = page.locator("label[for='" + id + "']");
        var bounds = box.boundingBox();
        assertThat(bounds).as(id + " has a box").isNotNull();
        assertThat(bounds.width * bounds.height).as(id + " has a size").isPositive();
        boolean before = box.isChecked();
        for (int i = 0; i < 2; i++) {
            Map<?, ?> drawn = drawnBox(label);
            assertThat(drawn.get("content"))
                    .as(id + ": the label draws the box")
                    .isNotEqualTo("none");
            assertThat(((Number) drawn.get("width")).doubleValue())
                    .as(id + ": the box has a width")
                    .isPositive();
            assertThat(drawn.get("tick"))
                    .as(id + ": the tick follows the state")
                    .isEqualTo(box.isChecked() ? "tick" : "none");
            label.click();
            assertThat(box.isChecked()).as(id + " toggles").isEqualTo(i == 0 ? !before : before);
        }
    }

    private static Map<?, ?> drawnBox(Locator label) {
        return (Map<?, ?>) label.evaluate("l => { const s = getComputedStyle(l, '::before');"
                + " return {content: s.content, width: parseFloat(s.width) || 0,"
                + " tick: s.backgroundImage && s.backgroundImage !== 'none' ? 'tick' : 'none'}; }");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
