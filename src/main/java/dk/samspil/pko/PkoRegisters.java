package dk.samspil.pko;

import dk.samspil.directory.Directory;
import dk.samspil.directory.RegisterNames;
import dk.samspil.directory.Views.MunicipalityView;
import dk.samspil.directory.Views.RegionView;
import dk.samspil.security.People;
import dk.samspil.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The scheme's registers: people, attachments, departments, partner bodies, working agreements and checklists. */
@Repository
class PkoRegisters {

    private static final String ATTACHMENT_SELECT = """
            SELECT a.id, a.person_id, a.municipality_code, a.department_id, d.name AS department_name,
                   coalesce(a.hospital_unit_id, d.hospital_unit_id) AS unit_id, a.ends_on
            FROM pko_attachment a LEFT JOIN pko_department d ON d.id = a.department_id
            """;

    record PartnerBody(long id, String regionCode, String kind, String name, String email, String phone, String note) {}

    record WorkingAgreement(
            long attachmentId,
            String partnerName,
            String fixedMeetings,
            String adHoc,
            String emailResponse,
            String phone) {}

    record PersonRow(PkoPerson person, List<Attachment> attachments) {}

    private final JdbcClient jdbc;
    private final Directory directory;
    private final PkoPeople people;
    private final People accounts;

    PkoRegisters(JdbcClient jdbc, Directory directory, PkoPeople people, People accounts) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.people = people;
        this.accounts = accounts;
    }

    /** The region's municipalities (from the directory). */
    List<MunicipalityView> municipalities(String regionCode) {
        String name = directory.regions().stream()
                .filter(r -> r.code().equals(regionCode))
                .findFirst()
                .map(RegionView::name)
                .orElse("");
        return directory.municipalities().stream()
                .filter(m -> name.equals(m.regionName()))
                .toList();
    }

    // --- people ---

    /** The region's people (every region's for null) with what each is attached to, by kind and name. */
    List<PersonRow> people(String regionCode) {
        List<PkoPerson> people = jdbc.sql(PkoPeople.PERSON_SELECT + """
                         WHERE (CAST(? AS TEXT) IS NULL OR region_code = ?)
                        ORDER BY CASE kind WHEN 'MEDICAL_COORDINATOR' THEN 0 WHEN 'COORDINATOR' THEN 1 ELSE 2 END,
                                 name, id""")
                .params(regionCode, regionCode)
                .query(PkoPeople::person)
                .list();
        Map<Long, List<Attachment>> attachments = new LinkedHashMap<>();
        attachments("", List.of())
                .forEach(a -> attachments
                        .computeIfAbsent(a.personId(), k -> new ArrayList<>())
                        .add(a));
        return people.stream()
                .map(p -> new PersonRow(p, attachments.getOrDefault(p.id(), List.of())))
                .toList();
    }

    List<Attachment> attachments(long personId) {
        return attachments(" WHERE a.person_id = ?", List.of(personId));
    }

    Optional<Attachment> attachment(long id) {
        return attachment(id, directory.names());
    }

    /** As {@link #attachment(long)}, with the register names the caller has already read. */
    Optional<Attachment> attachment(long id, RegisterNames names) {
        return attachments(" WHERE a.id = ?", List.of(id), names).stream().findFirst();
    }

    private List<Attachment> attachments(String where, List<Object> params) {
        return attachments(where, params, directory.names());
    }

    /** Attachments with their places named: by unit (none first), municipality, then department. */
    private List<Attachment> attachments(String where, List<Object> params, RegisterNames names) {
        Comparator<Attachment> byUnit =
                Comparator.comparing(Attachment::unitId, Comparator.nullsFirst(names.byUnitName()));
        Comparator<Attachment> byMunicipality =
                Comparator.comparing(Attachment::municipalityCode, names.byMunicipalityName());
        return jdbc
                .sql(ATTACHMENT_SELECT + where + " ORDER BY d.name NULLS FIRST, a.id")
                .params(params)
                .query((rs, n) -> attachment(rs, names))
                .list()
                .stream()
                .sorted(byUnit.thenComparing(byMunicipality))
                .toList();
    }

    /** The hospital units a person's attachments lie in (their departments' units, or a coordinator's unit). */
    Set<Long> units(long personId) {
        Set<Long> units = new TreeSet<>();
        attachments(personId).forEach(a -> {
            if (a.unitId() != null) units.add(a.unitId());
        });
        return units;
    }

    @Transactional
    long createPerson(String regionCode, PersonForm form) {
        long id = jdbc.sql("""
                        INSERT INTO pko_person (region_code, kind, special_post, name, email, phone, practice, user_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        regionCode,
                        form.getKind().name(),
                        blank(form.getSpecialPost()),
                        form.getName().strip(),
                        blank(form.getEmail()),
                        blank(form.getPhone()),
                        blank(form.getPractice()),
                        form.getUserId())
                .query(Long.class)
                .single();
        if (form.getDepartmentId() != null) {
            attachDepartment(id, form.getDepartmentId());
        }
        return id;
    }

    void updatePerson(long id, PersonForm form) {
        jdbc.sql("""
                        UPDATE pko_person SET kind = ?, special_post = ?, name = ?, email = ?, phone = ?, practice = ?,
                               user_id = ?, active = ? WHERE id = ?""")
                .params(
                        form.getKind().name(),
                        blank(form.getSpecialPost()),
                        form.getName().strip(),
                        blank(form.getEmail()),
                        blank(form.getPhone()),
                        blank(form.getPractice()),
                        form.getUserId(),
                        form.isActive(),
                        id)
                .update();
    }

    /** Whether another person is already linked to this account. */
    boolean accountTaken(Long userId, Long personId) {
        return userId != null
                && jdbc.sql("SELECT count(*) FROM pko_person WHERE user_id = ? AND id <> ?")
                                .params(userId, personId == null ? -1 : personId)
                                .query(Integer.class)
                                .single()
                        > 0;
    }

    /** The signed-in accounts with a PKO role (to link a person to), by name. */
    List<Map.Entry<Long, String>> pkoAccounts() {
        return accounts.accountsOf(Set.of(Role.PKO_CONSULTANT, Role.PKO_COORDINATOR, Role.PKO_MEDICAL_COORDINATOR));
    }

    void attachDepartment(long personId, long departmentId) {
        jdbc.sql("INSERT INTO pko_attachment (person_id, department_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(personId, departmentId)
                .update();
    }

    void attachMunicipality(long personId, String municipalityCode) {
        jdbc.sql("INSERT INTO pko_attachment (person_id, municipality_code) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(personId, municipalityCode)
                .update();
    }

    void attachUnit(long personId, long unitId) {
        jdbc.sql("INSERT INTO pko_attachment (person_id, hospital_unit_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(personId, unitId)
                .update();
    }

    void detach(long attachmentId) {
        jdbc.sql("DELETE FROM pko_attachment WHERE id = ?").param(attachmentId).update();
    }

    // --- departments and units ---

    /** The region's hospital units taking part in the scheme: id → name. */
    Map<Long, String> units(String regionCode) {
        Set<Long> inScheme = new HashSet<>(jdbc.sql("SELECT hospital_unit_id FROM pko_unit")
                .query(Long.class)
                .list());
        Map<Long, String> units = new LinkedHashMap<>();
        directory.names().hospitalUnits().forEach((id, unit) -> {
            if (inScheme.contains(id) && (regionCode == null || regionCode.equals(unit.regionCode()))) {
                units.put(id, unit.name());
            }
        });
        return units;
    }

    List<Department> departmentsFor(String regionCode) {
        return people.departments(regionCode, true);
    }

    Optional<String> unitRegion(long unitId) {
        return Optional.ofNullable(directory.names().regionOfUnit(unitId));
    }

    boolean departmentNameTaken(long unitId, String name, Long exceptId) {
        return jdbc.sql(
                                "SELECT count(*) FROM pko_department WHERE hospital_unit_id = ? AND lower(name) = lower(?) AND id <> ?")
                        .params(unitId, name.strip(), exceptId == null ? -1 : exceptId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    long createDepartment(long unitId, String name) {
        return jdbc.sql("INSERT INTO pko_department (hospital_unit_id, name) VALUES (?, ?) RETURNING id")
                .params(unitId, name.strip())
                .query(Long.class)
                .single();
    }

    void updateDepartment(long id, String name, boolean active) {
        jdbc.sql("UPDATE pko_department SET name = ?, active = ? WHERE id = ?")
                .params(name.strip(), active, id)
                .update();
    }

    // --- partner bodies ---

    List<PartnerBody> partnerBodies(String regionCode) {
        return jdbc.sql("""
                        SELECT id, region_code, kind, name, email, phone, note FROM pko_partner_body
                        WHERE CAST(? AS TEXT) IS NULL OR region_code = ? ORDER BY kind, name""")
                .params(regionCode, regionCode)
                .query(PkoRegisters::body)
                .list();
    }

    Optional<PartnerBody> partnerBody(long id) {
        return jdbc.sql("SELECT id, region_code, kind, name, email, phone, note FROM pko_partner_body WHERE id = ?")
                .param(id)
                .query(PkoRegisters::body)
                .optional();
    }

    /** Koncern Kvalitet of the region: the payer of the coordinators' contracts. */
    Optional<PartnerBody> qualityUnit(String regionCode) {
        return partnerBodies(regionCode).stream()
                .filter(b -> b.kind().equals("QUALITY_UNIT"))
                .findFirst();
    }

    boolean partnerNameTaken(String regionCode, String name, Long exceptId) {
        return jdbc.sql(
                                "SELECT count(*) FROM pko_partner_body WHERE region_code = ? AND lower(name) = lower(?) AND id <> ?")
                        .params(regionCode, name.strip(), exceptId == null ? -1 : exceptId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void savePartnerBody(Long id, String regionCode, PartnerBodyForm form) {
        if (id == null) {
            jdbc.sql(
                            "INSERT INTO pko_partner_body (region_code, kind, name, email, phone, note) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            regionCode,
                            form.getKind(),
                            form.getName().strip(),
                            blank(form.getEmail()),
                            blank(form.getPhone()),
                            blank(form.getNote()))
                    .update();
        } else {
            jdbc.sql("UPDATE pko_partner_body SET kind = ?, name = ?, email = ?, phone = ?, note = ? WHERE id = ?")
                    .params(
                            form.getKind(),
                            form.getName().strip(),
                            blank(form.getEmail()),
                            blank(form.getPhone()),
                            blank(form.getNote()),
                            id)
                    .update();
        }
    }

    // --- working agreements and the nine pieces of advice ---

    Map<Long, WorkingAgreement> agreements(long personId) {
        Map<Long, WorkingAgreement> agreements = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT w.attachment_id, w.partner_name, w.fixed_meetings, w.ad_hoc, w.email_response, w.phone
                        FROM pko_working_agreement w JOIN pko_attachment a ON a.id = w.attachment_id
                        WHERE a.person_id = ?""")
                .param(personId)
                .query((rs, n) -> new WorkingAgreement(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list()
                .forEach(w -> agreements.put(w.attachmentId(), w));
        return agreements;
    }

    void saveAgreement(long attachmentId, AgreementForm form) {
        jdbc.sql("""
                        INSERT INTO pko_working_agreement (attachment_id, partner_name, fixed_meetings, ad_hoc,
                                                           email_response, phone)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (attachment_id) DO UPDATE SET partner_name = excluded.partner_name,
                            fixed_meetings = excluded.fixed_meetings, ad_hoc = excluded.ad_hoc,
                            email_response = excluded.email_response, phone = excluded.phone, updated_at = now()""")
                .params(
                        attachmentId,
                        blank(form.getPartnerName()),
                        blank(form.getFixedMeetings()),
                        blank(form.getAdHoc()),
                        blank(form.getEmailResponse()),
                        blank(form.getPhone()))
                .update();
    }

    Set<Integer> ticks(long personId) {
        return new TreeSet<>(jdbc.sql("SELECT item FROM pko_onboarding_tick WHERE person_id = ?")
                .param(personId)
                .query(Integer.class)
                .list());
    }

    @Transactional
    void saveTicks(long personId, Set<Integer> items) {
        Set<Integer> before = ticks(personId);
        for (int item : before) {
            if (!items.contains(item)) {
                jdbc.sql("DELETE FROM pko_onboarding_tick WHERE person_id = ? AND item = ?")
                        .params(personId, item)
                        .update();
            }
        }
        for (int item : items) {
            jdbc.sql("INSERT INTO pko_onboarding_tick (person_id, item) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(personId, item)
                    .update();
        }
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Attachment attachment(ResultSet rs, RegisterNames names) throws SQLException {
        Long unit = rs.getObject("unit_id", Long.class);
        String municipality = rs.getString("municipality_code");
        return new Attachment(
                rs.getLong("id"),
                rs.getLong("person_id"),
                municipality,
                names.municipality(municipality),
                rs.getObject("department_id", Long.class),
                rs.getString("department_name"),
                unit,
                names.hospitalUnit(unit),
                rs.getObject("ends_on", LocalDate.class));
    }

    private static PartnerBody body(ResultSet rs, int row) throws SQLException {
        return new PartnerBody(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7));
    }
}
