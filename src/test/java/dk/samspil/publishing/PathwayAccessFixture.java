package dk.samspil.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A care pathway for the access matrix: Region Midtjylland's, owned by the demo consultant {@code pko}, a draft with
 * one version and one answered approval of an earlier round. Made once.
 */
public final class PathwayAccessFixture {

    public static final String GROUP = "Adgangstest: voksne med hjertesvigt";

    /** The pathway and its approval: ids. */
    public record Ids(long pathway, long approval) {}

    private PathwayAccessFixture() {}

    public static synchronized Ids draft(JdbcClient jdbc) {
        jdbc.sql("""
                        INSERT INTO publishing_pathway (region_code, patient_group, specialty, owner_person_id, owner_name,
                            review_date, created_by_user_id, approval_round)
                        SELECT '1082', ?, 'Specialråd for kardiologi', p.id, p.name, current_date + 700, u.id, 1
                        FROM app_user u JOIN pko_person p ON p.user_id = u.id WHERE u.username = 'pko'
                          AND NOT EXISTS (SELECT 1 FROM publishing_pathway WHERE patient_group = ?)""").params(GROUP, GROUP).update();
        long pathway = jdbc.sql("SELECT id FROM publishing_pathway WHERE patient_group = ?")
                .param(GROUP)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO publishing_pathway_version (pathway_id, number, background, workup, referral, treatment,
                            followup, edited_by)
                        VALUES (?, 1, 'Baggrund.', 'Udredning.', 'Henvisning.', 'Behandling.', 'Kontrol.', 'Peter')
                        ON CONFLICT DO NOTHING""").param(pathway).update();
        jdbc.sql("""
                        INSERT INTO publishing_pathway_approval (pathway_id, round, version, party, approver_name,
                            approver_email, decision, decided_by, decided_how, decided_at, comment)
                        VALUES (?, 1, 1, 'COORDINATORS', 'Pia Praksiskoordinator', 'pkokoordinator@example.dk', 'REFUSED',
                            'Pia Praksiskoordinator', 'SIGNED_IN', now(), 'Mangler kontrol.')
                        ON CONFLICT DO NOTHING""").param(pathway).update();
        return new Ids(
                pathway,
                jdbc.sql("SELECT id FROM publishing_pathway_approval WHERE pathway_id = ?")
                        .param(pathway)
                        .query(Long.class)
                        .single());
    }
}
