package dk.samspil.pko;

import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.platform.DanishFormat;
import dk.samspil.security.SamspilPrincipal;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Hours registered per day and task on one's own contracts (quick on a phone), editable until the person
 * approves the month; contracts with their year chart, extra-hours requests and the payer's decisions.
 */
@Controller
class PkoHoursController {

    static final String HOURS_VIEW = "pko/hours";
    static final String CONTRACT_VIEW = "pko/contract";

    private final PkoAccess access;
    private final PkoHours hours;
    private final PkoRegisters registers;
    private final Clock clock;

    PkoHoursController(PkoAccess access, PkoHours hours, PkoRegisters registers, Clock clock) {
        this.access = access;
        this.hours = hours;
        this.registers = registers;
        this.clock = clock.withZone(DanishFormat.COPENHAGEN);
    }

    @GetMapping("/pko/timer")
    String hours(
            @AuthenticationPrincipal SamspilPrincipal user,
            @RequestParam(required = false) String maaned,
            @RequestParam(required = false) Long rediger,
            @RequestParam(required = false) String dag,
            @RequestParam(required = false) List<String> opgave,
            @RequestParam(required = false) String note,
            Model model) {
        Viewer viewer = own(user);
        LocalDate meetingDay = day(dag);
        YearMonth month = maaned == null && meetingDay != null ? YearMonth.from(meetingDay) : month(maaned);
        HoursForm form = new HoursForm();
        form.setWorkedOn(
                today().getYear() == month.getYear() && today().getMonth() == month.getMonth()
                        ? today()
                        : month.atDay(1));
        // From a meeting's page: its day, the task it is for the viewer, and its title as the note.
        if (meetingDay != null) {
            form.setWorkedOn(meetingDay);
        }
        Arrays.stream(TaskKind.values())
                .filter(t -> opgave != null
                        && opgave.contains(t.name())
                        && t.belongsTo(viewer.person().kind()))
                .findFirst()
                .ifPresent(form::setTaskKind);
        if (note != null && !note.isBlank()) {
            String oneLine = note.strip().replaceAll("\\s+", " ");
            form.setNote(oneLine.length() > 500 ? oneLine.substring(0, 500) : oneLine);
        }
        if (rediger != null) {
            PkoHours.Entry entry = ownEntry(viewer, rediger);
            form = HoursForm.of(entry);
            model.addAttribute("editing", entry.id());
        }
        List<Contract> contracts = ownContracts(viewer, month);
        if (form.getContractId() == null && !contracts.isEmpty()) {
            form.setContractId(contracts.get(0).id());
        }
        model.addAttribute("hoursForm", form);
        return hoursView(viewer, month, model);
    }

    @PostMapping({"/pko/timer", "/pko/timer/{entryId}"})
    String register(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long entryId,
            @Valid @ModelAttribute HoursForm hoursForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = own(user);
        if (entryId != null) {
            PkoHours.Entry entry = ownEntry(viewer, entryId);
            Contract before = hours.contract(entry.contractId()).orElseThrow();
            if (hours.period(before.id(), YearMonth.from(entry.workedOn())).consultantApproved()) {
                result.reject("pko.hours.locked");
            }
            model.addAttribute("editing", entryId);
        }
        Optional<Contract> contract = hoursForm.getContractId() == null
                ? Optional.empty()
                : hours.contract(hoursForm.getContractId())
                        .filter(c -> c.personId() == viewer.person().id());
        if (hoursForm.getContractId() != null && contract.isEmpty()) {
            result.rejectValue("contractId", "pko.hours.contract.required");
        }
        if (contract.isPresent() && hoursForm.getWorkedOn() != null) {
            if (!contract.get().covers(hoursForm.getWorkedOn())) {
                result.rejectValue("workedOn", "pko.hours.day.outsideContract");
            } else if (hoursForm.getWorkedOn().isAfter(today())) {
                result.rejectValue("workedOn", "pko.hours.day.future");
            } else if (hours.period(contract.get().id(), YearMonth.from(hoursForm.getWorkedOn()))
                    .consultantApproved()) {
                result.rejectValue("workedOn", "pko.hours.locked");
            }
        }
        if (hoursForm.getTaskKind() != null
                && !hoursForm.getTaskKind().belongsTo(viewer.person().kind())) {
            result.rejectValue("taskKind", "pko.hours.task.required");
        }
        BigDecimal value = hoursForm.hoursValue();
        if (value != null && (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(24)) > 0)) {
            result.rejectValue("hours", "pko.hours.hours.range");
        }
        YearMonth month =
                hoursForm.getWorkedOn() == null ? YearMonth.now(clock) : YearMonth.from(hoursForm.getWorkedOn());
        if (result.hasErrors()) {
            return hoursView(viewer, month, model);
        }
        if (entryId == null) {
            hours.addEntry(
                    contract.get().id(), hoursForm.getWorkedOn(), hoursForm.getTaskKind(), value, hoursForm.getNote());
            redirect.addFlashAttribute("success", "pko.hours.added");
        } else {
            hours.updateEntry(
                    entryId,
                    contract.get().id(),
                    hoursForm.getWorkedOn(),
                    hoursForm.getTaskKind(),
                    value,
                    hoursForm.getNote());
            redirect.addFlashAttribute("success", "pko.hours.saved");
        }
        return "redirect:/pko/timer?maaned=" + month;
    }

    @PostMapping("/pko/timer/{entryId}/slet")
    String delete(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long entryId, RedirectAttributes redirect) {
        Viewer viewer = own(user);
        PkoHours.Entry entry = ownEntry(viewer, entryId);
        YearMonth month = YearMonth.from(entry.workedOn());
        if (hours.period(entry.contractId(), month).consultantApproved()) {
            redirect.addFlashAttribute("error", "pko.hours.locked");
            redirect.addFlashAttribute("errorAt", "entries");
        } else {
            hours.deleteEntry(entryId);
            redirect.addFlashAttribute("success", "pko.hours.deleted");
        }
        return "redirect:/pko/timer?maaned=" + month;
    }

    /** The person approves their own month of a contract: its hours are locked from then on. */
    @PostMapping("/pko/kontrakter/{contractId}/perioder/{maaned}/godkend")
    String approveOwn(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long contractId,
            @PathVariable String maaned,
            RedirectAttributes redirect) {
        Viewer viewer = own(user);
        Contract contract = hours.contract(contractId)
                .filter(c -> c.personId() == viewer.person().id())
                .orElse(null);
        access.require(contract != null, viewer, "pko-contract:" + contractId);
        YearMonth month = month(maaned);
        if (!contract.covers(month) || month.isAfter(YearMonth.now(clock))) {
            redirect.addFlashAttribute("error", "pko.period.notYet");
            redirect.addFlashAttribute("errorAt", "periods");
        } else {
            hours.approveByConsultant(contractId, month);
            redirect.addFlashAttribute("success", "pko.period.approved");
        }
        return "redirect:/pko/timer?maaned=" + month;
    }

    /** The payer approves a month the person has approved, for payment. */
    @PostMapping("/pko/kontrakter/{contractId}/perioder/{maaned}/udbetal")
    String approveForPayment(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long contractId,
            @PathVariable String maaned,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Contract contract = payerContract(viewer, contractId);
        YearMonth month = month(maaned);
        if (!hours.period(contractId, month).consultantApproved()) {
            redirect.addFlashAttribute("error", "pko.period.notApprovedByConsultant");
            redirect.addFlashAttribute("errorAt", "payment");
        } else {
            hours.approveByPayer(contract.id(), month, user.id());
            redirect.addFlashAttribute("success", "pko.period.paid");
        }
        return "redirect:/pko/udbetaling?maaned=" + month;
    }

    @PostMapping("/pko/personer/{personId}/kontrakter")
    String createContract(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long personId,
            @Valid @ModelAttribute ContractForm contractForm,
            BindingResult result,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        PkoPerson person = access.editable(viewer, personId);
        String error = null;
        if (result.hasErrors()) {
            error = "pko.contract.invalid";
        } else if (contractForm.getEndsOn().isBefore(contractForm.getStartsOn())) {
            error = "pko.contract.endsBeforeStart";
        } else if ("FIXED".equals(contractForm.getPayment())
                && (contractForm.fixedHoursValue() == null
                        || contractForm.fixedHoursValue().signum() <= 0)) {
            error = "pko.contract.fixedHours.invalid";
        } else if (!payerAllowed(viewer, person, contractForm.getPayer())) {
            error = "pko.contract.payer.required";
        } else if (contractForm.getAttachmentId() != null
                && registers
                        .attachment(contractForm.getAttachmentId())
                        .map(a -> a.personId() != personId)
                        .orElse(true)) {
            error = "pko.contract.attachment.invalid";
        }
        if (error != null) {
            redirect.addFlashAttribute("error", error);
            redirect.addFlashAttribute("errorAt", "contracts");
            return "redirect:/pko/personer/" + personId + "#contracts";
        }
        long id = hours.createContract(
                personId,
                contractForm.getAttachmentId(),
                contractForm.getPayer(),
                contractForm.getStartsOn(),
                contractForm.getEndsOn(),
                contractForm.getPayment(),
                contractForm.fixedHoursValue());
        redirect.addFlashAttribute("success", "pko.contract.created");
        return "redirect:/pko/kontrakter/" + id;
    }

    @GetMapping("/pko/kontrakter/{contractId}")
    String contract(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long contractId,
            @RequestParam(required = false) Integer aar,
            Model model) {
        Viewer viewer = access.viewer(user);
        Contract contract = hours.contract(contractId).orElse(null);
        access.require(contract != null && access.seesContract(viewer, contract), viewer, "pko-contract:" + contractId);
        int year = aar == null || aar < 2000 || aar > 2100 ? today().getYear() : aar;
        List<PeriodLine> lines = hours.year(contract, year);
        model.addAttribute("contract", contract);
        model.addAttribute("year", year);
        model.addAttribute("lines", lines);
        model.addAttribute("cumulative", YearChart.of(lines));
        model.addAttribute("extras", hours.extras(contractId));
        model.addAttribute("own", viewer.person() != null && viewer.person().id() == contract.personId());
        model.addAttribute("payer", access.actsForPayer(viewer, contract));
        if (!model.containsAttribute("extraForm")) {
            ExtraForm form = new ExtraForm();
            form.setMonth(YearMonth.now(clock).toString());
            model.addAttribute("extraForm", form);
        }
        return CONTRACT_VIEW;
    }

    @PostMapping("/pko/kontrakter/{contractId}/ekstra")
    String requestExtra(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long contractId,
            @Valid @ModelAttribute ExtraForm extraForm,
            BindingResult result,
            Model model) {
        Viewer viewer = own(user);
        Contract contract = hours.contract(contractId)
                .filter(c -> c.personId() == viewer.person().id())
                .orElse(null);
        access.require(contract != null, viewer, "pko-contract:" + contractId);
        if (!result.hasFieldErrors("month")) {
            YearMonth month = YearMonth.parse(extraForm.getMonth());
            if (!contract.covers(month)) {
                result.rejectValue("month", "pko.extra.month.outsideContract");
            } else if (hours.period(contractId, month).payerApproved()) {
                result.rejectValue("month", "pko.extra.month.paid");
            }
        }
        if (!result.hasFieldErrors("hours") && extraForm.hoursValue().signum() <= 0) {
            result.rejectValue("hours", "pko.extra.hours.invalid");
        }
        if (result.hasErrors()) {
            model.addAttribute("extraForm", extraForm);
            return contract(user, contractId, null, model);
        }
        hours.requestExtra(
                contractId, YearMonth.parse(extraForm.getMonth()), extraForm.hoursValue(), extraForm.getReason());
        model.asMap().clear();
        return "redirect:/pko/kontrakter/" + contractId + "?sendt#extras";
    }

    @PostMapping("/pko/ekstra/{requestId}/afgoer")
    String decideExtra(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long requestId,
            @RequestParam(required = false) String beslutning,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        PkoHours.ExtraRequest request = hours.extra(requestId).orElse(null);
        access.require(request != null, viewer, "pko-extra:" + requestId);
        Contract contract = payerContract(viewer, request.contractId());
        if (!"APPROVE".equals(beslutning) && !"REFUSE".equals(beslutning)) {
            redirect.addFlashAttribute("error", "pko.extra.decision.required");
            redirect.addFlashAttribute("errorAt", "extras");
        } else if (hours.decideExtra(requestId, "APPROVE".equals(beslutning), user.id())) {
            redirect.addFlashAttribute(
                    "success", "APPROVE".equals(beslutning) ? "pko.extra.approved" : "pko.extra.refused");
        } else {
            redirect.addFlashAttribute("error", "pko.extra.alreadyDecided");
            redirect.addFlashAttribute("errorAt", "extras");
        }
        return "redirect:/pko/kontrakter/" + contract.id() + "#extras";
    }

    private boolean payerAllowed(Viewer viewer, PkoPerson person, String payer) {
        if (payer.startsWith("H:")) {
            long unit = Long.parseLong(payer.substring(2));
            return registers
                            .unitRegion(unit)
                            .map(r -> r.equals(person.regionCode()))
                            .orElse(false)
                    && (viewer.editsRegion() || Long.valueOf(unit).equals(viewer.unitId()));
        }
        if (!viewer.editsRegion()) {
            return false;
        }
        if (payer.startsWith("M:")) {
            return registers.municipalities(person.regionCode()).stream()
                    .anyMatch(m -> m.code().equals(payer.substring(2)));
        }
        return registers
                .partnerBody(Long.parseLong(payer.substring(2)))
                .map(b -> b.regionCode().equals(person.regionCode()) && b.kind().equals("QUALITY_UNIT"))
                .orElse(false);
    }

    private Contract payerContract(Viewer viewer, long contractId) {
        Contract contract = hours.contract(contractId).orElse(null);
        access.require(contract != null && access.actsForPayer(viewer, contract), viewer, "pko-contract:" + contractId);
        return contract;
    }

    /** Hours are registered by a person of the scheme (the administrator has none). */
    /** A day given in a link (ISO, e.g. 2027-03-04), or null when none or not a day. */
    private static LocalDate day(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }

    private Viewer own(SamspilPrincipal user) {
        Viewer viewer = access.viewer(user);
        access.require(viewer.person() != null, viewer, "pko-hours");
        return viewer;
    }

    private PkoHours.Entry ownEntry(Viewer viewer, long entryId) {
        Optional<PkoHours.Entry> entry = hours.entry(entryId)
                .filter(e -> hours.contract(e.contractId())
                        .map(c -> c.personId() == viewer.person().id())
                        .orElse(false));
        access.require(entry.isPresent(), viewer, "pko-hours:" + entryId);
        return entry.orElseThrow();
    }

    private List<Contract> ownContracts(Viewer viewer, YearMonth month) {
        return hours.contractsOf(viewer.person().id()).stream()
                .filter(c -> c.covers(month))
                .toList();
    }

    private String hoursView(Viewer viewer, YearMonth month, Model model) {
        List<Contract> contracts = ownContracts(viewer, month);
        model.addAttribute("viewer", viewer);
        model.addAttribute("month", month);
        model.addAttribute("previous", month.minusMonths(1));
        model.addAttribute("next", month.plusMonths(1));
        model.addAttribute("contracts", contracts);
        model.addAttribute("tasks", TaskKind.of(viewer.person().kind()));
        model.addAttribute("entries", hours.entries(viewer.person().id(), month));
        List<PeriodLine> lines =
                contracts.stream().map(c -> hours.line(c, month)).toList();
        model.addAttribute("lines", lines);
        model.addAttribute(
                "lockedContracts",
                lines.stream()
                        .filter(PeriodLine::locked)
                        .map(l -> l.contract().id())
                        .toList());
        model.addAttribute("canApprove", !month.isAfter(YearMonth.now(clock)));
        return HOURS_VIEW;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
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
