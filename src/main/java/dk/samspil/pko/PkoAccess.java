package dk.samspil.pko;

import dk.samspil.security.Access;
import dk.samspil.security.SamspilPrincipal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who sees and edits what in the scheme. A consultant sees themself; a coordinator the people attached to their
 * unit; the medical coordinator their region; the administrator everything. Anyone else — other roles, a PKO
 * account without a person record, another region's PKO — is refused (404, audited).
 */
@Component
class PkoAccess {

    /** The signed-in user in the scheme: their person (none for the administrator) and a coordinator's unit. */
    record Viewer(SamspilPrincipal user, PkoPerson person, Long unitId) {

        public boolean admin() {
            return user.isAdmin();
        }

        public boolean medical() {
            return person != null && person.isMedicalCoordinator();
        }

        public boolean coordinator() {
            return person != null && person.isCoordinator() && unitId != null;
        }

        /** The region the viewer works in; null for the administrator (every region). */
        public String region() {
            return person == null ? null : person.regionCode();
        }

        public boolean inRegion(String regionCode) {
            return admin() || (person != null && person.regionCode().equals(regionCode));
        }

        /** The administrator and the medical coordinator edit the region's registers. */
        public boolean editsRegion() {
            return admin() || medical();
        }
    }

    private final PkoPeople people;
    private final PkoRegisters registers;
    private final Access access;

    PkoAccess(PkoPeople people, PkoRegisters registers, Access access) {
        this.people = people;
        this.registers = registers;
        this.access = access;
    }

    /** The viewer, or 404 for a user who is no one in the scheme. */
    Viewer viewer(SamspilPrincipal user) {
        if (user != null && user.isAdmin()) {
            return new Viewer(user, null, null);
        }
        Optional<PkoPerson> person = people.current(user);
        access.require(person.isPresent(), user, "pko");
        PkoPerson p = person.orElseThrow();
        return new Viewer(
                user, p, p.isCoordinator() ? people.coveredUnit(p.id()).orElse(null) : null);
    }

    /** The viewer, or empty for a user who is no one in the scheme (for questions asked from outside, no refusal). */
    Optional<Viewer> viewerIfAny(SamspilPrincipal user) {
        if (user == null) {
            return Optional.empty();
        }
        if (!user.isAdmin() && people.current(user).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(viewer(user));
    }

    /** The units whose meetings the viewer plans: a coordinator their own; the region's editors every unit. */
    Map<Long, String> plannableUnits(Viewer viewer) {
        Map<Long, String> all = registers.units(viewer.region());
        if (viewer.editsRegion()) {
            return all;
        }
        Map<Long, String> own = new LinkedHashMap<>();
        if (viewer.coordinator() && all.containsKey(viewer.unitId())) {
            own.put(viewer.unitId(), all.get(viewer.unitId()));
        }
        return own;
    }

    boolean sees(Viewer viewer, PkoPerson target) {
        if (!viewer.inRegion(target.regionCode())) {
            return false;
        }
        if (viewer.editsRegion() || (viewer.person() != null && viewer.person().id() == target.id())) {
            return true;
        }
        return viewer.coordinator() && registers.units(target.id()).contains(viewer.unitId());
    }

    /** Editing a person's record and attachments: the region's editors, or a coordinator for their unit's consultants. */
    boolean edits(Viewer viewer, PkoPerson target) {
        if (!viewer.inRegion(target.regionCode())) {
            return false;
        }
        return viewer.editsRegion()
                || (viewer.coordinator()
                        && target.isConsultant()
                        && registers.units(target.id()).contains(viewer.unitId()));
    }

    /** Editing a unit's departments: the region's editors, or the unit's coordinator. */
    boolean editsUnit(Viewer viewer, long unitId) {
        Optional<String> region = registers.unitRegion(unitId);
        return region.isPresent()
                && viewer.inRegion(region.get())
                && (viewer.editsRegion() || (viewer.coordinator() && viewer.unitId() == unitId));
    }

    /**
     * Who acts for the payer of a contract (approves extra hours and periods for payment): for a hospital unit its
     * practice coordinator; for a municipality and for Koncern Kvalitet the region's medical coordinator (who is
     * attached to Koncern Kvalitet); the administrator for any. Never the contract's own holder.
     */
    boolean actsForPayer(Viewer viewer, Contract contract) {
        if (!viewer.inRegion(contract.regionCode())
                || (viewer.person() != null && viewer.person().id() == contract.personId())) {
            return false;
        }
        if (viewer.admin()) {
            return true;
        }
        return contract.payerUnitId() != null
                ? viewer.coordinator() && viewer.unitId().equals(contract.payerUnitId())
                : viewer.medical();
    }

    boolean seesContract(Viewer viewer, Contract contract) {
        return actsForPayer(viewer, contract)
                || people.person(contract.personId()).map(p -> sees(viewer, p)).orElse(false);
    }

    PkoPerson person(Viewer viewer, long personId) {
        Optional<PkoPerson> person = people.person(personId);
        access.require(person.isPresent() && sees(viewer, person.get()), viewer.user(), "pko-person:" + personId);
        return person.orElseThrow();
    }

    PkoPerson editable(Viewer viewer, long personId) {
        Optional<PkoPerson> person = people.person(personId);
        access.require(person.isPresent() && edits(viewer, person.get()), viewer.user(), "pko-person:" + personId);
        return person.orElseThrow();
    }

    void require(boolean allowed, Viewer viewer, String target) {
        access.require(allowed, viewer.user(), target);
    }
}
