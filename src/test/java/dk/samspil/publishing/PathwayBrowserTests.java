package dk.samspil.publishing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.samspil.SamspilTest;
import dk.samspil.web.Browsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A care pathway in the browser: the consultant starts it (refused at the field first, values kept), sends it to
 * the chain, the Specialråd opens its mailed link without an account, and the public page of the region's pathways
 * shows it once published (the whole chain is PathwayTests'). Every page axe clean.
 */
@SamspilTest
class PathwayBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPathwayFromTheAuthorsFormThroughTheApproversLinkToThePublicPage() {
        String marker = NewsletterFixtures.marker();
        String group = "Voksne med søvnapnø " + marker;
        String specialraad = "specialraad-browser-" + marker + "@example.dk";
        String base = "http://localhost:" + port;
        try (BrowserContext context = Browsers.newContext(base)) {
            Page author = Browsers.signIn(context, PathwayFixtures.OWNER);
            author.navigate("/forloebsbeskrivelser");
            Browsers.assertAccessible(author);
            author.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ny forløbsbeskrivelse"))
                    .click();
            author.getByLabel("Faglig baggrund").fill("# Forekomst\nSøvnapnø er hyppigt.\n- Snorken\n- Træthed");
            author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem"))
                    .click();
            assertThat(author.locator("#patientGroup-error")).containsText("Skriv patientgruppen");
            assertThat(author.getByLabel("Faglig baggrund"))
                    .hasValue("# Forekomst\nSøvnapnø er hyppigt.\n- Snorken\n- Træthed");
            Browsers.assertAccessible(author);
            author.getByLabel("Patientgruppe").fill(group);
            author.getByLabel("Specialråd", new Page.GetByLabelOptions().setExact(true))
                    .fill("Specialråd for lungesygdomme");
            author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem"))
                    .click();
            assertThat(author.getByRole(AriaRole.STATUS).first()).containsText("gemt som en ny version");
            assertThat(author.locator("#afsnit-background h4")).hasText("Forekomst");
            Browsers.assertAccessible(author);
            author.locator("#SPECIALRAAD-name").fill("Formand Søren Specialråd");
            author.locator("#SPECIALRAAD-email").fill(specialraad);
            author.locator("#COORDINATORS-name").fill("Pia Praksiskoordinator");
            author.locator("#COORDINATORS-email").fill("pkokoordinator@example.dk");
            author.locator("#PLO_M-name").fill("PLO-M");
            author.locator("#PLO_M-email").fill("plom-browser-" + marker + "@example.dk");
            author.locator("#REGION-name").fill("Regionen");
            author.locator("#REGION-email").fill("region-browser-" + marker + "@example.dk");
            author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send til godkendelse"))
                    .click();
            assertThat(author.locator("#facts")).containsText("Til godkendelse");
            Browsers.assertAccessible(author);
        }
        try (BrowserContext context = Browsers.newContext(base)) {
            Page approver = context.newPage();
            approver.navigate(PathwayFixtures.link(specialraad, group, 1));
            assertThat(approver.locator("h1")).hasText("Godkendelse af forløbsbeskrivelse");
            Browsers.assertAccessible(approver);
        }
        // Published (the chain itself is PathwayTests'): the region's public page, no sign-in.
        jdbc.sql("""
                        UPDATE publishing_pathway SET status = 'CURRENT', approved_version = 1, approved_at = now(),
                            news_mail = false, published_version = 1, published_at = now()
                        WHERE patient_group = ?""").param(group).update();
        try (BrowserContext context = Browsers.newContext(base)) {
            Page page = context.newPage();
            page.navigate("/forloeb/1082");
            Browsers.assertAccessible(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(group))
                    .click();
            assertThat(page.locator("#afsnit-background")).containsText("Søvnapnø er hyppigt.");
            Browsers.assertAccessible(page);
        }
    }
}
