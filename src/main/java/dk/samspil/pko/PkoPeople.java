package dk.samspil.pko;

import dk.samspil.directory.Directory;
import dk.samspil.directory.RegisterNames;
import dk.samspil.security.SamspilPrincipal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who the signed-in user is in the practice consultant scheme, and what they are attached to: the public API of
 * the PKO registers for other parts of the scheme (audits, meetings, pathways). A user without a PKO role or
 * without an active person record is no one here; callers answer 404 for them.
 */
@Service
public class PkoPeople {

    static final String PERSON_SELECT = """
            SELECT id, region_code, kind, special_post, name, email, phone, practice, user_id, active FROM pko_person
            """;
    private static final String DEPARTMENT_SELECT =
            "SELECT d.id, d.hospital_unit_id, d.name, d.active FROM pko_department d";

    private final JdbcClient jdbc;
    private final Directory directory;

    PkoPeople(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** The user as a person of the scheme: only for the three PKO roles and an active person linked to the account. */
    public Optional<PkoPerson> current(SamspilPrincipal user) {
        if (user == null || !user.role().isPko()) {
            return Optional.empty();
        }
        return jdbc.sql(PERSON_SELECT + " WHERE user_id = ? AND active")
                .param(user.id())
                .query(PkoPeople::person)
                .optional();
    }

    public Optional<PkoPerson> person(long id) {
        return jdbc.sql(PERSON_SELECT + " WHERE id = ?")
                .param(id)
                .query(PkoPeople::person)
                .optional();
    }

    /** The departments the person is attached to: a consultant's "egen afdeling" (one or more). */
    public List<Department> ownDepartments(long personId) {
        return departments("""
                 JOIN pko_attachment a ON a.department_id = d.id
                WHERE a.person_id = ? AND (a.ends_on IS NULL OR a.ends_on >= current_date)""", personId);
    }

    /** Whether the department is one of the person's own (the consultant's "egen afdeling"). */
    public boolean isOwnDepartment(long personId, long departmentId) {
        return ownDepartments(personId).stream().anyMatch(d -> d.id() == departmentId);
    }

    /** The municipalities (codes) a municipal consultant is attached to. */
    public List<String> ownMunicipalities(long personId) {
        return jdbc.sql("""
                        SELECT municipality_code FROM pko_attachment
                        WHERE person_id = ? AND municipality_code IS NOT NULL
                          AND (ends_on IS NULL OR ends_on >= current_date) ORDER BY municipality_code""").param(personId).query(String.class).list();
    }

    /** The hospital unit a coordinator covers (empty for others). */
    public Optional<Long> coveredUnit(long personId) {
        return jdbc.sql("""
                        SELECT a.hospital_unit_id FROM pko_attachment a JOIN pko_person p ON p.id = a.person_id
                        WHERE a.person_id = ? AND p.kind = 'COORDINATOR' AND a.hospital_unit_id IS NOT NULL
                          AND (a.ends_on IS NULL OR a.ends_on >= current_date)
                        ORDER BY a.id LIMIT 1""").param(personId).query(Long.class).optional();
    }

    /** The active coordinators of the hospital unit (PKOrientering's editors for its catchment area). */
    public List<PkoPerson> coordinatorsOf(long hospitalUnitId) {
        return jdbc.sql(PERSON_SELECT + """
                         WHERE active AND kind = 'COORDINATOR' AND id IN (SELECT person_id FROM pko_attachment
                            WHERE hospital_unit_id = ? AND (ends_on IS NULL OR ends_on >= current_date))
                        ORDER BY name, id""")
                .param(hospitalUnitId)
                .query(PkoPeople::person)
                .list();
    }

    /** The region's active people of the scheme, by name. */
    public List<PkoPerson> active(String regionCode) {
        return jdbc.sql(PERSON_SELECT + " WHERE active AND region_code = ? ORDER BY name, id")
                .param(regionCode)
                .query(PkoPeople::person)
                .list();
    }

    /** The region's active medical coordinators for PKO. */
    public List<PkoPerson> medicalCoordinators(String regionCode) {
        return jdbc.sql(PERSON_SELECT
                        + " WHERE active AND kind = 'MEDICAL_COORDINATOR' AND region_code = ? ORDER BY name, id")
                .param(regionCode)
                .query(PkoPeople::person)
                .list();
    }

    /** Whether the coordinator's unit covers the whole region (Psykiatrien's coordinator in Region Midtjylland). */
    public boolean coversRegion(long personId) {
        return coveredUnit(personId)
                .map(unit -> jdbc.sql(
                                "SELECT coalesce((SELECT covers_region FROM pko_unit WHERE hospital_unit_id = ?), false)")
                        .param(unit)
                        .query(Boolean.class)
                        .single())
                .orElse(false);
    }

    /** Whether the user is the medical coordinator for PKO (of their region). */
    public boolean isMedicalCoordinator(SamspilPrincipal user) {
        return current(user).map(PkoPerson::isMedicalCoordinator).orElse(false);
    }

    /** The departments of the region's hospital units, by unit and name. */
    public List<Department> departments(String regionCode) {
        return departments(regionCode, false);
    }

    /** The departments of the region's hospital units (only the active ones, if asked), by unit and name. */
    List<Department> departments(String regionCode, boolean activeOnly) {
        RegisterNames names = directory.names();
        Long[] units = names.hospitalUnits().entrySet().stream()
                .filter(unit -> regionCode.equals(unit.getValue().regionCode()))
                .map(Map.Entry::getKey)
                .toArray(Long[]::new);
        return departments(
                names, " WHERE d.hospital_unit_id = ANY (?)" + (activeOnly ? " AND d.active" : ""), (Object) units);
    }

    public Optional<Department> department(long id) {
        return departments(" WHERE d.id = ?", id).stream().findFirst();
    }

    private List<Department> departments(String where, Object... params) {
        return departments(directory.names(), where, params);
    }

    /** Departments with their units' names, by unit name and then their own name. */
    private List<Department> departments(RegisterNames names, String where, Object... params) {
        return jdbc
                .sql(DEPARTMENT_SELECT + where + " ORDER BY d.name, d.id")
                .params(params)
                .query((rs, n) -> department(rs, names))
                .list()
                .stream()
                .sorted(Comparator.comparing(Department::hospitalUnitId, names.byUnitName()))
                .toList();
    }

    static PkoPerson person(ResultSet rs, int row) throws SQLException {
        return new PkoPerson(
                rs.getLong("id"),
                rs.getString("region_code"),
                PersonKind.valueOf(rs.getString("kind")),
                rs.getString("special_post"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("practice"),
                rs.getObject("user_id", Long.class),
                rs.getBoolean("active"));
    }

    private static Department department(ResultSet rs, RegisterNames names) throws SQLException {
        long unit = rs.getLong("hospital_unit_id");
        return new Department(
                rs.getLong("id"),
                unit,
                names.hospitalUnit(unit),
                names.regionOfUnit(unit),
                rs.getString("name"),
                rs.getBoolean("active"));
    }
}
