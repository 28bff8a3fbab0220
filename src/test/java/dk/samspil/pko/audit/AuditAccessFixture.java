package dk.samspil.pko.audit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * For the access matrix: an audit of the demo consultant's department, and two PKO users who must not see it — a
 * consultant of another department (Regionshospitalet Randers) and the medical coordinator of another region.
 */
public final class AuditAccessFixture {

    public static final String OTHER_DEPARTMENT = "pko-anden-afdeling";
    public static final String OTHER_REGION = "pko-anden-region";

    private AuditAccessFixture() {}

    /** Plans the audit (through the page, as the demo consultant) and makes the two outsiders; returns the audit's id. */
    public static long plannedAudit(MockMvc mvc, DemoUsers users, JdbcClient jdbc) throws Exception {
        outsiders(jdbc);
        String title = "Adgangstest " + AuditFixtures.marker();
        mvc.perform(post("/pko/audit")
                .with(users.as(PkoDemo.CONSULTANT))
                .with(csrf())
                .param("place", PkoDemo.consultantPlaceKey(jdbc))
                .param("title", title)
                .param("description", "Adgang")
                .param("departmentDoctor", "Overlæge Hanne Holm"));
        return jdbc.sql("SELECT id FROM pko_audit WHERE title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }

    /** Test users with PKO roles, as the registers would hold them (the demo data has none outside the audit's reach). */
    static void outsiders(JdbcClient jdbc) {
        PkoDemo.person(jdbc, OTHER_DEPARTMENT, "PKO_CONSULTANT", "CONSULTANT", "1082");
        jdbc.sql("""
                        INSERT INTO pko_attachment (person_id, department_id)
                        SELECT p.id, d.id FROM pko_person p JOIN app_user u ON u.id = p.user_id,
                            pko_department d JOIN hospital_unit h ON h.id = d.hospital_unit_id
                        WHERE u.username = ? AND h.name = 'Regionshospitalet Randers' AND d.name = 'Medicinsk Afdeling'
                        ON CONFLICT DO NOTHING""").param(OTHER_DEPARTMENT).update();
        PkoDemo.person(jdbc, OTHER_REGION, "PKO_MEDICAL_COORDINATOR", "MEDICAL_COORDINATOR", "1081");
    }
}
