package dk.samspil.pko.audit;

import dk.samspil.directory.Directory;
import dk.samspil.pko.Department;
import dk.samspil.pko.PkoPeople;
import dk.samspil.pko.PkoPerson;
import dk.samspil.pko.audit.Audits.AuditView;
import dk.samspil.security.SamspilPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who sees which audits, from the PKO registers ({@link PkoPeople}): a consultant the audits of their own ("egen")
 * departments or municipality, and carries them out; a practice coordinator their unit's; the medical coordinator
 * the region's. Everyone else is no one here.
 */
@Component
class AuditScope {

    enum Kind {
        CONSULTANT,
        COORDINATOR,
        MEDICAL_COORDINATOR
    }

    /** A department or municipality a consultant is attached to; {@code key} is how the plan form names it. */
    record Place(String key, String name, Long departmentId, String municipalityCode) {}

    record Viewer(
            SamspilPrincipal user,
            String displayName,
            Kind kind,
            String regionCode,
            List<Place> places,
            Set<Long> unitDepartmentIds) {

        boolean sees(AuditView audit) {
            if (!regionCode.equals(audit.regionCode())) {
                return false;
            }
            return switch (kind) {
                case CONSULTANT -> own(audit);
                case COORDINATOR -> audit.departmentId() != null && unitDepartmentIds.contains(audit.departmentId());
                case MEDICAL_COORDINATOR -> true;
            };
        }

        /** Only the department's (or municipality's) own consultant carries the audit out. */
        boolean writes(AuditView audit) {
            return kind == Kind.CONSULTANT && sees(audit);
        }

        private boolean own(AuditView audit) {
            return places.stream()
                    .anyMatch(p -> (p.departmentId() != null && p.departmentId().equals(audit.departmentId()))
                            || (p.municipalityCode() != null
                                    && p.municipalityCode().equals(audit.municipalityCode())));
        }
    }

    private final PkoPeople people;
    private final Directory directory;
    private final JdbcClient jdbc;

    AuditScope(PkoPeople people, Directory directory, JdbcClient jdbc) {
        this.people = people;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    Optional<Viewer> viewer(SamspilPrincipal user) {
        return people.current(user).map(person -> viewer(user, person));
    }

    private Viewer viewer(SamspilPrincipal user, PkoPerson person) {
        Kind kind = Kind.valueOf(person.kind().name());
        List<Place> places = new ArrayList<>();
        Set<Long> unitDepartments = Set.of();
        if (kind == Kind.CONSULTANT) {
            for (Department d : people.ownDepartments(person.id())) {
                places.add(new Place("d" + d.id(), d.label(), d.id(), null));
            }
            Map<String, String> names = municipalityNames();
            for (String code : people.ownMunicipalities(person.id())) {
                places.add(new Place("m" + code, names.getOrDefault(code, code), null, code));
            }
        } else if (kind == Kind.COORDINATOR) {
            unitDepartments = people.coveredUnit(person.id())
                    .map(unit -> people.departments(person.regionCode()).stream()
                            .filter(d -> d.hospitalUnitId() == unit)
                            .map(Department::id)
                            .collect(Collectors.toSet()))
                    .orElse(Set.of());
        }
        return new Viewer(user, person.name(), kind, person.regionCode(), List.copyOf(places), unitDepartments);
    }

    /** "Hjertesygdomme, Aarhus Universitetshospital", or the municipality's name. */
    String placeName(AuditView audit) {
        if (audit.departmentId() != null) {
            return people.department(audit.departmentId())
                    .map(Department::label)
                    .orElse("");
        }
        return municipalityNames().getOrDefault(audit.municipalityCode(), audit.municipalityCode());
    }

    String unitName(AuditView audit) {
        return audit.departmentId() == null
                ? null
                : people.department(audit.departmentId())
                        .map(Department::hospitalUnitName)
                        .orElse(null);
    }

    /**
     * Who gets the result: the practice coordinator(s) of the department's unit; for a municipal audit, or a unit
     * without a coordinator, the region's medical coordinator (there is no coordinator for the municipalities).
     */
    List<String> coordinatorEmails(AuditView audit) {
        List<String> coordinators = audit.departmentId() == null
                ? List.of()
                : jdbc.sql("""
                        SELECT DISTINCT p.email FROM pko_person p JOIN pko_attachment a ON a.person_id = p.id
                        JOIN pko_department d ON d.hospital_unit_id = a.hospital_unit_id
                        WHERE d.id = ? AND p.kind = 'COORDINATOR' AND p.active AND p.email IS NOT NULL
                          AND (a.ends_on IS NULL OR a.ends_on >= current_date)""").param(audit.departmentId()).query(String.class).list();
        if (!coordinators.isEmpty()) {
            return coordinators;
        }
        return jdbc.sql("""
                        SELECT email FROM pko_person WHERE region_code = ? AND kind = 'MEDICAL_COORDINATOR' AND active
                          AND email IS NOT NULL""").param(audit.regionCode()).query(String.class).list();
    }

    private Map<String, String> municipalityNames() {
        return directory.municipalities().stream().collect(Collectors.toMap(m -> m.code(), m -> m.name(), (a, b) -> a));
    }
}
