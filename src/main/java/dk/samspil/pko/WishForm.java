package dk.samspil.pko;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A consultant's wish for a talk at an evening meeting: the department, the topic, the speaker and the minutes. */
class WishForm {

    @NotNull(message = "{pko.evening.wish.department.required}")
    private Long departmentId;

    @NotBlank(message = "{pko.evening.wish.topic.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String topic;

    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String speaker;

    private String minutes = "20";

    /** The minutes as a number from 5 to 60; null otherwise (the controller says so at the field). */
    Integer minutesValue() {
        try {
            int value = Integer.parseInt(minutes == null ? "" : minutes.strip());
            return value >= 5 && value <= 60 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(Long departmentId) {
        this.departmentId = departmentId;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getSpeaker() {
        return speaker;
    }

    public void setSpeaker(String speaker) {
        this.speaker = speaker;
    }

    public String getMinutes() {
        return minutes;
    }

    public void setMinutes(String minutes) {
        this.minutes = minutes;
    }
}
