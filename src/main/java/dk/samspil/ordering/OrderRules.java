package dk.samspil.ordering;

import dk.samspil.catalog.PackageDefinition;
import dk.samspil.platform.SingleLineRule;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules an order must meet (PRODUCT.md §4), each with its Danish message at the field: a package with a
 * binding lead time (KiAP: 8 weeks) is refused later than that; a recommended lead time (MidtKraft's medicine
 * package: about 4 months) warns, and the coordinator may accept the warning; exactly the package's number of
 * elective topics; a meeting date ahead; a start time within a working day's reach.
 */
final class OrderRules {

    private static final Pattern PHONE = Pattern.compile("(\\+45 ?)?(\\d ?){7}\\d|\\+[1-9][\\d ]{6,18}\\d");

    static final LocalTime EARLIEST_START = LocalTime.of(7, 0);
    static final LocalTime LATEST_START = LocalTime.of(20, 0);
    static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    /** A problem with one field: the message key and its arguments. */
    record Problem(String field, String key, Object... args) {}

    private OrderRules() {}

    static List<Problem> check(
            OrderForm form,
            PackageDefinition pkg,
            Set<String> allowedMunicipalities,
            LocalDate today,
            LocalDateTime now) {
        List<Problem> problems = new ArrayList<>();
        if (!pkg.orderable()) {
            problems.add(new Problem("packageSlug", "order.package.notOrderable"));
        }
        checkDate(form, pkg, today, problems);
        checkStart(form, pkg, problems);
        checkVenue(form, problems);
        if (form.getMunicipalityCodes().isEmpty()) {
            problems.add(new Problem("municipalityCodes", "order.municipality.required"));
        } else if (!allowedMunicipalities.containsAll(form.getMunicipalityCodes())) {
            problems.add(new Problem("municipalityCodes", "order.municipality.unknown"));
        }
        checkPhone(form, problems);
        if (!"PROVIDER".equals(form.getFirstContact()) && !"CLUSTER".equals(form.getFirstContact())) {
            problems.add(new Problem("firstContact", "order.firstContact.required"));
        }
        checkCallback(form, now, problems);
        checkParticipants(form, problems);
        checkElectives(form, pkg, problems);
        return problems;
    }

    /**
     * The rules of a change after the order is placed (the meeting date, start time, venue, municipal participants
     * and elective topics), as at order time: a date ahead (the lead time was the order's, a moved meeting is not
     * refused for it), the package's number of elective topics, each participant once.
     */
    static List<Problem> checkChange(OrderForm form, PackageDefinition pkg, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        LocalDate date = form.getMeetingDate();
        if (date == null) {
            problems.add(new Problem("meetingDate", "order.meetingDate.required"));
        } else if (!date.isAfter(today)) {
            problems.add(new Problem("meetingDate", "order.meetingDate.past"));
        } else if (date.isAfter(today.plusYears(2))) {
            problems.add(new Problem("meetingDate", "order.meetingDate.tooFar"));
        }
        checkStart(form, pkg, problems);
        checkVenue(form, problems);
        checkParticipants(form, problems);
        Set<String> seen = new HashSet<>();
        List<OrderForm.ParticipantForm> rows = form.getParticipants();
        for (int i = 0; i < rows.size(); i++) {
            String email = rows.get(i).getEmail();
            if (!rows.get(i).isBlank()
                    && email != null
                    && !seen.add(email.strip().toLowerCase(Locale.ROOT))) {
                problems.add(new Problem("participants[" + i + "].email", "order.participant.duplicate"));
            }
        }
        checkElectives(form, pkg, problems);
        if (form.getElectiveOther() != null && form.getElectiveOther().length() > 200) {
            problems.add(new Problem("electiveOther", "field.tooLong"));
        }
        return problems;
    }

    private static void checkVenue(OrderForm form, List<Problem> problems) {
        if (form.getVenue() == null || form.getVenue().isBlank()) {
            problems.add(new Problem("venue", "order.venue.required"));
        } else if (form.getVenue().length() > 300) {
            problems.add(new Problem("venue", "field.tooLong"));
        } else if (!SingleLineRule.holds(form.getVenue())) {
            problems.add(new Problem("venue", SingleLineRule.KEY));
        }
    }

    /** The consultant calls the coordinator back: a Danish number of eight digits, spaces and +45 allowed. */
    static void checkPhone(OrderForm form, List<Problem> problems) {
        String phone = form.getCoordinatorPhone().strip();
        if (phone.isEmpty()) {
            problems.add(new Problem("coordinatorPhone", "order.coordinatorPhone.required"));
        } else if (phone.length() > 40 || !PHONE.matcher(phone).matches()) {
            problems.add(new Problem("coordinatorPhone", "order.coordinatorPhone.invalid"));
        }
    }

    private static void checkDate(OrderForm form, PackageDefinition pkg, LocalDate today, List<Problem> problems) {
        LocalDate date = form.getMeetingDate();
        if (date == null) {
            problems.add(new Problem("meetingDate", "order.meetingDate.required"));
            return;
        }
        if (!date.isAfter(today)) {
            problems.add(new Problem("meetingDate", "order.meetingDate.past"));
            return;
        }
        if (date.isAfter(today.plusYears(2))) {
            problems.add(new Problem("meetingDate", "order.meetingDate.tooFar"));
            return;
        }
        PackageDefinition.LeadTime lead = pkg.leadTime();
        if (lead == null) {
            return;
        }
        LocalDate earliest = today.plusWeeks(lead.weeks());
        if (date.isBefore(earliest)) {
            if (lead.binding()) {
                problems.add(new Problem(
                        "meetingDate", "order.meetingDate.leadTime", lead.weeks(), DANISH_DATE.format(earliest)));
            } else if (!form.isAcceptLeadTimeWarning()) {
                problems.add(new Problem(
                        "acceptLeadTimeWarning",
                        "order.meetingDate.leadTimeWarning",
                        lead.weeks(),
                        DANISH_DATE.format(earliest)));
            }
        }
    }

    private static void checkStart(OrderForm form, PackageDefinition pkg, List<Problem> problems) {
        LocalTime start = form.getStartTime();
        if (start == null) {
            problems.add(new Problem("startTime", "order.startTime.required"));
        } else if (start.isBefore(EARLIEST_START)
                || start.isAfter(LATEST_START)
                || start.plusMinutes(pkg.meetingMinutes()).isBefore(start)) {
            problems.add(new Problem("startTime", "order.startTime.range"));
        }
    }

    private static void checkCallback(OrderForm form, LocalDateTime now, List<Problem> problems) {
        LocalDateTime callback = form.getCallbackAt();
        if (callback == null) {
            problems.add(new Problem("callbackAt", "order.callback.required"));
        } else if (callback.isBefore(now)) {
            problems.add(new Problem("callbackAt", "order.callback.past"));
        } else if (form.getMeetingDate() != null && !callback.toLocalDate().isBefore(form.getMeetingDate())) {
            problems.add(new Problem("callbackAt", "order.callback.afterMeeting"));
        }
    }

    private static void checkParticipants(OrderForm form, List<Problem> problems) {
        List<OrderForm.ParticipantForm> rows = form.getParticipants();
        for (int i = 0; i < rows.size(); i++) {
            OrderForm.ParticipantForm row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            if (row.getName() == null || row.getName().isBlank()) {
                problems.add(new Problem("participants[" + i + "].name", "order.participant.name"));
            } else if (!SingleLineRule.holds(row.getName()) || row.getName().length() > 200) {
                problems.add(new Problem(
                        "participants[" + i + "].name",
                        SingleLineRule.holds(row.getName()) ? "field.tooLong" : SingleLineRule.KEY));
            }
            if (!SingleLineRule.holds(row.getRole())
                    || (row.getRole() != null && row.getRole().length() > 200)) {
                problems.add(new Problem(
                        "participants[" + i + "].role",
                        SingleLineRule.holds(row.getRole()) ? "field.tooLong" : SingleLineRule.KEY));
            }
            if (row.getEmail() == null
                    || !EMAIL.matcher(row.getEmail().trim()).matches()
                    || row.getEmail().length() > 254
                    || !SingleLineRule.holds(row.getEmail())) {
                problems.add(new Problem("participants[" + i + "].email", "order.participant.email"));
            }
            if (row.getMunicipalityCode() != null
                    && !row.getMunicipalityCode().isBlank()
                    && !form.getMunicipalityCodes().contains(row.getMunicipalityCode())) {
                problems.add(new Problem("participants[" + i + "].municipalityCode", "order.participant.municipality"));
            }
        }
    }

    private static void checkElectives(OrderForm form, PackageDefinition pkg, List<Problem> problems) {
        PackageDefinition.ElectiveTopics electives = pkg.electiveTopics();
        if (electives == null) {
            return;
        }
        List<String> chosen = form.getElectiveTopics();
        Set<String> known = Set.copyOf(electives.options().stream()
                .map(PackageDefinition.ElectiveOption::key)
                .toList());
        if (!known.containsAll(chosen) || chosen.size() != electives.choose()) {
            problems.add(new Problem("electiveTopics", "order.electives.count", electives.choose()));
            return;
        }
        boolean needsText =
                electives.options().stream().anyMatch(option -> option.freeText() && chosen.contains(option.key()));
        if (needsText
                && (form.getElectiveOther() == null || form.getElectiveOther().isBlank())) {
            problems.add(new Problem("electiveOther", "order.electives.otherText"));
        } else if (needsText && !SingleLineRule.holds(form.getElectiveOther())) {
            problems.add(new Problem("electiveOther", SingleLineRule.KEY));
        }
    }
}
