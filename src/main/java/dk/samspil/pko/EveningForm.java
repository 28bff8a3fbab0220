package dk.samspil.pko;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.validation.BindingResult;

/**
 * An evening meeting being planned: the unit, date, times (17.00–20.00 unless changed), place, format and the
 * deadline of the call for talks. Dates and times are text so that a malformed one gets the Danish message at its
 * field; what is unusual but allowed (a weekend, a third meeting in the year) is a warning after saving, not a refusal.
 */
class EveningForm {

    private Long unitId;
    private String date;
    private String start = "17:00";
    private String end = "20:00";

    @Size(max = 300, message = "{field.tooLong}")
    @SingleLine
    private String place;

    private String format = PkoEveningMeetings.Format.LARGE.name();
    private String callDeadline;

    void check(BindingResult result, LocalDate today) {
        LocalDate day = date(date);
        if (day == null) {
            result.rejectValue("date", blank(date) ? "pko.meetings.date.required" : "pko.meetings.date.invalid");
        } else if (day.isBefore(today)) {
            result.rejectValue("date", "pko.meetings.date.past");
        } else if (day.isAfter(today.plusYears(3))) {
            result.rejectValue("date", "pko.meetings.date.tooFar");
        }
        if (time(start) == null) {
            result.rejectValue("start", "pko.meetings.start.invalid");
        }
        if (time(end) == null) {
            result.rejectValue("end", "pko.meetings.start.invalid");
        } else if (time(start) != null && !time(end).isAfter(time(start))) {
            result.rejectValue("end", "pko.evening.end.beforeStart");
        }
        if (formatValue() == null) {
            result.rejectValue("format", "pko.evening.format.required");
        }
        LocalDate deadline = date(callDeadline);
        if (!blank(callDeadline) && deadline == null) {
            result.rejectValue("callDeadline", "pko.meetings.date.invalid");
        } else if (deadline != null && day != null && !deadline.isBefore(day)) {
            result.rejectValue("callDeadline", "pko.evening.deadline.afterMeeting");
        }
    }

    LocalDate dateValue() {
        return date(date);
    }

    LocalTime startValue() {
        return time(start);
    }

    LocalTime endValue() {
        return time(end);
    }

    LocalDate callDeadlineValue() {
        return date(callDeadline);
    }

    PkoEveningMeetings.Format formatValue() {
        try {
            return format == null ? null : PkoEveningMeetings.Format.valueOf(format.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    String placeText() {
        return place == null ? "" : place.strip();
    }

    private static LocalDate date(String value) {
        try {
            return blank(value) ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalTime time(String value) {
        try {
            return blank(value) ? null : LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getCallDeadline() {
        return callDeadline;
    }

    public void setCallDeadline(String callDeadline) {
        this.callDeadline = callDeadline;
    }
}
