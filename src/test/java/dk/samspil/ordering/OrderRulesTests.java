package dk.samspil.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.catalog.PackageDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The ordering rules of PRODUCT.md §4 with their Danish message keys, on the real package files. */
class OrderRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final LocalDateTime NOW = TODAY.atTime(9, 0);

    final PackageDefinition acute = load("akutfunktioner");
    final PackageDefinition medicine = load("medicinhaandtering");
    final PackageDefinition attests = load("attester");

    @Test
    void refusesMeetingLessThanEightWeeksAheadForKiapPackages() {
        OrderForm form = validForm(TODAY.plusWeeks(8).minusDays(1));
        assertThat(problems(form, acute)).containsExactly("meetingDate:order.meetingDate.leadTime");
        assertThat(OrderRules.check(form, acute, Set.of("0751"), TODAY, NOW)
                        .get(0)
                        .args())
                .containsExactly(8, "19.01.2027");
        assertThat(problems(validForm(TODAY.plusWeeks(8)), acute)).isEmpty();
    }

    @Test
    void warnsAboutTheMedicinePackagesFourMonthsButAcceptsWhenConfirmed() {
        OrderForm form = medicineForm(TODAY.plusWeeks(10), "pn-medicin", "haandkoebsmedicin-kosttilskud");
        assertThat(problems(form, medicine)).containsExactly("acceptLeadTimeWarning:order.meetingDate.leadTimeWarning");
        form.setAcceptLeadTimeWarning(true);
        assertThat(problems(form, medicine)).isEmpty();
        assertThat(problems(medicineForm(TODAY.plusWeeks(18), "pn-medicin", "haandkoebsmedicin-kosttilskud"), medicine))
                .isEmpty();
    }

    @Test
    void requiresExactlyTwoElectiveTopicsForTheMedicinePackage() {
        LocalDate later = TODAY.plusWeeks(20);
        assertThat(problems(medicineForm(later, "pn-medicin"), medicine))
                .containsExactly("electiveTopics:order.electives.count");
        assertThat(problems(
                        medicineForm(
                                later,
                                "pn-medicin",
                                "haandkoebsmedicin-kosttilskud",
                                "genbestilling-recepter-levering"),
                        medicine))
                .containsExactly("electiveTopics:order.electives.count");
        assertThat(problems(medicineForm(later, "pn-medicin", "ukendt-emne"), medicine))
                .containsExactly("electiveTopics:order.electives.count");
        OrderForm other = medicineForm(later, "pn-medicin", "andet");
        assertThat(problems(other, medicine)).containsExactly("electiveOther:order.electives.otherText");
        other.setElectiveOther("Medicin til borgere med demens");
        assertThat(problems(other, medicine)).isEmpty();
    }

    @Test
    void refusesAMeetingDateTodayOrInThePast() {
        assertThat(problems(validForm(TODAY), acute)).contains("meetingDate:order.meetingDate.past");
        assertThat(problems(validForm(TODAY.minusDays(3)), acute)).contains("meetingDate:order.meetingDate.past");
        OrderForm none = validForm(null);
        assertThat(problems(none, acute)).contains("meetingDate:order.meetingDate.required");
    }

    @Test
    void refusesAStartTimeOutsideTheDay() {
        OrderForm night = validForm(TODAY.plusWeeks(10));
        night.setStartTime(LocalTime.of(22, 0));
        assertThat(problems(night, acute)).containsExactly("startTime:order.startTime.range");
        night.setStartTime(LocalTime.of(5, 30));
        assertThat(problems(night, acute)).containsExactly("startTime:order.startTime.range");
    }

    @Test
    void checksCallBackMunicipalitiesAndParticipants() {
        OrderForm form = validForm(TODAY.plusWeeks(10));
        form.setCallbackAt(NOW.minusHours(1));
        form.getMunicipalityCodes().clear();
        form.getParticipants().get(0).setName("Ulla");
        form.getParticipants().get(0).setEmail("ulla@");
        assertThat(problems(form, acute))
                .containsExactlyInAnyOrder(
                        "callbackAt:order.callback.past",
                        "municipalityCodes:order.municipality.required",
                        "participants[0].email:order.participant.email");
        form.getMunicipalityCodes().add("0101");
        assertThat(problems(form, acute)).contains("municipalityCodes:order.municipality.unknown");
    }

    @Test
    void refusesAPackageInPreparation() {
        assertThat(problems(validForm(TODAY.plusWeeks(10)), attests))
                .contains("packageSlug:order.package.notOrderable");
    }

    private static List<String> problems(OrderForm form, PackageDefinition pkg) {
        return OrderRules.check(form, pkg, Set.of("0751", "0657"), TODAY, NOW).stream()
                .map(problem -> problem.field() + ":" + problem.key())
                .toList();
    }

    private static OrderForm validForm(LocalDate meeting) {
        OrderForm form = new OrderForm();
        form.setMeetingDate(meeting);
        form.setStartTime(LocalTime.of(16, 0));
        form.setVenue("Lægehuset");
        form.getMunicipalityCodes().add("0751");
        form.setFirstContact("PROVIDER");
        form.setCallbackAt(NOW.plusDays(2));
        form.setCoordinatorPhone("86 12 34 56");
        return form;
    }

    private static OrderForm medicineForm(LocalDate meeting, String... topics) {
        OrderForm form = validForm(meeting);
        form.getElectiveTopics().addAll(List.of(topics));
        return form;
    }

    private static PackageDefinition load(String slug) {
        try (InputStream in = OrderRulesTests.class.getResourceAsStream("/catalog/" + slug + ".yaml")) {
            return YAMLMapper.builder().build().readValue(in, PackageDefinition.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
