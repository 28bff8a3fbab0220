package dk.samspil.pko.audit;

import dk.samspil.pko.audit.Audits.AuditView;
import dk.samspil.security.SamspilPrincipal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who sees which audits, from the PKO registers: a consultant the audits of their own ("egen") departments or
 * municipality, and writes them; a practice coordinator their unit's; the medical coordinator the region's.
 */
@Component
class AuditScope {

    enum Kind { CONSULTANT, COORDINATOR, MEDICAL_COORDINATOR }

    /** A department or municipality a consultant is attached to; {@code key} is how the plan form names it. */
    record Place(String key, String name, Long departmentId, String municipalityCode) {}

    record Viewer(SamspilPrincipal user, String displayName, Kind kind, String regionCode, List<Place> places,
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
            return places.stream().anyMatch(p -> (p.departmentId() != null && p.departmentId().equals(audit.departmentId()))
                    || (p.municipalityCode() != null && p.municipalityCode().equals(audit.municipalityCode())));
        }
    }

    Optional<Viewer> viewer(SamspilPrincipal user) {
        return Optional.empty();
    }

    String placeName(AuditView audit) {
        return "";
    }

    String unitName(AuditView audit) {
        return null;
    }

    List<String> coordinatorEmails(AuditView audit) {
        return List.of();
    }
}
