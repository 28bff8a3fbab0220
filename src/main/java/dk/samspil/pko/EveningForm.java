package dk.samspil.pko;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
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
        LocalDate day = PlanFields.date(date);
        if (day == null) {
            result.rejectValue(
                    "date", PlanFields.blank(date) ? "pko.meetings.date.required" : "pko.meetings.date.invalid");
        } else if (day.isBefore(today)) {
            result.rejectValue("date", "pko.meetings.date.past");
        } else if (day.isAfter(today.plusYears(3))) {
            result.rejectValue("date", "pko.meetings.date.tooFar");
        }
        if (PlanFields.time(start) == null) {
            result.rejectValue("start", "pko.meetings.start.invalid");
        }
        if (PlanFields.time(end) == null) {
            result.rejectValue("end", "pko.meetings.start.invalid");
        } else if (PlanFields.time(start) != null && !PlanFields.time(end).isAfter(PlanFields.time(start))) {
            result.rejectValue("end", "pko.evening.end.beforeStart");
        }
        if (formatValue() == null) {
            result.rejectValue("format", "pko.evening.format.required");
        }
        LocalDate deadline = PlanFields.date(callDeadline);
        if (!PlanFields.blank(callDeadline) && deadline == null) {
            result.rejectValue("callDeadline", "pko.meetings.date.invalid");
        } else if (deadline != null && deadline.isBefore(today)) {
            result.rejectValue("callDeadline", "pko.meetings.date.past");
        } else if (deadline != null && day != null && !deadline.isBefore(day)) {
            result.rejectValue("callDeadline", "pko.evening.deadline.afterMeeting");
        }
    }

    LocalDate dateValue() {
        return PlanFields.date(date);
    }

    LocalTime startValue() {
        return PlanFields.time(start);
    }

    LocalTime endValue() {
        return PlanFields.time(end);
    }

    LocalDate callDeadlineValue() {
        return PlanFields.date(callDeadline);
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
