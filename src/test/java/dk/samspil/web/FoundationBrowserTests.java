package dk.samspil.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.samspil.SamspilTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The flows of the foundation as users walk them in a real browser, each page checked with axe-core. */
@SamspilTest
class FoundationBrowserTests {

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    BrowserContext context;
    Page page;

    @BeforeEach
    void openBrowser() {
        context = Browsers.newContext("http://localhost:" + port);
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        // Null where Chromium is missing and the test was skipped (allowed on a laptop, never in CI).
        if (context != null) {
            context.close();
        }
    }

    @Test
    void anonymousVisitorBrowsesTheCatalogueAndIsSentToLoginForTheRest() {
        page.navigate("/");
        Browsers.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Se klyngepakkerne"))
                .click();
        assertThat(page.locator("h1")).hasText("Klyngepakker");
        assertThat(page.locator(".samspil-packages li")).hasCount(5);
        assertThat(page.locator(".samspil-packages .badge")).hasText("Under udarbejdelse");
        Browsers.assertAccessible(page);
        page.navigate("/tilgaengelighed");
        assertThat(page.locator("h1")).hasText("Tilgængelighedserklæring");
        Browsers.assertAccessible(page);
        page.navigate("/bestillinger");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        Browsers.assertAccessible(page);
    }

    @Test
    void coordinatorLogsInAndReadsAPackage() {
        login("koordinator");
        page.navigate("/pakker");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Almen praksis' samarbejde med kommunale akutfunktioner"))
                .click();
        assertThat(page.locator("h1")).hasText("Almen praksis' samarbejde med kommunale akutfunktioner");
        assertThat(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName("Blok 1: Akutfunktionen")))
                .isVisible();
        assertThat(page.locator("table tbody tr")).hasCount(5);
        assertThat(page.locator(".samspil-questions li")).hasCount(11);
        assertThat(page.getByText("16.10–17.15")).isVisible();
        Browsers.assertAccessible(page);
        page.navigate("/pakker/medicinhaandtering");
        assertThat(page.getByText("Valgfrie emner (vælg 2)")).isVisible();
        Browsers.assertAccessible(page);
    }

    @Test
    void coordinatorImportsPracticesFixingTheBadRowFirst() throws IOException {
        login("koordinator");
        page.navigate("/klynger");
        Browsers.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Demoklyngen"))
                .click();
        assertThat(page.locator("h1")).hasText("Demoklyngen");
        Browsers.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Importér praksis eller medlemmer"))
                .click();
        Browsers.assertAccessible(page);

        Path bad = write(
                "praksis.csv",
                "ydernummer;navn;tilmeldte patienter\n510001;Lægerne ved Søen;3.100\n51002;Lægehuset Bakken;2.000\n");
        page.getByLabel("CSV- eller Excel-fil").setInputFiles(bad);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importér"))
                .click();
        Locator problems = page.locator("#file-error");
        assertThat(problems).containsText("Linje 3: ydernummeret »51002« skal være 6 cifre.");
        assertThat(problems).containsText("intet er ændret");
        Browsers.assertAccessible(page);

        Path fixed = write(
                "praksis-rettet.csv",
                "ydernummer;navn;tilmeldte patienter\n510001;Lægerne ved Søen;3.100\n510002;Lægehuset Bakken;2.000\n");
        page.getByLabel("CSV- eller Excel-fil").setInputFiles(fixed);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importér"))
                .click();
        assertThat(page.locator(".alert-success")).containsText("Importen er gennemført: 2 nye og 0 opdaterede.");
        assertThat(page.getByRole(
                        AriaRole.CELL,
                        new Page.GetByRoleOptions().setName("Lægehuset Bakken").setExact(true)))
                .isVisible();
        Browsers.assertAccessible(page);
    }

    @Test
    void anOversizedUploadGetsADanishMessageAndChangesNothing() throws IOException {
        login("koordinator");
        page.navigate("/klynger");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Demoklyngen"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Importér praksis eller medlemmer"))
                .click();
        Path huge = files.resolve("stor.csv");
        byte[] chunk = "ydernummer;navn;tilmeldte patienter\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(huge)) {
            for (long written = 0; written < 50L * 1024 * 1024; written += chunk.length) {
                out.write(chunk);
            }
        }
        page.getByLabel("CSV- eller Excel-fil").setInputFiles(huge);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importér"))
                .click();
        assertThat(page.locator("#file-error")).containsText("Filen er for stor til at blive modtaget");
        Browsers.assertAccessible(page);
    }

    @Test
    void aBadPracticeFormShowsTheMessageAtTheFieldAndKeepsWhatWasTyped() {
        login("koordinator");
        page.navigate("/klynger");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Demoklyngen"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tilføj praksis"))
                .click();
        page.getByLabel("Ydernummer").fill("12AB");
        page.getByLabel("Praksisnavn").fill("Lægerne i Åby");
        page.getByLabel("Tilmeldte patienter").fill("2500");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem"))
                .click();
        assertThat(page.locator("#ydernummer-error")).containsText("Ydernummeret skal være 6 cifre");
        assertThat(page.getByLabel("Praksisnavn")).hasValue("Lægerne i Åby");
        Browsers.assertAccessible(page);
        page.getByLabel("Ydernummer").fill("520001");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem"))
                .click();
        assertThat(page.locator(".alert-success")).containsText("Praksis er gemt.");
        assertThat(page.getByRole(
                        AriaRole.CELL,
                        new Page.GetByRoleOptions().setName("Lægerne i Åby").setExact(true)))
                .isVisible();
    }

    @Test
    void administratorSeesTheRegisters() {
        login("admin");
        page.navigate("/admin/registre");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Kommuner (98)")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("0751")))
                .isVisible();
        Browsers.assertAccessible(page);
        page.navigate("/admin/klynger/ny");
        Browsers.assertAccessible(page);
    }

    @Test
    void pagesRunWithoutContentSecurityPolicyViolations() {
        BrowserContext strict = Browsers.strictContext("http://localhost:" + port);
        try {
            Page strictPage = strict.newPage();
            List<String> problems = new ArrayList<>();
            strictPage.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")
                        || message.text().startsWith("Refused to")) {
                    problems.add(message.text());
                }
            });
            for (String path : List.of("/", "/pakker", "/pakker/akutfunktioner", "/login")) {
                strictPage.navigate(path);
            }
            assertThat(problems).isEmpty();
        } finally {
            strict.close();
        }
    }

    private void login(String username) {
        page.navigate("/login");
        page.getByLabel("Brugernavn").fill(username);
        page.getByLabel("Adgangskode").fill("samspil");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log ind"))
                .click();
        Browsers.assertSignedIn(page);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }
}
