package dk.samspil.start;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.web.Browsers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every role signs in and lands on its own start page, never the public front page: the consultant's orders with
 * their next task, searchable and sortable; the coordinator's and the municipality's meetings with the next step each
 * must take and by when; the administrator's failed mails. Each page passes axe at desktop width and at 375 px, where
 * the menu drawer opens with the menu and "Log af".
 */
@SamspilTest
class StartPagesBrowserTests {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    @Autowired
    PlatformTransactionManager transactions;

    static long order;
    static LocalDate meeting;

    @BeforeEach
    void placeOrder() throws Exception {
        if (order == 0) {
            meeting = OrderFixtures.today().plusWeeks(14);
            order = OrderFixtures.placeAcuteOrder(mvc, users, meeting, "kommune@example.dk");
        }
    }

    @Test
    void theConsultantSeesEveryOrderWithItsNextTaskAndFindsItBySearchAndFilter() {
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "konsulent");
            assertThat(page).hasURL(Pattern.compile(".*/start$"));
            assertThat(page.locator("h1")).hasText("Overblik over bestillingerne");
            assertThat(page.locator(".navigation-menu a[aria-current=page]")).hasText("Overblik");
            Locator row = orderRow(page);
            assertThat(row).containsText("Demoklyngen");
            assertThat(row).containsText("Konsulenten ringer klyngekoordinatoren op");
            assertThat(row).containsText("Modtaget");
            assertThat(row).containsText("Ikke lavet");
            screenshot(page, "konsulent");
            Browsers.assertAccessible(page);

            page.getByLabel("Mødemåned").selectOption(meeting.toString().substring(0, 7));
            page.getByLabel("Søg", new Page.GetByLabelOptions().setExact(true)).fill("demoklyngen");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vis bestillinger"))
                    .click();
            assertThat(orderRow(page)).isVisible();
            assertThat(page.locator("#orders tbody tr")).not().hasCount(0);
            assertThat(page.getByLabel("Søg", new Page.GetByLabelOptions().setExact(true)))
                    .hasValue("demoklyngen");

            page.getByLabel("Fase").selectOption("CANCELLED");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vis bestillinger"))
                    .click();
            assertThat(orderRow(page)).hasCount(0);
            assertThat(page.locator("#order-count")).containsText("Viser 0 af");
            Browsers.assertAccessible(page);

            page.navigate("/start?sortering=moede");
            assertThat(page.locator("#orders th[aria-sort=ascending]")).hasText("Mødedato");
        }
    }

    @Test
    void anotherProvidersConsultantDoesNotSeeTheOrder() {
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "midtkraft");
            assertThat(page).hasURL(Pattern.compile(".*/start$"));
            assertThat(orderRow(page)).hasCount(0);
        }
    }

    @Test
    void theCoordinatorSeesItsMeetingsWithItsOwnNextStepAndWhenItIsDue() {
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "koordinator");
            assertThat(page).hasURL(Pattern.compile(".*/start$"));
            assertThat(page.locator("h1")).hasText("Jeres møder");
            Locator card = meetingCard(page);
            assertThat(card).containsText("Jeres næste skridt:");
            assertThat(card).containsText("Klyngen sender medlemmernes e-mails og tjekker ydernumre");
            assertThat(card).containsText("senest " + meeting.minusWeeks(7).format(DATE));
            screenshot(page, "koordinator");
            Browsers.assertAccessible(page);
        }
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "koordinator2");
            assertThat(meetingCard(page)).hasCount(0);
        }
    }

    @Test
    void theMunicipalitySeesItsMeetingsWithItsOwnNextStep() {
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "kommune");
            assertThat(page).hasURL(Pattern.compile(".*/start$"));
            Locator card = meetingCard(page);
            assertThat(card).containsText("Kommunen leverer sine data");
            assertThat(card).containsText("senest " + meeting.minusWeeks(3).format(DATE));
            Browsers.assertAccessible(page);
        }
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "kommune2");
            assertThat(meetingCard(page)).hasCount(0);
        }
    }

    @Test
    void theAdministratorSeesTheMailsThatFailed() {
        // Queued and given up in one transaction, so the sender never picks it up in between.
        long id = new TransactionTemplate(transactions).execute(status -> {
            long mail = outbox.enqueue(
                    new OutgoingMail("ingen@example.invalid", "Kan ikke leveres", "Tekst", "test:start"));
            jdbc.sql("UPDATE mail_outbox SET status = 'FAILED', last_error = '550 ukendt modtager' WHERE id = ?")
                    .param(mail)
                    .update();
            return mail;
        });
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "admin");
            assertThat(page).hasURL(Pattern.compile(".*/start$"));
            assertThat(page.locator("h1")).hasText("Drift");
            assertThat(page.locator("#failed-mails a[href$='/admin/udbakke/" + id + "']"))
                    .isVisible();
            assertThat(page.locator("#failed-mails")).containsText("550 ukendt modtager");
            assertThat(page.getByRole(
                            AriaRole.HEADING, new Page.GetByRoleOptions().setName("Seneste registerimporter")))
                    .isVisible();
            Browsers.assertAccessible(page);
        }
    }

    @Test
    void onAPhoneTheMenuDrawerOpensWithTheMenuAndLogOut() {
        for (String user : new String[] {"konsulent", "koordinator", "kommune", "admin", "pko"}) {
            try (BrowserContext context = Browsers.phoneContext(base())) {
                Page page = Browsers.signIn(context, user);
                assertThat(page).hasURL(Pattern.compile(".*/start$"));
                assertThat(page.locator(".navigation-menu")).isHidden();
                Browsers.assertAccessible(page);
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
                org.assertj.core.api.Assertions.assertThat(overflow)
                        .as("page wider than the phone for " + user)
                        .isEqualTo(false);
                page.getByRole(
                                AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName("Menu").setExact(true))
                        .click();
                Locator drawer = page.locator(".mobile-drawer");
                assertThat(drawer).isVisible();
                assertThat(drawer.locator("a[aria-current=page]")).hasText("Overblik");
                assertThat(drawer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log af")))
                        .isVisible();
                if ("konsulent".equals(user)) {
                    // Not a full-page shot: that resizes the viewport for a moment, and DKFDS closes its drawer on a
                    // resize.
                    page.screenshot(
                            new Page.ScreenshotOptions().setPath(Path.of("target/screens/start-phone-menu.png")));
                }
                Browsers.assertAccessible(page);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Luk menu"))
                        .click(new Locator.ClickOptions().setTimeout(8000));
                assertThat(drawer).isHidden();
                page.getByRole(
                                AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName("Menu").setExact(true))
                        .click();
                drawer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log af"))
                        .click();
                assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));
            }
        }
    }

    @Test
    void theOrderPageOpensWithItsNextStepAndTheActionAboveTheDrejebog() {
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "konsulent");
            orderRow(page).getByRole(AriaRole.LINK).first().click();
            assertThat(page.locator("#next-step")).containsText("Konsulenten ringer klyngekoordinatoren op");
            Locator action = page.locator(".samspil-next-action");
            assertThat(action).hasText("Gå til: Konsulenten ringer klyngekoordinatoren op");
            double actionTop = action.boundingBox().y;
            assertThat(page.locator("#handlinger")).isVisible();
            org.assertj.core.api.Assertions.assertThat(
                            page.locator("#handlinger").boundingBox().y)
                    .isLessThan(page.locator("#drejebog").boundingBox().y);
            org.assertj.core.api.Assertions.assertThat(actionTop)
                    .isLessThan(page.locator("#handlinger").boundingBox().y);
            Browsers.assertAccessible(page);
            action.click();
            assertThat(page).hasURL(Pattern.compile(".*/bestillinger/" + order + "#handlinger$"));
        }
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "koordinator");
            page.navigate("/bestillinger/" + order);
            assertThat(page.locator("#next-step"))
                    .containsText("Jeres næste skridt: Klyngen sender medlemmernes e-mails");
            page.locator(".samspil-next-action").click();
            assertThat(page.locator("h1")).hasText("Demoklyngen");
        }
        for (String user : new String[] {"konsulent", "koordinator", "kommune"}) {
            try (BrowserContext context = Browsers.phoneContext(base())) {
                Page page = Browsers.signIn(context, user);
                for (String path : new String[] {"", "/spoergeskema", "/spoergeskema/forhaandsvisning", "/data"}) {
                    page.navigate("/bestillinger/" + order + path);
                    Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
                    org.assertj.core.api.Assertions.assertThat(overflow)
                            .as(path + " fits a phone for " + user)
                            .isEqualTo(false);
                    Browsers.assertAccessible(page);
                }
            }
        }
    }

    @Test
    void theListOfOrdersCanBeSearchedAndSorted() {
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "koordinator");
            page.navigate("/bestillinger");
            assertThat(page.locator("#order-list a[href$='/bestillinger/" + order + "']"))
                    .hasCount(1);
            page.getByLabel("Søg", new Page.GetByLabelOptions().setExact(true)).fill("ingen klynge hedder sådan");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vis bestillinger"))
                    .click();
            assertThat(page.locator("#order-count")).containsText("Viser 0 af");
            assertThat(page.locator("#order-list")).hasCount(0);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nulstil"))
                    .click();
            page.getByLabel("Sortér efter").selectOption("fase");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vis bestillinger"))
                    .click();
            assertThat(page.locator("#order-list th[aria-sort=ascending]")).hasText("Status");
            assertThat(page.locator("#order-list a[href$='/bestillinger/" + order + "']"))
                    .hasCount(1);
            Browsers.assertAccessible(page);
        }
    }

    @Test
    void theFrontPageSendsASignedInUserToTheStartPage() {
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "koordinator");
            page.navigate("/");
            assertThat(page).hasURL(Pattern.compile(".*/start$"));
        }
    }

    private Locator orderRow(Page page) {
        return page.locator("#orders tbody tr")
                .filter(new Locator.FilterOptions().setHas(page.locator("a[href$='/bestillinger/" + order + "']")));
    }

    private Locator meetingCard(Page page) {
        return page.locator(".samspil-meeting")
                .filter(new Locator.FilterOptions().setHas(page.locator("a[href$='/bestillinger/" + order + "']")));
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setPath(Path.of("target/screens/start-" + name + ".png")));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
