package dk.samspil.pko;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.directory.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who the demo PKO users are in the scheme, and the reference data they are attached to. */
@SamspilTest
class PkoPeopleTests {

    @Autowired
    PkoPeople people;

    @Autowired
    DemoUsers users;

    @Autowired
    Directory directory;

    @Test
    void theDemoConsultantIsAttachedToTwoDepartmentsOfAarhusUniversitetshospital() {
        PkoPerson consultant = people.current(users.principal("pko")).orElseThrow();
        assertThat(consultant.kind()).isEqualTo(PersonKind.CONSULTANT);
        assertThat(consultant.regionCode()).isEqualTo("1082");
        assertThat(people.ownDepartments(consultant.id()))
                .extracting(Department::label)
                .containsExactly(
                        "Hjertesygdomme, Aarhus Universitetshospital", "Lungesygdomme, Aarhus Universitetshospital");
        assertThat(people.coveredUnit(consultant.id())).isEmpty();
        assertThat(people.isMedicalCoordinator(users.principal("pko"))).isFalse();
    }

    @Test
    void theCoordinatorCoversTheirUnitAndOnlyPsykiatrienCoversTheRegion() {
        PkoPerson coordinator =
                people.current(users.principal("pkokoordinator")).orElseThrow();
        long auh = directory.hospitalUnits().stream()
                .filter(u -> u.name().equals("Aarhus Universitetshospital"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(coordinator.kind()).isEqualTo(PersonKind.COORDINATOR);
        assertThat(people.coveredUnit(coordinator.id())).contains(auh);
        assertThat(people.coversRegion(coordinator.id())).isFalse();
        assertThat(people.isMedicalCoordinator(users.principal("pkolaege"))).isTrue();
    }

    @Test
    void usersWithoutAPkoRoleAreNoOneInTheScheme() {
        for (String username : new String[] {"konsulent", "koordinator", "kommune", "redaktoer", "admin"}) {
            assertThat(people.current(users.principal(username))).as(username).isEmpty();
        }
    }

    @Test
    void everyHospitalUnitOfRegionMidtjyllandHasDepartments() {
        assertThat(people.departments("1082"))
                .extracting(Department::hospitalUnitName)
                .containsOnly(
                        "Aarhus Universitetshospital",
                        "Regionshospitalet Randers",
                        "Regionshospitalet Horsens",
                        "Hospitalsenhed Midt",
                        "Regionshospitalet Gødstrup",
                        "Psykiatrien i Region Midtjylland");
        assertThat(people.departments("1082")).hasSizeGreaterThan(60);
        assertThat(people.departments("1081")).isEmpty();
    }
}
