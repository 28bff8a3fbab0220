package dk.samspil.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** On a phone 375 px wide: signing out is at hand, and the order page (with its drejebog) fits the screen. */
@SamspilTest
class PhoneBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Test
    void aSignedInUserCanSignOutOnAPhone() {
        try (BrowserContext context = Browsers.phoneContext(base())) {
            Page page = Browsers.signIn(context, "koordinator");
            // DKFDS hides the header's user area on a phone; the menu drawer carries "Log af" there.
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Menu").setExact(true))
                    .click();
            page.locator(".mobile-drawer")
                    .getByRole(
                            AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Log af"))
                    .click();
            assertThat(page).hasURL(base() + "/login?logout");
            page.navigate("/bestillinger");
            assertThat(page).hasURL(base() + "/login");
        }
    }

    @Test
    void theOrderPageAndItsDrejebogFitA375PixelScreen() throws Exception {
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        for (String user : new String[] {"konsulent", "koordinator"}) {
            try (BrowserContext context = Browsers.phoneContext(base())) {
                Page page = Browsers.signIn(context, user);
                page.navigate("/bestillinger/" + order);
                assertThat(page.locator(".samspil-timeline")).isVisible();
                Object widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth,"
                        + " Math.ceil(document.querySelector('.samspil-timeline').getBoundingClientRect().right)]");
                java.util.List<?> w = (java.util.List<?>) widths;
                int scroll = ((Number) w.get(0)).intValue();
                int viewport = ((Number) w.get(1)).intValue();
                assertThat(scroll).as(user + ": the page scrolls sideways").isLessThanOrEqualTo(viewport);
                assertThat(((Number) w.get(2)).intValue())
                        .as(user + ": the drejebog ends inside the screen")
                        .isLessThanOrEqualTo(viewport);
                Browsers.assertAccessible(page);
            }
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
