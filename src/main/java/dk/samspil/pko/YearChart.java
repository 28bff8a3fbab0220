package dk.samspil.pko;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A contract's year month by month, summed up: hours used so far against the hours the contract gives so far
 * (fixed plus approved extra; for a contract paid by hours used, the hours used). Drawn as a chart beside its table.
 */
record YearChart(YearMonth month, BigDecimal used, BigDecimal usedSoFar, BigDecimal contractSoFar) {

    static List<YearChart> of(List<PeriodLine> lines) {
        List<YearChart> months = new ArrayList<>();
        BigDecimal used = BigDecimal.ZERO.setScale(2);
        BigDecimal contract = BigDecimal.ZERO.setScale(2);
        for (PeriodLine line : lines) {
            used = used.add(line.used());
            contract = contract.add(line.contract().fixed() ? line.fixed().add(line.approvedExtra()) : line.used());
            months.add(new YearChart(line.month(), line.used(), used, contract));
        }
        return months;
    }
}
