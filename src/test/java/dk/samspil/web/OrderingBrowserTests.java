package dk.samspil.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The first half of the plug-and-play path in a real browser: order, call-back, materials, municipal invitation. */
@SamspilTest
class OrderingBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void coordinatorOrdersConsultantTakesItAndTheMunicipalityJoins() throws Exception {
        // A new address: an existing account is never sent a password link (ParticipantAccountTests).
        String contact = "kontakt" + System.nanoTime() + "@aarhus.example.dk";
        TestMailServer.greenMail().purgeEmailFromAllMailboxes();
        LocalDate meeting = OrderFixtures.today().plusWeeks(10);
        String venue = "Lægehuset Trøjborg " + System.nanoTime();

        // The coordinator orders from the package page.
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = login(context, "koordinator", "samspil");
            page.navigate("/pakker/akutfunktioner");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bestil pakken"))
                    .click();
            assertThat(page.locator("h1")).containsText("Bestil:");
            Browsers.assertAccessible(page);
            page.getByLabel("Mødedato").fill(OrderFixtures.today().plusWeeks(3).toString());
            page.getByLabel("Mødested").fill(venue);
            page.getByLabel("Hvornår vil du ringes op?")
                    .fill(OrderFixtures.today().plusDays(2) + "T10:00");
            page.getByLabel("Dit telefonnummer").fill(OrderFixtures.PHONE);
            page.locator("#participants0\\.name").fill("Susanne Sygeplejerske");
            page.locator("#participants0\\.email").fill(contact);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send bestilling"))
                    .click();
            assertThat(page.locator("#meetingDate-error")).containsText("senest 8 uger før mødet");
            assertThat(page.getByLabel("Mødested")).hasValue(venue);
            Browsers.assertAccessible(page);
            page.getByLabel("Mødedato").fill(meeting.toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send bestilling"))
                    .click();
            assertThat(page.locator(".alert-success")).containsText("Tak for bestillingen");
            assertThat(page.locator(".samspil-timeline tbody tr"))
                    .hasCount(16); // the drejebog's steps, first contact among them
            Browsers.assertAccessible(page);
        }
        long orderId = jdbc.sql("SELECT id FROM package_order WHERE venue = ?")
                .param(venue)
                .query(Long.class)
                .single();

        // The consultant finds it in the queue, records the call-back and sends the materials.
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = login(context, "konsulent", "samspil");
            page.navigate("/bestillinger");
            assertThat(page.getByRole(
                            AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nye bestillinger – ring op")))
                    .isVisible();
            Browsers.assertAccessible(page);
            page.navigate("/bestillinger/" + orderId);
            page.getByLabel("Noter", new Page.GetByLabelOptions().setExact(true))
                    .fill("Kommunen kontaktes af KiAP. Fokus på henvisninger.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem opringning"))
                    .click();
            assertThat(page.locator(".alert-success")).containsText("Opringningen er registreret");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send materialer"))
                    .click();
            assertThat(page.locator(".alert-success")).containsText("Mailen med materialer");
            assertThat(page.getByText("Under forberedelse", new Page.GetByTextOptions().setExact(true)))
                    .isVisible();
            // The one first-contact control: who, when and the answer; saving it releases the held invitations.
            assertThat(page.locator("#invitations-held")).isVisible();
            page.getByLabel("Hvem tog kontakten", new Page.GetByLabelOptions().setExact(true))
                    .fill("Karin Konsulent");
            page.getByLabel("Kommunen deltager", new Page.GetByLabelOptions().setExact(true))
                    .check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem første kontakt"))
                    .click();
            assertThat(page.locator(".alert-success")).containsText("Den første kontakt til kommunen er gemt");
            assertThat(page.locator("#invitations-held")).hasCount(0);
            assertThat(page.locator("#consultant-contact")).containsText("Karin Konsulent");
            Browsers.assertAccessible(page);
        }

        // The municipality's contact follows the invitation link, chooses a password and sees the meeting.
        String link = invitationLink(contact);
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = context.newPage();
            page.navigate(link.substring(link.indexOf("/invitation/")));
            assertThat(page.locator("h1")).hasText("Vælg din adgangskode");
            assertThat(page.getByText(contact, new Page.GetByTextOptions().setExact(true)))
                    .isVisible();
            Browsers.assertAccessible(page);
            page.getByLabel("Adgangskode", new Page.GetByLabelOptions().setExact(true))
                    .fill("kort");
            page.getByLabel("Gentag adgangskoden").fill("kort");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem adgangskode"))
                    .click();
            assertThat(page.locator("#password-error")).containsText("mindst 10 tegn");
            Browsers.assertAccessible(page);
            page.getByLabel("Adgangskode", new Page.GetByLabelOptions().setExact(true))
                    .fill("akutfunktion-2027");
            page.getByLabel("Gentag adgangskoden").fill("akutfunktion-2027");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem adgangskode"))
                    .click();
            assertThat(page.getByText("Din adgangskode er gemt")).isVisible();
            page.getByLabel("Brugernavn").fill(contact);
            page.getByLabel("Adgangskode").fill("akutfunktion-2027");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log ind"))
                    .click();
            page.navigate("/bestillinger");
            page.locator("a[href='/bestillinger/" + orderId + "']").click();
            assertThat(page.locator("h1")).hasText("Almen praksis' samarbejde med kommunale akutfunktioner");
            assertThat(page.getByText(venue)).isVisible();
            Browsers.assertAccessible(page);
            // The link works once.
            page.navigate(link.substring(link.indexOf("/invitation/")));
            assertThat(page.locator("h1")).hasText("Linket kan ikke bruges");
        }
    }

    private String invitationLink(String contact) {
        MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                                .filter(m -> TestMailServer.text(m).contains("/invitation/")
                                        && recipient(m).contains(contact))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
        Matcher matcher =
                Pattern.compile("https?://\\S+/invitation/[A-Za-z0-9_-]+").matcher(TestMailServer.text(mail));
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    private static String recipient(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (Exception e) {
            return "";
        }
    }

    private Page login(BrowserContext context, String username, String password) {
        Page page = context.newPage();
        page.navigate("/login");
        page.getByLabel("Brugernavn").fill(username);
        page.getByLabel("Adgangskode").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log ind"))
                .click();
        Browsers.assertSignedIn(page);
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    static String danish(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }
}
