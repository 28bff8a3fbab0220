package dk.samspil.pko;

import dk.samspil.pko.PkoCollaborations.Collaboration;
import dk.samspil.pko.PkoCollaborations.Format;
import dk.samspil.pko.PkoCollaborations.Pays;
import dk.samspil.pko.PkoCollaborations.Plan;
import dk.samspil.pko.PkoCollaborations.Topic;
import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.validation.BindingResult;

/**
 * A collaboration meeting as planned: the municipality, the topic (one of the handbook's eight or free text), the
 * consultant's role, the goal, the organisers' mandate, whether the municipality pays, the format, date, start and
 * place. Date and time are text so that a malformed one gets its Danish message at the field.
 */
class CollaborationForm {

    static final String OTHER = "OTHER";

    private String municipalityCode;
    private String topic;

    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String topicText;

    @Size(max = 1000, message = "{field.tooLong}")
    private String consultantRole;

    @Size(max = 2000, message = "{field.tooLong}")
    private String goal;

    /** "", YES or NO. */
    private String mandate = "";

    private String pays = Pays.UNKNOWN.name();
    private String format = Format.TALKS.name();
    private String date;
    private String start = "16:00";

    @Size(max = 300, message = "{field.tooLong}")
    @SingleLine
    private String place;

    private Long reviewId;
    private int version = -1;

    static CollaborationForm of(Collaboration c) {
        CollaborationForm form = new CollaborationForm();
        form.municipalityCode = c.municipalityCode();
        form.topic = c.topic() == null ? OTHER : c.topic().name();
        form.topicText = c.topicText();
        form.consultantRole = c.consultantRole();
        form.goal = c.goal();
        form.mandate = c.mandate() == null ? "" : (c.mandate() ? "YES" : "NO");
        form.pays = c.pays().name();
        form.format = c.format().name();
        form.date = c.date().toString();
        form.start = c.start().toString();
        form.place = c.place();
        form.reviewId = c.reviewId();
        form.version = c.version();
        return form;
    }

    /** Checks what the annotations cannot; the municipality and the review the viewer may choose are the controller's. */
    void check(BindingResult result, LocalDate today, LocalDate stored) {
        if (topicValue() == null && !OTHER.equals(clean(topic))) {
            result.rejectValue("topic", "pko.collab.topic.required");
        } else if (topicValue() == null && clean(topicText).isEmpty() && !result.hasFieldErrors("topicText")) {
            result.rejectValue("topicText", "pko.collab.topicText.required");
        }
        if (!mandate.isEmpty() && !"YES".equals(mandate) && !"NO".equals(mandate)) {
            result.rejectValue("mandate", "pko.collab.mandate.invalid");
        }
        if (paysValue() == null) {
            result.rejectValue("pays", "pko.collab.pays.invalid");
        }
        if (formatValue() == null) {
            result.rejectValue("format", "pko.collab.format.required");
        }
        LocalDate day = dateValue();
        if (day == null) {
            result.rejectValue(
                    "date", PlanFields.blank(date) ? "pko.meetings.date.required" : "pko.meetings.date.invalid");
        } else if (day.isBefore(today) && !day.equals(stored)) {
            result.rejectValue("date", "pko.meetings.date.past");
        } else if (day.isAfter(today.plusYears(3))) {
            result.rejectValue("date", "pko.meetings.date.tooFar");
        }
        if (startValue() == null) {
            result.rejectValue("start", "pko.meetings.start.invalid");
        }
    }

    Plan plan() {
        Topic chosen = topicValue();
        return new Plan(
                chosen,
                chosen == null ? clean(topicText) : null,
                clean(consultantRole),
                clean(goal),
                mandate.isEmpty() ? null : "YES".equals(mandate),
                paysValue(),
                formatValue(),
                dateValue(),
                startValue(),
                clean(place),
                reviewId);
    }

    Topic topicValue() {
        return PlanFields.choice(Topic.class, topic);
    }

    Pays paysValue() {
        return PlanFields.choice(Pays.class, pays);
    }

    Format formatValue() {
        return PlanFields.choice(Format.class, format);
    }

    LocalDate dateValue() {
        return PlanFields.date(date);
    }

    LocalTime startValue() {
        return PlanFields.time(start);
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    public String getMunicipalityCode() {
        return municipalityCode;
    }

    public void setMunicipalityCode(String municipalityCode) {
        this.municipalityCode = municipalityCode;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getTopicText() {
        return topicText;
    }

    public void setTopicText(String topicText) {
        this.topicText = topicText;
    }

    public String getConsultantRole() {
        return consultantRole;
    }

    public void setConsultantRole(String consultantRole) {
        this.consultantRole = consultantRole;
    }

    public String getGoal() {
        return goal;
    }

    public void setGoal(String goal) {
        this.goal = goal;
    }

    public String getMandate() {
        return mandate;
    }

    public void setMandate(String mandate) {
        this.mandate = mandate == null ? "" : mandate.strip();
    }

    public String getPays() {
        return pays;
    }

    public void setPays(String pays) {
        this.pays = pays;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
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

    public Long getReviewId() {
        return reviewId;
    }

    public void setReviewId(Long reviewId) {
        this.reviewId = reviewId;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
