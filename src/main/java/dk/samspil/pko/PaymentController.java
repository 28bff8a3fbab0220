package dk.samspil.pko;

import dk.samspil.office.Downloads;
import dk.samspil.office.Spreadsheets;
import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.platform.DanishFormat;
import dk.samspil.security.SamspilPrincipal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The payment overview of one month: fixed, used, approved extra and to pay, per contract and per payer, for the
 * contracts the user sees (their own; as payer the payer's); as a page and as XLSX for the payer's finance.
 */
@Controller
class PaymentController {

    static final String VIEW = "pko/payment";
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** One payer's lines with their sums. */
    record PayerGroup(
            String payerName,
            List<PeriodLine> lines,
            BigDecimal fixed,
            BigDecimal used,
            BigDecimal approvedExtra,
            BigDecimal toPay) {}

    private final PkoAccess access;
    private final PkoHours hours;
    private final MessageSource messages;
    private final Clock clock;

    PaymentController(PkoAccess access, PkoHours hours, MessageSource messages, Clock clock) {
        this.access = access;
        this.hours = hours;
        this.messages = messages;
        this.clock = clock.withZone(DanishFormat.COPENHAGEN);
    }

    @GetMapping("/pko/udbetaling")
    String overview(
            @AuthenticationPrincipal SamspilPrincipal user,
            @RequestParam(required = false) String maaned,
            Model model) {
        Viewer viewer = access.viewer(user);
        YearMonth month = month(maaned);
        List<PayerGroup> groups = groups(viewer, month);
        model.addAttribute("month", month);
        model.addAttribute("previous", month.minusMonths(1));
        model.addAttribute("next", month.plusMonths(1));
        model.addAttribute("groups", groups);
        model.addAttribute(
                "payerOf",
                groups.stream()
                        .flatMap(g -> g.lines().stream())
                        .filter(l -> access.actsForPayer(viewer, l.contract()))
                        .map(l -> l.contract().id())
                        .toList());
        return VIEW;
    }

    @GetMapping("/pko/udbetaling.xlsx")
    ResponseEntity<byte[]> xlsx(
            @AuthenticationPrincipal SamspilPrincipal user, @RequestParam(required = false) String maaned) {
        Viewer viewer = access.viewer(user);
        YearMonth month = month(maaned);
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of(
                text("pko.payment.col.payer"),
                text("pko.payment.col.person"),
                text("pko.payment.col.contract"),
                text("pko.payment.col.month"),
                text("pko.payment.col.fixed"),
                text("pko.payment.col.used"),
                text("pko.payment.col.extra"),
                text("pko.payment.col.toPay"),
                text("pko.payment.col.status")));
        for (PayerGroup group : groups(viewer, month)) {
            for (PeriodLine line : group.lines()) {
                rows.add(List.of(
                        group.payerName(),
                        line.contract().personName(),
                        line.contract().label(),
                        month.toString(),
                        line.fixed(),
                        line.used(),
                        line.approvedExtra(),
                        line.toPay(),
                        text(line.statusKey())));
            }
            rows.add(List.of(
                    group.payerName(),
                    text("pko.payment.total"),
                    "",
                    month.toString(),
                    group.fixed(),
                    group.used(),
                    group.approvedExtra(),
                    group.toPay(),
                    ""));
        }
        byte[] bytes = Spreadsheets.xlsx(text("pko.payment.sheet"), rows, 2);
        String name = "pko-udbetaling-" + month + ".xlsx";
        // Names and amounts: kept in no cache, like every other download.
        return Downloads.attachment(bytes, XLSX, name);
    }

    private List<PayerGroup> groups(Viewer viewer, YearMonth month) {
        Map<String, List<PeriodLine>> byPayer = new LinkedHashMap<>();
        for (Contract contract : hours.contracts(viewer.region())) {
            if (contract.covers(month) && access.seesContract(viewer, contract)) {
                byPayer.computeIfAbsent(contract.payerName(), k -> new ArrayList<>())
                        .add(hours.line(contract, month));
            }
        }
        List<PayerGroup> groups = new ArrayList<>();
        byPayer.forEach((payer, lines) -> groups.add(new PayerGroup(
                payer,
                lines,
                sum(lines, PeriodLine::fixed),
                sum(lines, PeriodLine::used),
                sum(lines, PeriodLine::approvedExtra),
                sum(lines, PeriodLine::toPay))));
        return groups;
    }

    private static BigDecimal sum(List<PeriodLine> lines, Function<PeriodLine, BigDecimal> value) {
        return lines.stream().map(value).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private YearMonth month(String text) {
        if (text != null) {
            try {
                return YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                // an unreadable month shows the current one
            }
        }
        return YearMonth.now(clock);
    }
}
