package dk.samspil.meeting;

import dk.samspil.meeting.Meetings.AgreementDraft;
import dk.samspil.ordering.Party;
import dk.samspil.ordering.PreMeetings.PreMeeting;
import dk.samspil.platform.SingleLineRule;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The meeting page's forms as typed. Each checks itself field by field and writes what was typed and what is wrong
 * under the field's id on the page ({@code block-2-notes}, {@code agreement-7-what}), so a refused save comes back
 * with the text still in its field and the message beside it.
 */
final class MeetingForms {

    static final int LINE = 300;
    static final int TEXT = 2000;
    static final int NOTES = 20_000;

    private MeetingForms() {}

    record RolesForm(String chair, String referent, String presenters, Integer version) {
        String chairText() {
            return clean(chair);
        }

        String referentText() {
            return clean(referent);
        }

        String presentersText() {
            return clean(presenters);
        }

        void check(Map<String, String> values, Map<String, String> errors) {
            values.put("chair", chairText());
            values.put("referent", referentText());
            values.put("presenters", presentersText());
            tooLong("chair", chairText(), LINE, errors);
            tooLong("referent", referentText(), LINE, errors);
            tooLong("presenters", presentersText(), TEXT, errors);
            oneLine("chair", chairText(), errors);
            oneLine("referent", referentText(), errors);
            oneLine("presenters", presentersText(), errors);
        }
    }

    record BlockForm(String start, String end, String notes, Integer version) {
        String notesText() {
            return notes == null ? "" : notes.strip();
        }

        LocalTime startTime() {
            return time(start);
        }

        LocalTime endTime() {
            return time(end);
        }

        void check(String prefix, Map<String, String> values, Map<String, String> errors) {
            values.put(prefix + "start", clean(start));
            values.put(prefix + "end", clean(end));
            values.put(prefix + "notes", notes == null ? "" : notes);
            boolean goodStart = checkTime(prefix + "start", start, errors);
            boolean goodEnd = checkTime(prefix + "end", end, errors);
            if (goodStart
                    && goodEnd
                    && startTime() != null
                    && endTime() != null
                    && endTime().isBefore(startTime())) {
                errors.put(prefix + "end", "meeting.block.end.beforeStart");
            }
            tooLong(prefix + "notes", notesText(), NOTES, errors);
        }
    }

    record ParkingForm(String text, String owner) {
        void check(Map<String, String> values, Map<String, String> errors) {
            values.put("parking-text", clean(text));
            values.put("parking-owner", clean(owner));
            if (clean(text).isEmpty()) {
                errors.put("parking-text", "meeting.parking.text.required");
            }
            tooLong("parking-text", clean(text), TEXT, errors);
            tooLong("parking-owner", clean(owner), LINE, errors);
            oneLine("parking-owner", clean(owner), errors);
        }
    }

    /** An item of a hosted meeting's own agenda: what, how many minutes, who speaks, whether it is a break. */
    record AgendaItemForm(String title, String minutes, String speaker, String pause) {
        static final int MAX_MINUTES = 600;

        void check(Map<String, String> values, Map<String, String> errors) {
            values.put("item-title", clean(title));
            values.put("item-minutes", clean(minutes));
            values.put("item-speaker", clean(speaker));
            values.put("item-pause", String.valueOf(isPause()));
            if (clean(title).isEmpty()) {
                errors.put("item-title", "meeting.agenda.title.required");
            }
            tooLong("item-title", clean(title), LINE, errors);
            oneLine("item-title", clean(title), errors);
            tooLong("item-speaker", clean(speaker), LINE, errors);
            oneLine("item-speaker", clean(speaker), errors);
            if (minutesValue() == null) {
                errors.put("item-minutes", "meeting.agenda.minutes.invalid");
            }
        }

        Integer minutesValue() {
            try {
                int value = Integer.parseInt(clean(minutes));
                return value >= 1 && value <= MAX_MINUTES ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        boolean isPause() {
            return "true".equals(clean(pause));
        }
    }

    record AgreementForm(String what, String person, String party, String due, String type, Integer version) {

        /** The same agreement without a party: a hosted meeting's agreements belong to a named person. */
        AgreementForm withoutParty() {
            return new AgreementForm(what, person, null, due, type, version);
        }

        /** The agreement; a chosen type with no text of its own is the agreement's text. */
        AgreementDraft draft() {
            String text = clean(what).isEmpty() ? clean(type) : clean(what);
            return new AgreementDraft(
                    text, clean(person), partyValue(), dueDate(), clean(type).isEmpty() ? null : clean(type));
        }

        void check(String prefix, List<String> types, Map<String, String> values, Map<String, String> errors) {
            values.put(prefix + "what", what == null ? "" : what);
            values.put(prefix + "person", clean(person));
            values.put(prefix + "party", clean(party));
            values.put(prefix + "due", clean(due));
            values.put(prefix + "type", clean(type));
            if (!clean(type).isEmpty() && !types.contains(clean(type))) {
                errors.put(prefix + "type", "meeting.agreement.type.unknown");
            }
            if (clean(what).isEmpty() && clean(type).isEmpty()) {
                errors.put(prefix + "what", "meeting.agreement.what.required");
            }
            tooLong(prefix + "what", clean(what), TEXT, errors);
            if (!clean(party).isEmpty() && partyValue() == null) {
                errors.put(prefix + "party", "meeting.agreement.party.unknown");
            } else if (clean(person).isEmpty() && partyValue() == null) {
                errors.put(prefix + "person", "meeting.agreement.who.required");
            }
            tooLong(prefix + "person", clean(person), LINE, errors);
            oneLine(prefix + "person", clean(person), errors);
            if (!clean(due).isEmpty() && dueDate() == null) {
                errors.put(prefix + "due", "meeting.agreement.due.invalid");
            }
        }

        Party partyValue() {
            try {
                return clean(party).isEmpty() ? null : Party.valueOf(clean(party));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        LocalDate dueDate() {
            try {
                return clean(due).isEmpty() ? null : LocalDate.parse(clean(due));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** The pre-meeting as typed: a day no later than the meeting, a time span, who takes part; place and notes free. */
    record PreMeetingForm(
            String date, String start, String end, String place, String attendees, String notes, Integer version) {

        static final String PREFIX = "premeeting-";

        PreMeeting draft() {
            return new PreMeeting(
                    day(),
                    time(start),
                    time(end),
                    clean(place),
                    clean(attendees),
                    notes == null ? "" : notes.strip(),
                    version == null ? -1 : version,
                    null,
                    null);
        }

        LocalDate day() {
            try {
                return clean(date).isEmpty() ? null : LocalDate.parse(clean(date));
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        void check(LocalDate meetingDate, Map<String, String> values, Map<String, String> errors) {
            values.put(PREFIX + "date", clean(date));
            values.put(PREFIX + "start", clean(start));
            values.put(PREFIX + "end", clean(end));
            values.put(PREFIX + "place", clean(place));
            values.put(PREFIX + "attendees", attendees == null ? "" : attendees);
            values.put(PREFIX + "notes", notes == null ? "" : notes);
            if (clean(date).isEmpty()) {
                errors.put(PREFIX + "date", "meeting.preMeeting.date.required");
            } else if (day() == null) {
                errors.put(PREFIX + "date", "meeting.preMeeting.date.invalid");
            } else if (day().isAfter(meetingDate)) {
                errors.put(PREFIX + "date", "meeting.preMeeting.date.afterMeeting");
            }
            if (clean(start).isEmpty()) {
                errors.put(PREFIX + "start", "meeting.preMeeting.start.required");
            }
            if (clean(end).isEmpty()) {
                errors.put(PREFIX + "end", "meeting.preMeeting.end.required");
            }
            boolean goodStart = checkTime(PREFIX + "start", start, errors);
            boolean goodEnd = checkTime(PREFIX + "end", end, errors);
            if (goodStart
                    && goodEnd
                    && time(start) != null
                    && time(end) != null
                    && !time(end).isAfter(time(start))) {
                errors.put(PREFIX + "end", "meeting.block.end.beforeStart");
            }
            tooLong(PREFIX + "place", clean(place), LINE, errors);
            oneLine(PREFIX + "place", clean(place), errors);
            if (clean(attendees).isEmpty()) {
                errors.put(PREFIX + "attendees", "meeting.preMeeting.attendees.required");
            }
            tooLong(PREFIX + "attendees", clean(attendees), TEXT, errors);
            tooLong(PREFIX + "notes", notes == null ? "" : notes.strip(), NOTES, errors);
        }
    }

    /** Who was there: the ticked people by key, and others present as free text. */
    record AttendanceForm(List<String> present, String others, Integer version) {
        Set<String> presentKeys() {
            return present == null
                    ? Set.of()
                    : Set.copyOf(present.stream().map(MeetingForms::clean).toList());
        }

        String othersText() {
            return clean(others);
        }

        void check(Map<String, String> values, Map<String, String> errors) {
            values.put("attendance-others", others == null ? "" : others);
            tooLong("attendance-others", othersText(), TEXT, errors);
        }
    }

    record StatusForm(String from, String to, String reason) {
        AgreementStatus fromStatus() {
            return status(from);
        }

        AgreementStatus toStatus() {
            return status(to);
        }

        String reasonText() {
            return reason == null ? "" : reason.strip();
        }

        private static AgreementStatus status(String value) {
            try {
                return value == null ? null : AgreementStatus.valueOf(value.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    static LocalTime time(String value) {
        try {
            return clean(value).isEmpty() ? null : LocalTime.parse(clean(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean checkTime(String field, String value, Map<String, String> errors) {
        if (!clean(value).isEmpty() && time(value) == null) {
            errors.put(field, "meeting.block.time.invalid");
            return false;
        }
        return true;
    }

    private static void oneLine(String field, String value, Map<String, String> errors) {
        if (!SingleLineRule.holds(value)) {
            errors.putIfAbsent(field, SingleLineRule.KEY);
        }
    }

    private static void tooLong(String field, String value, int max, Map<String, String> errors) {
        if (value.length() > max) {
            errors.putIfAbsent(field, "meeting.tooLong");
        }
    }
}
