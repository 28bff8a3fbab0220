package dk.samspil.pko;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A contract as the person page's form makes it. */
class ContractForm {

    private Long attachmentId;

    @NotBlank(message = "{pko.contract.payer.required}")
    @Pattern(regexp = "^$|[HK]:[0-9]{1,18}|M:[0-9]{4}", message = "{pko.contract.payer.required}")
    private String payer;

    @NotNull(message = "{pko.contract.startsOn.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startsOn;

    @NotNull(message = "{pko.contract.endsOn.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endsOn;

    @NotNull(message = "{pko.contract.payment.required}")
    @Pattern(regexp = "FIXED|BY_HOURS", message = "{pko.contract.payment.required}")
    private String payment;

    @Pattern(regexp = "^\\s*$|^\\s*[0-9]{1,4}([.,][0-9]{1,2})?\\s*$", message = "{pko.contract.fixedHours.invalid}")
    private String fixedHours;

    BigDecimal fixedHoursValue() {
        return fixedHours == null || fixedHours.isBlank()
                ? null
                : new BigDecimal(fixedHours.strip().replace(',', '.'));
    }

    public Long getAttachmentId() {
        return attachmentId;
    }

    public void setAttachmentId(Long attachmentId) {
        this.attachmentId = attachmentId;
    }

    public String getPayer() {
        return payer;
    }

    public void setPayer(String payer) {
        this.payer = payer;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public String getPayment() {
        return payment;
    }

    public void setPayment(String payment) {
        this.payment = payment;
    }

    public String getFixedHours() {
        return fixedHours;
    }

    public void setFixedHours(String fixedHours) {
        this.fixedHours = fixedHours;
    }
}
