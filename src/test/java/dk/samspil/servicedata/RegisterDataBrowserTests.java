package dk.samspil.servicedata;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.web.Browsers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The consultant imports a file with a bad row, reads the report, imports the corrected file and sees the order's figures. */
@SamspilTest
class RegisterDataBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTestPeriod() {
        jdbc.sql("DELETE FROM register_service_count WHERE period >= '2034-01-01'")
                .update();
        jdbc.sql("DELETE FROM register_service_month WHERE period >= '2034-01-01'")
                .update();
        jdbc.sql("DELETE FROM register_practice_period WHERE period >= '2034-01-01'")
                .update();
    }

    @Test
    void importWithABadRowThenFixedThenFigures() throws Exception {
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        try (BrowserContext context = Browsers.newContext("http://localhost:" + port)) {
            Page page = Browsers.signIn(context, "konsulent");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registerdata"))
                    .click();
            Browsers.assertAccessible(page);

            page.getByLabel("Praksisdata").check();
            page.getByLabel("Fil", new Page.GetByLabelOptions().setExact(true))
                    .setInputFiles(
                            csv(
                                    "praksis.csv",
                                    "Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n100101;2034-01;6000;0751\n100102;2034-01;4000;0751\n"
                                            + "100103;2034-01;8000;0751\n100104;2034-01;3000;0751\n100105;2034-01;5000;0751\n100106;2034-01;2000;0751\n"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importér filen"))
                    .click();
            assertThat(page.locator("#import-result")).containsText("Filen er importeret: 6 rækker.");

            String services = "Ydernummer;Periode;Ydelseskode;Antal\n100101;2034-01;0124;12\n100102;2034-01;0124;tre\n"
                    + "100103;2034-01;0124;40\n100104;2034-01;0124;9\n100105;2034-01;0124;25\n100106;2034-01;0124;6\n";
            page.getByLabel("Ydelsesdata").check();
            page.getByLabel("Fil", new Page.GetByLabelOptions().setExact(true))
                    .setInputFiles(csv("ydelser.csv", services));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importér filen"))
                    .click();
            assertThat(page.locator("#import-result")).containsText("Filen er ikke importeret: 1 fejl.");
            assertThat(page.locator("#import-problems tbody tr")).hasCount(1);
            assertThat(page.locator("#import-problems tbody")).containsText("Antallet skal være et tal.");
            Browsers.assertAccessible(page);

            page.getByLabel("Ydelsesdata").check();
            page.getByLabel("Fil", new Page.GetByLabelOptions().setExact(true))
                    .setInputFiles(csv("ydelser.csv", services.replace(";tre", ";3")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importér filen"))
                    .click();
            assertThat(page.locator("#import-result")).containsText("Filen er importeret: 6 rækker.");

            page.navigate("/bestillinger/" + order);
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Data til mødet: ydelsesdata og kommunens tal"))
                    .click();
            assertThat(page.locator("h1")).containsText("Data til mødet");
            assertThat(page.locator("table").first()).containsText("<5");
            assertThat(page.locator("#pseudonym-key")).containsText("Lægerne ved Åen");
            Browsers.assertAccessible(page);
        }
    }

    @Test
    void theMunicipalityUploadsReferralsForItsOrderFixesABadRowAndSeesThem() throws Exception {
        long order = OrderFixtures.placeOrder(
                mvc, users, "forebyggelse-rehabilitering", OrderFixtures.today().plusWeeks(14), "kommune@example.dk");
        try (BrowserContext context = Browsers.newContext("http://localhost:" + port)) {
            Page page = Browsers.signIn(context, "kommune");
            page.navigate("/bestillinger/" + order);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kommunen leverer data til mødet"))
                    .click();
            assertThat(page.locator("main h2").first()).containsText("Upload henvisninger fra Aarhus");
            Browsers.assertAccessible(page);

            String referrals = "Ydernummer;Tilbud;Antal henvisninger\n100101;Forebyggelse;30\n100102;Forebyggelse;2\n"
                    + "100103;Forebyggelse;40\n100104;Forebyggelse;12\n100105;Forebyggelse;25\n100106;Forebyggelse;-1\n";
            page.getByLabel("Periode").fill("2025");
            page.getByLabel("Fil", new Page.GetByLabelOptions().setExact(true))
                    .setInputFiles(csv("henvisninger.csv", referrals));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload filen"))
                    .click();
            assertThat(page.locator("#import-result")).containsText("Filen er ikke importeret: 1 fejl.");
            assertThat(page.locator("#import-problems tbody")).containsText("Antallet må ikke være negativt.");
            Browsers.assertAccessible(page);

            page.getByLabel("Fil", new Page.GetByLabelOptions().setExact(true))
                    .setInputFiles(csv("henvisninger.csv", referrals.replace(";-1", ";0")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload filen"))
                    .click();
            assertThat(page.locator("#import-result")).containsText("Filen er gemt: 6 rækker.");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Se tallene, som klyngen ser dem"))
                    .click();
            assertThat(page.locator("main h2").first()).containsText("Henvisninger til forebyggende tilbud – Aarhus");
            assertThat(page.locator("table").first()).containsText("<5");
            assertThat(page.locator("#pseudonym-key")).hasCount(0);
            Browsers.assertAccessible(page);
        }
    }

    private static FilePayload csv(String name, String content) {
        return new FilePayload(name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
