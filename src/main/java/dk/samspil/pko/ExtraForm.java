package dk.samspil.pko;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A request for extra hours beyond the fixed number: the month, the hours and the reason. */
class ExtraForm {

    @Pattern(regexp = "[0-9]{4}-[0-9]{2}", message = "{pko.extra.month.required}")
    private String month;

    @Pattern(regexp = "^\\s*[0-9]{1,3}([.,][0-9]{1,2})?\\s*$", message = "{pko.extra.hours.invalid}")
    private String hours;

    @NotBlank(message = "{pko.extra.reason.required}")
    @Size(max = 1000, message = "{field.tooLong}")
    private String reason;

    BigDecimal hoursValue() {
        return new BigDecimal(hours.strip().replace(',', '.'));
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getHours() {
        return hours;
    }

    public void setHours(String hours) {
        this.hours = hours;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
