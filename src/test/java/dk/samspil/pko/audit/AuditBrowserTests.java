package dk.samspil.pko.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.web.Browsers;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A hospital consultant's audit in the browser: planned, refused at step 2 before the management has approved, the
 * approver answering through the mailed link without an account, 20 cases assessed, the result reported and the
 * cases deleted.
 */
@SamspilTest
class AuditBrowserTests {

    private static final Pattern LINK = Pattern.compile("/audit-godkendelse/\\d+/[A-Za-z0-9_-]{43}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void consultantWalksAnAuditThroughItsThreeStepsAndItsCasesAreDeletedAtTheEnd() throws Exception {
        String title = "Hjertesvigt i browseren " + AuditFixtures.marker();
        String cases = AuditFixtures.marker();
        String management = "ledelse-" + cases.toLowerCase() + "@example.dk";
        List<String> numbers = AuditFixtures.caseNumbers(cases);
        try (BrowserContext context = Browsers.newContext("http://localhost:" + port)) {
            Page page = Browsers.signIn(context, AuditFixtures.CONSULTANT);
            page.navigate("/pko/audit");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Planlæg en audit"))
                    .click();
            page.getByLabel("Afdeling eller kommune").selectOption(PkoDemo.consultantPlaceKey(jdbc));
            page.getByLabel("Titel").fill(title);
            page.getByLabel("Beskrivelse af den planlagte audit")
                    .fill("Henvisninger og epikriser for patienter med hjertesvigt, 2026.");
            page.getByLabel("Afdelingslæge").fill("Overlæge Hanne Holm");
            Browsers.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Planlæg audit"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Auditten er planlagt.");
            assertThat(page.locator("h1")).containsText(title);

            // The criteria adapted to the audit: three kept, one reworded.
            Locator kept = page.locator("ol.samspil-criteria > li");
            for (int count = kept.count(); count > 3; count--) {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fjern kriterium 4"))
                        .click();
                assertThat(kept).hasCount(count - 1); // the new page, not the old one's status
                assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Kriteriet er fjernet.");
            }
            Locator first = page.locator("ol.samspil-criteria > li").first();
            first.getByLabel("Kriterium").fill("Henvisningen stiller et klart spørgsmål om hjertesvigtet");
            first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Gem kriterium 1"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Kriteriet er gemt.");

            // Step 2 before step 1: refused, in Danish, with the numbers kept.
            page.getByLabel("Afdelingens sagsnumre (ét pr. linje)").fill(String.join("\n", numbers));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj sager"))
                    .click();
            assertThat(page.locator("#trin-2-errors"))
                    .containsText("Auditten er ikke godkendt af den administrative ledelse");
            assertThat(page.getByLabel("Afdelingens sagsnumre (ét pr. linje)")).hasValue(String.join("\n", numbers));
            Browsers.assertAccessible(page);

            page.getByLabel("Modtager i den administrative ledelse").fill("Vicedirektør Ida Lund");
            page.getByLabel("Modtagerens e-mailadresse").fill(management);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send anmodning til ledelsen"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Anmodningen er sendt.");

            // The approver has no account: the link in the mail.
            Matcher link = LINK.matcher(
                    TestMailServer.text(TestMailServer.awaitMail(management, "Anmodning om godkendelse af audit")));
            assertThat(link.find()).isTrue();
            try (BrowserContext approverContext = Browsers.newContext("http://localhost:" + port)) {
                Page approver = approverContext.newPage();
                approver.navigate(link.group());
                assertThat(approver.locator("h1")).hasText("Godkendelse af audit");
                assertThat(approver.locator("main"))
                        .containsText("Henvisningen stiller et klart spørgsmål om hjertesvigtet");
                Browsers.assertAccessible(approver);
                approver.getByLabel("Auditten godkendes").check();
                approver.getByLabel("Navn").fill("Ida Lund");
                approver.getByLabel("Titel").fill("Vicedirektør");
                approver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send svar"))
                        .click();
                assertThat(approver.locator("h1")).hasText("Tak for svaret");
                approver.navigate(link.group());
                assertThat(approver.locator("h1")).hasText("Linket kan ikke bruges");
            }

            page.reload();
            assertThat(page.locator("#trin-1")).containsText("Godkendt af Ida Lund, Vicedirektør");
            page.getByLabel("Afdelingens sagsnumre (ét pr. linje)").fill(String.join("\n", numbers));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj sager"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Sagerne er tilføjet.");
            assertThat(page.locator("#cases-table tbody tr")).hasCount(20);

            for (int n = 1; n <= 20; n++) {
                page.getByRole(
                                AriaRole.LINK,
                                new Page.GetByRoleOptions()
                                        .setName("Vurdér sag " + n)
                                        .setExact(true))
                        .click();
                assertThat(page.locator("h1")).hasText("Sag " + n + ": henvisning og epikrise");
                page.getByLabel("Afdelingen har registreret opslaget i journalen")
                        .check();
                Locator criteria = page.locator("fieldset.samspil-criterion");
                for (int c = 0; c < 3; c++) {
                    String verdict =
                            c == 0 && n % 4 == 0 ? "Ikke opfyldt" : c == 2 && n % 5 == 0 ? "Ikke relevant" : "Opfyldt";
                    criteria.nth(c)
                            .getByLabel(verdict, new Locator.GetByLabelOptions().setExact(true))
                            .check();
                }
                if (n == 4) {
                    page.getByLabel("Bemærkning til kriterium 1 (valgfri)").fill(cases + " spørgsmålet mangler");
                    Browsers.assertAccessible(page);
                }
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem vurderingen"))
                        .click();
                assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Vurderingen er gemt.");
            }
            assertThat(page.locator("#trin-2")).containsText("20 af 20 sager, 20 færdigvurderet");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Resultat og rapport"))
                    .click();
            Locator firstRow = page.locator("#result-table tbody tr").first();
            assertThat(firstRow.locator("td")).hasText(new String[] {"15", "5", "0"});
            page.getByLabel("Konklusioner").fill("Epikriserne er gode; hver fjerde henvisning mangler spørgsmålet.");
            page.getByLabel("Handlinger")
                    .fill("Praksiskonsulenten skriver en nyhedsmail om det gode henvisningsspørgsmål.");
            Browsers.assertAccessible(page);
            page.locator("#afslut summary").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, afslut og slet sagerne"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first())
                    .containsText("Auditten er afsluttet. Sagerne er slettet");
            assertThat(page.locator("main")).containsText("De 20 sager og deres vurderinger blev slettet");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rapporten som Word")))
                    .isVisible();
            Browsers.assertAccessible(page);
            page.navigate("/pko/audit");
            assertThat(page.locator("main")).containsText(title);
            assertThat(page.locator("main")).not().containsText(cases);
        }
        long audit = jdbc.sql("SELECT id FROM pko_audit WHERE title = ?")
                .param(title)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT count(*) FROM pko_audit_case WHERE audit_id = ?")
                        .param(audit)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT status FROM pko_audit WHERE id = ?")
                        .param(audit)
                        .query(String.class)
                        .single())
                .isEqualTo("COMPLETED");
    }
}
