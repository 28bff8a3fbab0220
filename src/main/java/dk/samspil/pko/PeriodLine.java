package dk.samspil.pko;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One contract's month in the payment overview. Extra hours count only as far as the payer approved them and
 * they were used beyond the fixed hours: to pay = fixed + min(approved extra, used − fixed) for a fixed contract,
 * the hours used for a contract paid by hours used.
 */
record PeriodLine(
        Contract contract,
        YearMonth month,
        BigDecimal fixed,
        BigDecimal used,
        BigDecimal approvedExtra,
        BigDecimal toPay,
        boolean consultantApproved,
        boolean payerApproved) {

    static PeriodLine of(
            Contract contract,
            YearMonth month,
            BigDecimal used,
            BigDecimal approvedExtra,
            boolean consultantApproved,
            boolean payerApproved) {
        BigDecimal fixed = contract.fixedHours(month);
        BigDecimal toPay;
        if (contract.fixed()) {
            BigDecimal beyond = used.subtract(fixed).max(BigDecimal.ZERO);
            toPay = fixed.add(beyond.min(approvedExtra));
        } else {
            toPay = used;
        }
        return new PeriodLine(contract, month, fixed, used, approvedExtra, toPay, consultantApproved, payerApproved);
    }

    /** Open, approved by the consultant, or approved for payment. */
    public String statusKey() {
        return payerApproved
                ? "pko.period.status.paid"
                : consultantApproved ? "pko.period.status.approved" : "pko.period.status.open";
    }

    /** Hours may be changed until the consultant has approved the period. */
    public boolean locked() {
        return consultantApproved;
    }
}
