package dk.samspil.pko;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.samspil.SamspilTest;
import dk.samspil.web.Browsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The medical coordinator registers hours on a phone 375 px wide: few fields, no sideways scrolling, accessible. */
@SamspilTest
class HoursPhoneBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void hoursAreRegisteredOnA375PixelPhoneAndThePageIsAccessible() {
        long person = jdbc.sql("SELECT id FROM pko_person WHERE email = 'pkolaege@example.dk'")
                .query(Long.class)
                .single();
        long kk = jdbc.sql("SELECT id FROM pko_partner_body WHERE region_code = '1082' AND kind = 'QUALITY_UNIT'")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO pko_contract (person_id, payer_body_id, starts_on, ends_on, payment, fixed_hours_per_year)
                        SELECT ?, ?, date_trunc('year', current_date)::date,
                               (date_trunc('year', current_date) + interval '1 year - 1 day')::date, 'FIXED', 400
                        WHERE NOT EXISTS (SELECT 1 FROM pko_contract WHERE person_id = ?)""").params(person, kk, person).update();
        String note = "Telefontest " + System.nanoTime();
        try (BrowserContext context = Browsers.phoneContext("http://localhost:" + port)) {
            Page page = Browsers.signIn(context, "pkolaege");
            page.navigate("/pko/timer");
            page.getByLabel("Opgave").selectOption("COORDINATOR_MEETINGS");
            page.getByLabel("Timer", new Page.GetByLabelOptions().setExact(true))
                    .fill("1,5");
            page.getByLabel("Note (valgfri)").fill(note);
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Registrér").setExact(true))
                    .click();
            assertThat(page.getByText("Timerne er registreret.")).isVisible();
            assertThat(page.locator(".samspil-hours-list")).containsText(note);
            assertThat(page.locator(".samspil-hours-list"))
                    .containsText("1,50 timer: Fællesmøder med praksiskoordinatorerne");
            List<?> widths = (List<?>) page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
            assertThat(((Number) widths.get(0)).intValue())
                    .as("no sideways scrolling")
                    .isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
            Browsers.assertAccessible(page);
        }
        assertThat(jdbc.sql("SELECT hours FROM pko_hours WHERE note = ?")
                        .param(note)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("1.5");
    }
}
