package dk.samspil.pko;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.validation.BindingResult;

/**
 * A new item on an evening meeting's checklist: what, who (a name, e.g. the hospital's administrative staff member)
 * and by when. The fields are named for the checklist because the page has other forms; the date is text so that a
 * malformed one gets its Danish message at the field.
 */
class TaskForm {

    @NotBlank(message = "{pko.evening.task.text.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String taskText;

    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String taskOwner;

    private String taskDue;

    /** A new item is due today or later. */
    void check(BindingResult result, LocalDate today) {
        LocalDate due = dueValue();
        if (due == null) {
            result.rejectValue(
                    "taskDue",
                    PlanFields.blank(taskDue) ? "pko.evening.task.due.required" : "pko.meetings.date.invalid");
        } else if (due.isBefore(today)) {
            result.rejectValue("taskDue", "pko.evening.task.due.past");
        } else if (due.isAfter(today.plusYears(3))) {
            result.rejectValue("taskDue", "pko.meetings.date.tooFar");
        }
    }

    LocalDate dueValue() {
        return PlanFields.date(taskDue);
    }

    String text() {
        return taskText.strip();
    }

    String owner() {
        return taskOwner == null ? "" : taskOwner.strip();
    }

    public String getTaskText() {
        return taskText;
    }

    public void setTaskText(String taskText) {
        this.taskText = taskText;
    }

    public String getTaskOwner() {
        return taskOwner;
    }

    public void setTaskOwner(String taskOwner) {
        this.taskOwner = taskOwner;
    }

    public String getTaskDue() {
        return taskDue;
    }

    public void setTaskDue(String taskDue) {
        this.taskDue = taskDue;
    }
}
