package dk.samspil.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A newsletter request for the access matrix: written by the demo consultant {@code pko}, approved by the medical
 * coordinator {@code pkolaege} (asked by address) and at the editors' desk with one open question and a quality
 * check asked of the medical coordinator. Made once.
 */
public final class PublishingAccessFixture {

    public static final String HEADLINE = "Adgangstest: ny henvisningsvej";

    /** The request, its approval and its question: ids. */
    public record Ids(long request, long approval, long question, long check) {}

    private PublishingAccessFixture() {}

    public static synchronized Ids atDesk(JdbcClient jdbc) {
        jdbc.sql("""
                        INSERT INTO publishing_request (region_code, author_user_id, author_name, author_email, headline,
                            body, on_site, audience, sender, co_sender, latest_date, status, approval_round, submitted_at)
                        SELECT '1082', u.id, 'Peter Praksiskonsulent', 'pko@example.dk', ?, 'Teksten.', false, 'REGION',
                               'Afdelingsledelsen', 'Peter Praksiskonsulent', current_date + 30, 'QUESTIONS', 1, now()
                        FROM app_user u WHERE u.username = 'pko'
                          AND NOT EXISTS (SELECT 1 FROM publishing_request WHERE headline = ?)""").params(HEADLINE, HEADLINE).update();
        long request = jdbc.sql("SELECT id FROM publishing_request WHERE headline = ?")
                .param(HEADLINE)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO publishing_approval (request_id, round, party, approver_name, approver_email, decision,
                            decided_by, decided_how, decided_at)
                        VALUES (?, 1, 'MEDICAL_COORDINATOR', 'Lars Lægelig Koordinator', 'pkolaege@example.dk', 'APPROVED',
                            'Lars Lægelig Koordinator', 'SIGNED_IN', now())
                        ON CONFLICT DO NOTHING""").param(request).update();
        jdbc.sql("""
                        INSERT INTO publishing_question (request_id, question, asked_by)
                        SELECT ?, 'Hvornår gælder det fra?', 'Rikke Redaktør'
                        WHERE NOT EXISTS (SELECT 1 FROM publishing_question WHERE request_id = ?)""").params(request, request).update();
        jdbc.sql("""
                        INSERT INTO publishing_quality_check (request_id, note, asked_by, checker_name, checker_email)
                        SELECT ?, 'Er det afstemt med afdelingerne?', 'Rikke Redaktør', 'Lars Lægelig Koordinator',
                               'pkolaege@example.dk'
                        WHERE NOT EXISTS (SELECT 1 FROM publishing_quality_check WHERE request_id = ?)""").params(request, request).update();
        return new Ids(
                request,
                jdbc.sql("SELECT id FROM publishing_approval WHERE request_id = ?")
                        .param(request)
                        .query(Long.class)
                        .single(),
                jdbc.sql("SELECT id FROM publishing_question WHERE request_id = ?")
                        .param(request)
                        .query(Long.class)
                        .single(),
                jdbc.sql("SELECT id FROM publishing_quality_check WHERE request_id = ?")
                        .param(request)
                        .query(Long.class)
                        .single());
    }
}
