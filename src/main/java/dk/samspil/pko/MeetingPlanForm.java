package dk.samspil.pko;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.validation.BindingResult;

/**
 * A meeting of the scheme being planned: which kind (the unit's consultants, the coordinators, or a consultant's own
 * meeting with a department or municipality), with whom, date, start, place, and whether the municipal consultants
 * are invited. Date and time are text here so that a malformed
 * one gets the Danish message at its field, not a conversion error.
 */
class MeetingPlanForm {

    private String kind = PkoMeetings.Kind.UNIT_CONSULTANTS.name();
    private Long unitId;
    private Long departmentId;
    /** The administrator's choice of region for a coordinators' meeting (everyone else plans in their own). */
    private String regionCode;

    private String municipalityCode;
    private String date;
    private String start = "14:00";

    @Size(max = 300, message = "{field.tooLong}")
    @SingleLine
    private String place;

    private boolean municipalInvited;

    /** Checks what the annotations cannot; the kind and unit the viewer may plan are checked by the controller. */
    void check(BindingResult result, LocalDate today) {
        if (kindValue() == null) {
            result.rejectValue("kind", "pko.meetings.kind.required");
        }
        LocalDate day = dateValue();
        if (day == null) {
            result.rejectValue(
                    "date", PlanFields.blank(date) ? "pko.meetings.date.required" : "pko.meetings.date.invalid");
        } else if (day.isBefore(today)) {
            result.rejectValue("date", "pko.meetings.date.past");
        } else if (day.isAfter(today.plusYears(3))) {
            result.rejectValue("date", "pko.meetings.date.tooFar");
        }
        if (startValue() == null) {
            result.rejectValue("start", "pko.meetings.start.invalid");
        }
    }

    PkoMeetings.Kind kindValue() {
        try {
            return kind == null ? null : PkoMeetings.Kind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    LocalDate dateValue() {
        return PlanFields.date(date);
    }

    LocalTime startValue() {
        return PlanFields.time(start);
    }

    String placeText() {
        return place == null ? "" : place.strip();
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(Long departmentId) {
        this.departmentId = departmentId;
    }

    public String getMunicipalityCode() {
        return municipalityCode;
    }

    public void setMunicipalityCode(String municipalityCode) {
        this.municipalityCode = municipalityCode;
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

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public boolean isMunicipalInvited() {
        return municipalInvited;
    }

    public void setMunicipalInvited(boolean municipalInvited) {
        this.municipalInvited = municipalInvited;
    }
}
