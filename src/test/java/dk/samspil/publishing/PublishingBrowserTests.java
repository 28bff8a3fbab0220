package dk.samspil.publishing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.web.Browsers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A newsletter in the browser, from the subscriber's sign-up to the news page: a GP signs up and confirms by the
 * mailed link; a consultant writes the request (refused at the field first, values kept), the management approves
 * through its link without an account, the editors send it and publish it; the GP reads it, unsubscribes through its
 * link, and the news page shows the full text. Every page axe clean.
 */
@SamspilTest
class PublishingBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewsletterFromSignUpThroughApprovalAndTheEditorsToTheNewsPage() throws Exception {
        String marker = NewsletterFixtures.marker();
        String gp = "gp-browser-" + marker + "@example.dk";
        String management = "ledelse-browser-" + marker + "@example.dk";
        String headline = "Ny telefontid i Akutmodtagelsen " + marker;
        String base = "http://localhost:" + port;

        // The GP signs up and confirms by the mailed link.
        try (BrowserContext context = Browsers.newContext(base)) {
            Page page = context.newPage();
            page.navigate("/nyhedsmail/tilmeld");
            Browsers.assertAccessible(page);
            page.getByLabel("Din e-mailadresse").fill(gp);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilmeld mig"))
                    .click();
            assertThat(page.locator("#generalPractice-error")).containsText("Vælg, om du arbejder i almen praksis");
            assertThat(page.getByLabel("Din e-mailadresse")).hasValue(gp);
            Browsers.assertAccessible(page);
            page.getByLabel("Ja, jeg arbejder i almen praksis").check();
            page.getByLabel("Praksissens kommune").selectOption("0730");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilmeld mig"))
                    .click();
            assertThat(page.locator("#subscribe-done")).containsText("Vi har sendt en mail med et link");
            Matcher confirm = Pattern.compile("/nyhedsmail/bekraeft/[A-Za-z0-9_-]{43}")
                    .matcher(TestMailServer.text(TestMailServer.awaitMail(gp, "Bekræft din tilmelding")));
            assertThat(confirm.find()).isTrue();
            page.navigate(confirm.group());
            assertThat(page.locator("main")).containsText("relevant for almen praksis i Randers");
            Browsers.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekræft tilmeldingen"))
                    .click();
            assertThat(page.locator("#confirm-done")).containsText("du er tilmeldt");
        }

        try (BrowserContext context = Browsers.newContext(base)) {
            Page author = Browsers.signIn(context, NewsletterFixtures.AUTHOR);
            author.navigate("/nyhedsmails");
            Browsers.assertAccessible(author);
            author.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ny anmodning om nyhedsmail"))
                    .click();
            author.getByLabel("Overskrift").fill(headline);
            author.getByLabel("Tekst", new Page.GetByLabelOptions().setExact(true))
                    .fill("Akutmodtagelsen har ny telefontid for praktiserende læger fra 1. marts: kl. 8–22.");
            author.getByLabel("Som nyhedsmail og på praksis.dk").check();
            author.getByLabel("En hospitalsenheds optageområde").check();
            author.getByLabel("Hospitalsenhed", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(
                            new com.microsoft.playwright.options.SelectOption().setLabel("Regionshospitalet Randers"));
            author.getByLabel("Skal senest være sendt ud")
                    .fill(NewsletterFixtures.today().plusDays(14).toString());
            author.locator("#managementName").fill("Vicedirektør Ida Lund");
            author.locator("#managementEmail").fill(management);
            author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem anmodningen"))
                    .click();
            // Refused at the field, with what was written kept.
            assertThat(author.locator("#summary-error")).containsText("Skriv et kort resumé");
            assertThat(author.getByLabel("Overskrift")).hasValue(headline);
            Browsers.assertAccessible(author);
            author.getByLabel("Kort resumé til nyhedsmailen").fill("Ny telefontid fra 1. marts.");
            author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem anmodningen"))
                    .click();
            assertThat(author.getByRole(AriaRole.STATUS).first()).containsText("Anmodningen er gemt.");
            assertThat(author.locator("#facts")).containsText("Optageområdet for Regionshospitalet Randers");
            Browsers.assertAccessible(author);
            author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send til godkendelse"))
                    .click();
            assertThat(author.getByRole(AriaRole.STATUS).first()).containsText("Teksten er sendt til godkendelse");

            // The management answers through its link, without an account.
            Matcher link = NewsletterFixtures.approvalLink(management, headline, 1);
            try (BrowserContext approverContext = Browsers.newContext(base)) {
                Page approver = approverContext.newPage();
                approver.navigate(link.group());
                assertThat(approver.locator("h1")).hasText("Godkendelse af nyhedsmail");
                assertThat(approver.locator("main")).containsText("kl. 8–22");
                Browsers.assertAccessible(approver);
                approver.getByLabel("Teksten godkendes").check();
                approver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send svar"))
                        .click();
                assertThat(approver.locator("h1")).hasText("Tak for svaret");
                Browsers.assertAccessible(approver);
                approver.navigate(link.group());
                assertThat(approver.locator("h1")).hasText("Linket kan ikke bruges");
            }

            author.reload();
            author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send til webredaktørerne"))
                    .click();
            assertThat(author.getByRole(AriaRole.STATUS).first()).containsText("sendt til webredaktørerne");
        }

        try (BrowserContext context = Browsers.newContext(base)) {
            Page editor = Browsers.signIn(context, NewsletterFixtures.EDITOR);
            editor.navigate("/redaktion");
            Browsers.assertAccessible(editor);
            editor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(headline))
                    .click();
            assertThat(editor.locator("#godkendelser")).containsText("Godkendt af Vicedirektør Ida Lund");
            Browsers.assertAccessible(editor);
            editor.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Send nyhedsmailen og læg den på praksis.dk"))
                    .click();
            assertThat(editor.getByRole(AriaRole.STATUS).first()).containsText("Nyhedsmailen er sendt til");
        }

        // The GP's newsletter: the summary, the link to the full text, and an unsubscribe link that works.
        String mail = TestMailServer.text(TestMailServer.awaitMail(gp, headline));
        assertThat(mail).contains("Ny telefontid fra 1. marts.");
        Matcher unsubscribe =
                Pattern.compile("/nyhedsmail/afmeld/[A-Za-z0-9_-]{43}").matcher(mail);
        assertThat(unsubscribe.find()).isTrue();
        try (BrowserContext context = Browsers.newContext(base)) {
            Page page = context.newPage();
            page.navigate("/nyheder");
            Browsers.assertAccessible(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(headline))
                    .click();
            assertThat(page.locator("main")).containsText("kl. 8–22");
            Browsers.assertAccessible(page);
            page.navigate(unsubscribe.group());
            Browsers.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afmeld mig"))
                    .click();
            assertThat(page.locator("#unsubscribe-done")).containsText("Du er afmeldt");
            Browsers.assertAccessible(page);
        }
        assertThat(jdbc.sql("SELECT unsubscribed_at IS NOT NULL FROM publishing_subscriber WHERE email = ?")
                        .param(gp)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}
