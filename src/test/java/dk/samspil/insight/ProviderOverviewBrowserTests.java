package dk.samspil.insight;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.web.Browsers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The consultant reaches the provider's overview from the menu: the phases, the activity by package and region, and
 * the effect drawn as a bar chart beside its table, with small counts hidden in both; axe passes at desktop and phone
 * width.
 */
@SamspilTest
class ProviderOverviewBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    InsightFixtures fixtures;

    @AfterEach
    void removeServiceData() {
        if (fixtures != null) {
            fixtures.removeData();
        }
    }

    @Test
    void theConsultantOpensTheOverviewFromTheMenuAndReadsTheEffectAsChartAndTable() throws Exception {
        fixtures = new InsightFixtures(mvc, users, jdbc);
        fixtures.heldMeetings();
        for (boolean phone : new boolean[] {false, true}) {
            try (BrowserContext context = phone ? Browsers.phoneContext(base()) : Browsers.newContext(base())) {
                Page page = Browsers.signIn(context, "konsulent");
                if (phone) {
                    page.navigate("/udbyder/overblik");
                } else {
                    page.locator(".navigation-menu a[href='/udbyder/overblik']").click();
                    assertThat(page.locator(".navigation-menu a[aria-current=page]"))
                            .hasText("Udbyderens overblik");
                }
                assertThat(page.locator("h1")).containsText("Overblik for KiAP");
                assertThat(page.locator("#phases tfoot th")).hasText("I alt");
                assertThat(page.locator("#regions")).containsText("Region Nordjylland");
                Locator effect = page.locator("section.samspil-effect").first();
                assertThat(effect.locator(".samspil-trend-chart canvas")).not().hasCount(0);
                Locator rows = effect.locator("table tbody tr");
                assertThat(rows.filter(new Locator.FilterOptions().setHasText("Vestklyngen, 10.09.2016"))
                                .locator("td")
                                .first())
                        .hasText("<5");
                assertThat(rows.filter(new Locator.FilterOptions().setHasText("Alle 2 møder")))
                        .containsText("19,3");
                assertThat(effect.locator(".samspil-effect-partial")).containsText("endnu ikke");
                if (phone) {
                    Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
                    assertThat(overflow).as("the overview fits a phone").isEqualTo(false);
                } else {
                    page.screenshot(new Page.ScreenshotOptions()
                            .setFullPage(true)
                            .setPath(Path.of("target/screens/provider-overview.png")));
                }
                Browsers.assertAccessible(page);
            }
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
