package dk.samspil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The administrator makes an organisation and invites a user to it in the browser; the pages pass axe. */
@SamspilTest
class AccountsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorMakesAProviderAndInvitesAConsultantToItInTheBrowser() {
        String code = "B" + (System.nanoTime() % 1_000_000_000L);
        String email = "browser.konsulent." + System.nanoTime() + "@example.dk";
        try (BrowserContext context = Browsers.newContext("http://localhost:" + port)) {
            Page page = Browsers.signIn(context, "admin");
            page.navigate("/admin/registre");
            page.getByText("Ny udbyder af klyngepakker", new Page.GetByTextOptions().setExact(true))
                    .click();
            page.getByLabel("Kode", new Page.GetByLabelOptions().setExact(true)).fill(code);
            page.getByLabel("Navn", new Page.GetByLabelOptions().setExact(true)).fill("Browserenheden");
            page.getByLabel("Region", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel("Region Syddanmark"));
            Browsers.assertAccessible(page);
            page.getByText("Gem udbyder", new Page.GetByTextOptions().setExact(true))
                    .click();
            assertThat(page.getByText("Udbyderen er gemt.").isVisible()).isTrue();
            Browsers.assertAccessible(page);

            page.getByText("Inviter en konsulent hos udbyderen", new Page.GetByTextOptions().setExact(true))
                    .click();
            page.locator("#name").fill("Bente Browser");
            page.locator("#email").fill(email);
            page.locator("#role").selectOption("CONSULTANT");
            page.locator("#organisation").selectOption("P:" + code);
            Browsers.assertAccessible(page);
            page.locator("form[action=\"/admin/brugere\"] button[type=submit]").click();
            assertThat(page.getByText("Invitationen er sendt.").isVisible()).isTrue();
            Browsers.assertAccessible(page);

            page.navigate("/admin/log?hvem=admin&organisation=P:" + code);
            assertThat(page.locator("tbody").innerText()).contains("PROVIDER_SAVED", "USER_INVITED");
            Browsers.assertAccessible(page);
        }
        TestMailServer.awaitMail(email, "Invitation til Samspil");
        assertThat(jdbc.sql("SELECT provider_code FROM app_user WHERE username = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo(code);
    }

    @Test
    void theLeadConsultantsPageIsAccessible() {
        try (BrowserContext context = Browsers.newContext("http://localhost:" + port)) {
            Page page = Browsers.signIn(context, "konsulent");
            page.navigate("/konto");
            page.getByText("Udbyderens konsulenter", new Page.GetByTextOptions().setExact(true))
                    .click();
            assertThat(page.locator("h1").innerText()).startsWith("Konsulenter hos");
            Browsers.assertAccessible(page);
            page.getByText("Inviter en konsulent", new Page.GetByTextOptions().setExact(true))
                    .click();
            Browsers.assertAccessible(page);
        }
    }
}
