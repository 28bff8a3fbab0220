package dk.samspil.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V137 moves everything written at an order's meeting from the order to a meeting of its own: a database with
 * meetings written before it keeps every block, parking-lot item, agreement with its history, attendee, referat
 * version and personal link, on the same order's meeting; V139 then keeps the referat among all generated documents.
 */
class MeetingMigrationTests {

    @Test
    void everythingWrittenAtAnOrdersMeetingIsKeptOnItsMeeting() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            flyway(dataSource, "136").migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            // Two orders written before V137; the second has agreements but its meeting row was never made.
            String orders =
                    "INSERT INTO package_order (id, package_slug, provider_code, cluster_id, coordinator_user_id,"
                            + " meeting_date, start_time, venue, first_contact, callback_at, status) OVERRIDING SYSTEM VALUE"
                            + " VALUES (%d, 'p', 'x', 1, 1, '2030-01-01', '16:00', 'Kommunen', 'PROVIDER', now(), 'PLACED')";
            // Their package too: later migrations give every order the version of its package.
            String pkg = "INSERT INTO catalog_package (slug, title, provider_code, status, definition, content_hash)"
                    + " VALUES ('p', 'P', 'x', 'OFFERED', '{}', 'h')";
            jdbc.sql("SET session_replication_role = replica; " + pkg + "; " + orders.formatted(901) + "; "
                            + orders.formatted(902) + "; SET session_replication_role = DEFAULT")
                    .update();
            jdbc.sql("INSERT INTO meeting (order_id, chair, referent) VALUES (901, 'Anne', 'Bo')")
                    .update();
            jdbc.sql(
                            "INSERT INTO meeting_block (order_id, position, notes) VALUES (901, 1, 'Velkomst'), (901, 2, 'Data')")
                    .update();
            jdbc.sql("INSERT INTO meeting_parking_item (order_id, text, created_by) VALUES (901, 'Senere', 'Anne')")
                    .update();
            long agreement = jdbc.sql("INSERT INTO meeting_agreement (order_id, what, owner_party, created_by)"
                            + " VALUES (901, 'Fælles kursus', 'CLUSTER', 'Anne') RETURNING id")
                    .query(Long.class)
                    .single();
            jdbc.sql(
                            "INSERT INTO meeting_agreement_history (agreement_id, changed_by, to_status) VALUES (?, 'Anne', 'AGREED')")
                    .param(agreement)
                    .update();
            jdbc.sql("INSERT INTO meeting_agreement (order_id, what, owner_party, created_by)"
                            + " VALUES (902, 'Ny aftale', 'MUNICIPALITY', 'Bo')")
                    .update();
            jdbc.sql("INSERT INTO meeting_attendee (order_id, person_key, name) VALUES (901, 'coordinator', 'Anne')")
                    .update();
            long minutes = jdbc.sql("INSERT INTO meeting_minutes (order_id, version, token, status, requested_by)"
                            + " VALUES (901, 1, 'tok', 'READY', 'Anne') RETURNING id")
                    .query(Long.class)
                    .single();
            jdbc.sql("INSERT INTO meeting_minutes_link (token_hash, minutes_id, email, expires_at)"
                            + " VALUES ('h', ?, 'a@example.dk', now() + interval '1 day')")
                    .param(minutes)
                    .update();

            flyway(dataSource, "137").migrate();

            long first = meetingOf(jdbc, 901);
            long second = meetingOf(jdbc, 902);
            assertThat(first).isNotEqualTo(second);
            assertThat(jdbc.sql(
                                    "SELECT chair || '/' || referent || '/' || owner_kind || owner_id FROM meeting WHERE id = ?")
                            .param(first)
                            .query(String.class)
                            .single())
                    .isEqualTo("Anne/Bo/ORDER901");
            assertThat(texts(jdbc, "SELECT notes FROM meeting_block WHERE meeting_id = ? ORDER BY position", first))
                    .containsExactly("Velkomst", "Data");
            assertThat(texts(jdbc, "SELECT text FROM meeting_parking_item WHERE meeting_id = ?", first))
                    .containsExactly("Senere");
            assertThat(texts(jdbc, "SELECT what FROM meeting_agreement WHERE meeting_id = ?", first))
                    .containsExactly("Fælles kursus");
            assertThat(texts(jdbc, "SELECT what FROM meeting_agreement WHERE meeting_id = ?", second))
                    .containsExactly("Ny aftale");
            assertThat(jdbc.sql("SELECT count(*) FROM meeting_agreement_history WHERE agreement_id = ?")
                            .param(agreement)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(texts(jdbc, "SELECT name FROM meeting_attendee WHERE meeting_id = ?", first))
                    .containsExactly("Anne");
            assertThat(texts(jdbc, "SELECT token FROM meeting_minutes WHERE meeting_id = ?", first))
                    .containsExactly("tok");
            assertThat(jdbc.sql("SELECT minutes_id FROM meeting_minutes_link WHERE token_hash = 'h'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(minutes);

            // V139 moves the referat versions into the one table of generated documents; the link follows.
            flyway(dataSource, "latest").migrate();
            long moved = jdbc.sql(
                            "SELECT id FROM document_version WHERE kind = 'MINUTES' AND owner_id = ? AND token = 'tok'")
                    .param(first)
                    .query(Long.class)
                    .single();
            assertThat(jdbc.sql("SELECT version_id FROM meeting_minutes_link WHERE token_hash = 'h'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(moved);

            // The order's meeting still goes with the order.
            jdbc.sql("SET session_replication_role = DEFAULT; DELETE FROM package_order WHERE id = 901")
                    .update();
            assertThat(jdbc.sql("SELECT count(*) FROM meeting_block WHERE meeting_id = ?")
                            .param(first)
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    private static Flyway flyway(DataSource dataSource, String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    private static long meetingOf(JdbcClient jdbc, long orderId) {
        return jdbc.sql("SELECT id FROM meeting WHERE order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    private static List<String> texts(JdbcClient jdbc, String sql, long meetingId) {
        return jdbc.sql(sql).param(meetingId).query(String.class).list();
    }
}
