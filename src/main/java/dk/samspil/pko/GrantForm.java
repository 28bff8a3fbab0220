package dk.samspil.pko;

import dk.samspil.pko.PkoEveningLogistics.Grant;
import dk.samspil.pko.PkoEveningLogistics.GrantDraft;
import dk.samspil.pko.PkoEveningLogistics.GrantStatus;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.validation.BindingResult;

/**
 * The coordinator's note of a grant application to Fonden for Almen Praksis: status, the date applied (or planned),
 * the amount in kroner (optional; "25.000" or "25.000,50" as a Dane writes it) and a note. The version is the one the
 * page was read at (0 before the first save).
 */
class GrantForm {

    static final BigDecimal MOST = new BigDecimal("10000000");

    private String grantStatus = GrantStatus.PLANNED.name();
    private String grantAppliedOn;
    private String grantAmount;

    @Size(max = 2000, message = "{field.tooLong}")
    private String grantNote;

    private Integer grantVersion = 0;

    static GrantForm of(Grant grant) {
        GrantForm form = new GrantForm();
        form.grantStatus = grant.status().name();
        form.grantAppliedOn =
                grant.appliedOn() == null ? null : grant.appliedOn().toString();
        form.grantAmount = grant.amountText();
        form.grantNote = grant.note();
        form.grantVersion = grant.version();
        return form;
    }

    /** Applied (or decided) is a date that has been, and needs one; planned may name the day it will be sent. */
    void check(BindingResult result, LocalDate today) {
        GrantStatus status = statusValue();
        if (status == null) {
            result.rejectValue("grantStatus", "pko.evening.grant.status.required");
        }
        LocalDate applied = appliedOnValue();
        if (!PlanFields.blank(grantAppliedOn) && applied == null) {
            result.rejectValue("grantAppliedOn", "pko.meetings.date.invalid");
        } else if (applied == null && status != null && status != GrantStatus.PLANNED) {
            result.rejectValue("grantAppliedOn", "pko.evening.grant.appliedOn.required");
        } else if (applied != null && status != null && status != GrantStatus.PLANNED && applied.isAfter(today)) {
            result.rejectValue("grantAppliedOn", "pko.evening.grant.appliedOn.future");
        }
        if (!PlanFields.blank(grantAmount) && amountValue() == null) {
            result.rejectValue("grantAmount", "pko.evening.grant.amount.invalid");
        }
    }

    GrantStatus statusValue() {
        try {
            return grantStatus == null ? null : GrantStatus.valueOf(grantStatus.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    LocalDate appliedOnValue() {
        return PlanFields.date(grantAppliedOn);
    }

    /**
     * The amount in kroner, with at most two decimals, from 0 to 10 million: "25000", "25.000", "25 000", "25.000,50"
     * (a dot groups thousands, a comma marks the øre); null when blank or not such an amount.
     */
    BigDecimal amountValue() {
        if (PlanFields.blank(grantAmount)) {
            return null;
        }
        String text = grantAmount
                .strip()
                .replaceAll("(?i)\\s*kr\\.?$", "")
                .replace(" ", "")
                .replace("\u00a0", "");
        if (!text.matches("\\d{1,3}(\\.\\d{3})*(,\\d{1,2})?|\\d+(,\\d{1,2})?")) {
            return null;
        }
        BigDecimal amount = new BigDecimal(text.replace(".", "").replace(',', '.'));
        return amount.compareTo(MOST) > 0 ? null : amount;
    }

    GrantDraft draft() {
        return new GrantDraft(
                statusValue(), appliedOnValue(), amountValue(), grantNote == null ? "" : grantNote.strip());
    }

    int version() {
        return grantVersion == null || grantVersion < 0 ? 0 : grantVersion;
    }

    public String getGrantStatus() {
        return grantStatus;
    }

    public void setGrantStatus(String grantStatus) {
        this.grantStatus = grantStatus;
    }

    public String getGrantAppliedOn() {
        return grantAppliedOn;
    }

    public void setGrantAppliedOn(String grantAppliedOn) {
        this.grantAppliedOn = grantAppliedOn;
    }

    public String getGrantAmount() {
        return grantAmount;
    }

    public void setGrantAmount(String grantAmount) {
        this.grantAmount = grantAmount;
    }

    public String getGrantNote() {
        return grantNote;
    }

    public void setGrantNote(String grantNote) {
        this.grantNote = grantNote;
    }

    public Integer getGrantVersion() {
        return grantVersion;
    }

    public void setGrantVersion(Integer grantVersion) {
        this.grantVersion = grantVersion;
    }
}
