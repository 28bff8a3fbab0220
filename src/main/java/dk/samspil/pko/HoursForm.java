package dk.samspil.pko;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** One registration of hours: day, contract, task kind, hours (Danish decimal comma, e.g. "1,5") and a note. */
class HoursForm {

    @NotNull(message = "{pko.hours.contract.required}")
    private Long contractId;

    @NotNull(message = "{pko.hours.day.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate workedOn;

    @NotNull(message = "{pko.hours.task.required}")
    private TaskKind taskKind;

    @NotNull(message = "{pko.hours.hours.required}")
    @Pattern(regexp = "^\\s*([0-9]{1,2})([.,][0-9]{1,2})?\\s*$", message = "{pko.hours.hours.invalid}")
    private String hours;

    @Size(max = 500, message = "{field.tooLong}")
    @SingleLine
    private String note;

    /** The hours as a number; null when the text is not one (the pattern says so at the field). */
    BigDecimal hoursValue() {
        if (hours == null || !hours.strip().matches("[0-9]{1,2}([.,][0-9]{1,2})?")) {
            return null;
        }
        return new BigDecimal(hours.strip().replace(',', '.'));
    }

    static HoursForm of(PkoHours.Entry entry) {
        HoursForm form = new HoursForm();
        form.contractId = entry.contractId();
        form.workedOn = entry.workedOn();
        form.taskKind = entry.taskKind();
        form.hours = entry.hours().stripTrailingZeros().toPlainString().replace('.', ',');
        form.note = entry.note();
        return form;
    }

    public Long getContractId() {
        return contractId;
    }

    public void setContractId(Long contractId) {
        this.contractId = contractId;
    }

    public LocalDate getWorkedOn() {
        return workedOn;
    }

    public void setWorkedOn(LocalDate workedOn) {
        this.workedOn = workedOn;
    }

    public TaskKind getTaskKind() {
        return taskKind;
    }

    public void setTaskKind(TaskKind taskKind) {
        this.taskKind = taskKind;
    }

    public String getHours() {
        return hours;
    }

    public void setHours(String hours) {
        this.hours = hours;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
