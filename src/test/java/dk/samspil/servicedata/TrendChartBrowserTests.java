package dk.samspil.servicedata;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.RegisterFiles;
import dk.samspil.SamspilTest;
import dk.samspil.web.Browsers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The data page draws the months as a trend chart for the cluster, the region and the country, with the table it is
 * drawn from beside it; the practices are drawn apart from those three; small months are hidden in both; axe passes
 * at desktop and phone width, and the chart runs under the page's Content-Security-Policy.
 */
@SamspilTest
class TrendChartBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTestPeriods() {
        jdbc.sql("DELETE FROM register_service_count WHERE period >= '2036-01-01'")
                .update();
        jdbc.sql("DELETE FROM register_service_month WHERE period >= '2036-01-01'")
                .update();
        jdbc.sql("DELETE FROM register_practice_period WHERE period >= '2036-01-01'")
                .update();
    }

    @Test
    void theMonthsAreATrendChartBesideTheirTableWithSmallMonthsHidden() throws Exception {
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        StringBuilder practices = new StringBuilder("Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n");
        StringBuilder services = new StringBuilder("Ydernummer;Periode;Ydelseskode;Antal\n");
        for (int month = 1; month <= 3; month++) {
            for (int p = 1; p <= 6; p++) {
                practices
                        .append("10010")
                        .append(p)
                        .append(";2036-0")
                        .append(month)
                        .append(";5000;0751\n");
                // March has only two services in the whole cluster: that month is hidden.
                int count = month == 3 ? (p == 1 ? 2 : 0) : 10 * p + month;
                services.append("10010")
                        .append(p)
                        .append(";2036-0")
                        .append(month)
                        .append(";0124;")
                        .append(count)
                        .append('\n');
            }
        }
        upload("PRACTICES", practices.toString());
        upload("SERVICES", services.toString());

        for (boolean phone : new boolean[] {false, true}) {
            try (BrowserContext context = phone ? Browsers.phoneContext(base()) : Browsers.newContext(base())) {
                Page page = Browsers.signIn(context, "konsulent");
                page.navigate("/bestillinger/" + order + "/data");
                Locator trend = page.locator("section.samspil-trend");
                assertThat(trend).hasCount(1);
                assertThat(trend.locator("h2")).containsText("Måned for måned: ydelse 0124");
                assertThat(trend.locator(".samspil-trend-chart canvas")).not().hasCount(0);
                assertThat(trend.locator(".samspil-trend-chart"))
                        .hasAttribute(
                                "aria-label",
                                java.util.regex.Pattern.compile(
                                        "Linjediagram over ydelse 0124.*Tallene står i tabellen"));
                Locator rows = trend.locator("tbody tr");
                assertThat(rows).hasCount(12);
                // March's 2 services are hidden; January (the smallest other month) with them, or March could be
                // worked out from the period's total. February: 12+22+...+62 = 222 services on 30,000 listed.
                assertThat(rows.nth(11).locator("td").first()).hasText("<5");
                assertThat(rows.nth(9).locator("td").first()).hasText("x");
                assertThat(rows.nth(10).locator("td").first()).hasText("7,4");
                assertThat(page.locator(".samspil-chart-compare li")).hasCount(3);
                if (phone) {
                    Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
                    assertThat(overflow).as("the data page fits a phone").isEqualTo(false);
                } else {
                    page.screenshot(new Page.ScreenshotOptions()
                            .setFullPage(true)
                            .setPath(Path.of("target/screens/trend.png")));
                }
                Browsers.assertAccessible(page);
            }
        }

        BrowserContext strict = Browsers.strictContext(base());
        try {
            Page page = Browsers.signIn(strict, "konsulent");
            List<String> problems = new ArrayList<>();
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")
                        || message.text().startsWith("Refused to")) {
                    problems.add(message.text());
                }
            });
            page.navigate("/bestillinger/" + order + "/data");
            assertThat(page.locator(".samspil-trend-chart canvas")).not().hasCount(0);
            assertThat(problems).isEmpty();
        } finally {
            strict.close();
        }
    }

    private void upload(String kind, String csv) throws Exception {
        RegisterFiles.importCsv(mvc, users, kind, csv);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
