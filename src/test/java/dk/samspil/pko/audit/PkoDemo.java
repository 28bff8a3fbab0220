package dk.samspil.pko.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo data of the PKO registers the audit tests build on: "pko" consults AUH's Hjertesygdomme and Lungesygdomme. */
final class PkoDemo {

    static final String CONSULTANT = "pko";
    static final String COORDINATOR = "pkokoordinator";
    static final String MEDICAL_COORDINATOR = "pkolaege";

    private PkoDemo() {}

    /** The plan form's value for the consultant's department Hjertesygdomme (Aarhus Universitetshospital). */
    static String consultantPlaceKey(JdbcClient jdbc) {
        return "d" + jdbc.sql("""
                        SELECT d.id FROM pko_department d JOIN hospital_unit h ON h.id = d.hospital_unit_id
                        WHERE h.name = 'Aarhus Universitetshospital' AND d.name = 'Hjertesygdomme'""").query(Long.class).single();
    }

    /** A user with a PKO role and the PKO person behind it (made once; tests share the database). */
    static void person(JdbcClient jdbc, String username, String role, String kind, String region) {
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role)
                        VALUES (?, '{noop}unused', ?, ?, ?) ON CONFLICT (username) DO NOTHING""")
                .params(username, "Test " + username, username + "@example.dk", role)
                .update();
        jdbc.sql("""
                        INSERT INTO pko_person (region_code, kind, name, email, user_id)
                        SELECT ?, ?, display_name, email, id FROM app_user u WHERE username = ?
                        AND NOT EXISTS (SELECT 1 FROM pko_person p WHERE p.user_id = u.id)""").params(region, kind, username).update();
    }
}
