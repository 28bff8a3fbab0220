package dk.samspil.pko;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A consultant's or coordinator's contract for one attachment (or the post as a whole): who issues and pays it, the
 * period, and either a fixed number of hours per year ("fast timeantal") or payment by hours used.
 */
record Contract(
        long id,
        long personId,
        String personName,
        String regionCode,
        Long attachmentId,
        String attachmentLabel,
        Long payerUnitId,
        String payerMunicipalityCode,
        Long payerBodyId,
        String payerName,
        LocalDate startsOn,
        LocalDate endsOn,
        String payment,
        BigDecimal fixedHoursPerYear) {

    public boolean fixed() {
        return "FIXED".equals(payment);
    }

    public boolean covers(YearMonth month) {
        return !month.atEndOfMonth().isBefore(startsOn) && !month.atDay(1).isAfter(endsOn);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** The fixed hours of one month of the contract: a twelfth of the year's, none outside the period. */
    public BigDecimal fixedHours(YearMonth month) {
        return fixed() && covers(month)
                ? fixedHoursPerYear.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(2);
    }

    /** "H:12", "M:0751" or "K:3": the payer as the contract form names it. */
    public String payerKey() {
        return payerUnitId != null
                ? "H:" + payerUnitId
                : payerMunicipalityCode != null ? "M:" + payerMunicipalityCode : "K:" + payerBodyId;
    }

    public String label() {
        return attachmentLabel == null ? payerName : attachmentLabel;
    }
}
