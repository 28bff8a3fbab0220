package dk.samspil.ordering;

import dk.samspil.catalog.Catalog;
import dk.samspil.platform.DemoDataConfiguration;
import dk.samspil.security.SamspilPrincipal;
import java.time.LocalTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * With demo data on, a fresh database gets one order placed the way the coordinator's form places it, so the
 * consultant's queue, the timeline and the municipality's view have something to show.
 */
@Component
class DemoOrders implements ApplicationRunner {

    private final Environment environment;
    private final JdbcClient jdbc;
    private final Ordering ordering;
    private final Catalog catalog;
    private final UserDetailsService users;

    DemoOrders(Environment environment, JdbcClient jdbc, Ordering ordering, Catalog catalog, UserDetailsService users) {
        this.environment = environment;
        this.jdbc = jdbc;
        this.ordering = ordering;
        this.catalog = catalog;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoDataConfiguration.demoEnabled(environment)
                || jdbc.sql("SELECT count(*) FROM package_order")
                                .query(Integer.class)
                                .single()
                        > 0) {
            return;
        }
        SamspilPrincipal coordinator = (SamspilPrincipal) users.loadUserByUsername("koordinator");
        OrderForm form = new OrderForm();
        form.setPackageSlug("akutfunktioner");
        form.setMeetingDate(ordering.today().plusWeeks(10));
        form.setStartTime(LocalTime.of(16, 30));
        form.setVenue("Lægerne i Viby, mødelokalet på 1. sal");
        form.getMunicipalityCodes().add("0751");
        form.setFirstContact("PROVIDER");
        form.setCoordinatorPhone("86 12 34 56");
        form.setCallbackAt(ordering.today().plusDays(2).atTime(12, 0));
        form.getParticipants().get(0).setName("Susanne Sygeplejerske");
        form.getParticipants().get(0).setEmail("kommune@example.dk");
        form.getParticipants().get(0).setRole("Sygeplejerske, akutfunktionen");
        form.getParticipants().get(0).setMunicipalityCode("0751");
        catalog.find("akutfunktioner").ifPresent(pkg -> ordering.place(form, pkg, coordinator));
    }
}
