package dk.samspil.pko.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo data of the PKO registers the audit tests build on. */
final class PkoDemo {

    static final String CONSULTANT = "pko";

    private PkoDemo() {}

    static String consultantPlaceKey(JdbcClient jdbc) {
        return "";
    }
}
