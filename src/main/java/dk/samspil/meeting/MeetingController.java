package dk.samspil.meeting;

import dk.samspil.meeting.MeetingForms.AgreementForm;
import dk.samspil.meeting.MeetingForms.AttendanceForm;
import dk.samspil.meeting.MeetingForms.BlockForm;
import dk.samspil.meeting.MeetingForms.ParkingForm;
import dk.samspil.meeting.MeetingForms.PreMeetingForm;
import dk.samspil.meeting.MeetingForms.RolesForm;
import dk.samspil.meeting.MeetingForms.StatusForm;
import dk.samspil.meeting.Meetings.AgreementView;
import dk.samspil.meeting.Meetings.BlockView;
import dk.samspil.meeting.Meetings.MeetingView;
import dk.samspil.office.DocumentVersions.Version;
import dk.samspil.ordering.OrderGuard;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.ordering.Party;
import dk.samspil.ordering.PreMeetings;
import dk.samspil.platform.RuleViolation;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.SamspilPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Meeting mode for an order (/bestillinger/{id}/moede), for everyone who sees the order: the cluster's coordinator,
 * the order's municipal contacts and its provider write roles, block notes, the parking lot and agreements, each
 * item saved on its own; a save over someone else's newer save comes back with the Danish message at the field and
 * the writer's text kept. The referat is made in the background and sent from here.
 */
@Controller
class MeetingController {

    static final String VIEW = "meeting/meeting";
    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final OrderGuard guard;
    private final Meetings meetings;
    private final Minutes minutes;
    private final AgreementOverview overview;
    private final KluAgendaItem kluItem;
    private final PreMeetings preMeetings;

    MeetingController(
            OrderGuard guard,
            Meetings meetings,
            Minutes minutes,
            AgreementOverview overview,
            MessageSource messages,
            PreMeetings preMeetings) {
        this.guard = guard;
        this.preMeetings = preMeetings;
        this.meetings = meetings;
        this.minutes = minutes;
        this.overview = overview;
        this.kluItem = new KluAgendaItem(messages);
    }

    @GetMapping("/bestillinger/{orderId}/moede")
    String page(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        return render(model, user, guard.readable(user, orderId), new HashMap<>(), new HashMap<>(), null, null);
    }

    @PostMapping("/bestillinger/{orderId}/moede/roller")
    String saveRoles(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            RolesForm form,
            Model model,
            RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(values, errors);
        if (errors.isEmpty()) {
            if (meetings.saveRoles(
                    meetingOf(orderId),
                    form.chairText(),
                    form.referentText(),
                    form.presentersText(),
                    version(form.version()),
                    user.getUsername())) {
                return saved(redirect, orderId, "meeting.roles.saved", "roller");
            }
            errors.put("chair", "meeting.conflict");
            MeetingView current = meetings.meeting(order);
            values.put("roles-version", String.valueOf(current.roles().version()));
            Meetings.Roles stored = current.roles();
            return render(
                    model,
                    user,
                    order,
                    values,
                    errors,
                    "roles",
                    String.join(" · ", stored.chair(), stored.referent(), stored.presenters()));
        }
        return render(model, user, order, values, errors, null, null);
    }

    /** The pre-meeting: planned (its date becomes the drejebog step's), and written up once it has been held. */
    @PostMapping("/bestillinger/{orderId}/moede/formoede")
    String savePreMeeting(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            PreMeetingForm form,
            Model model,
            RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(order.meetingDate(), values, errors);
        if (!errors.isEmpty()) {
            values.put(PreMeetingForm.PREFIX + "version", String.valueOf(version(form.version())));
            return render(model, user, order, values, errors, null, null);
        }
        if (preMeetings.save(order, form.draft(), version(form.version()), user.getUsername())) {
            return saved(redirect, orderId, "meeting.preMeeting.saved", "formoede");
        }
        PreMeetings.PreMeeting current = preMeetings.of(orderId).orElseThrow();
        values.put(PreMeetingForm.PREFIX + "version", String.valueOf(current.version()));
        errors.put(PreMeetingForm.PREFIX + "notes", "meeting.conflict");
        return render(model, user, order, values, errors, "premeeting", current.notes());
    }

    /** Who took part: the minutes list them, and the members among them get the minutes. */
    @PostMapping("/bestillinger/{orderId}/moede/fremmoede")
    String saveAttendance(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            AttendanceForm form,
            Model model,
            RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(values, errors);
        if (errors.isEmpty()
                && meetings.saveAttendance(
                        order, form.presentKeys(), form.othersText(), version(form.version()), user.getUsername())) {
            return saved(redirect, orderId, "meeting.attendance.saved", "fremmoede");
        }
        if (errors.isEmpty()) {
            errors.put("attendance-others", "meeting.attendance.conflict");
        }
        values.put(
                "attendance-version",
                String.valueOf(meetings.meeting(order).attendance().version()));
        return render(model, user, order, values, errors, null, null);
    }

    @PostMapping("/bestillinger/{orderId}/moede/blokke/{position}")
    String saveBlock(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable int position,
            BlockForm form,
            Model model,
            RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        BlockView block = meetings.meeting(order).blocks().stream()
                .filter(b -> b.position() == position)
                .findFirst()
                .orElseThrow(() -> new AccessRefusedException("order:" + orderId + ":block:" + position));
        String prefix = "block-" + position + "-";
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(prefix, values, errors);
        if (!errors.isEmpty()) {
            values.put(prefix + "version", String.valueOf(version(form.version())));
            return render(model, user, order, values, errors, null, null);
        }
        if (meetings.saveBlock(
                meetingOf(orderId),
                position,
                form.startTime(),
                form.endTime(),
                form.notesText(),
                version(form.version()),
                user.getUsername())) {
            return saved(redirect, orderId, "meeting.block.saved", "blok-" + position, block.title());
        }
        // Someone saved this block meanwhile: keep what this writer typed, show what is stored, and let a new save
        // (knowingly) replace it.
        BlockView current = meetings.meeting(order).blocks().get(position - 1);
        values.put(prefix + "version", String.valueOf(current.version()));
        errors.put(prefix + "notes", "meeting.conflict");
        return render(model, user, order, values, errors, "block-" + position, current.notes());
    }

    @PostMapping("/bestillinger/{orderId}/moede/parkering")
    String addParkingItem(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            ParkingForm form,
            Model model,
            RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(values, errors);
        if (!errors.isEmpty()) {
            return render(model, user, order, values, errors, null, null);
        }
        meetings.addParkingItem(
                meetingOf(orderId),
                MeetingForms.clean(form.text()),
                MeetingForms.clean(form.owner()),
                user.getUsername());
        return saved(redirect, orderId, "meeting.parking.added", "parkeringsplads");
    }

    @PostMapping("/bestillinger/{orderId}/moede/parkering/{itemId}/slet")
    String removeParkingItem(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable long itemId,
            RedirectAttributes redirect) {
        guard.visible(user, orderId);
        if (!meetings.removeParkingItem(meetingOf(orderId), itemId)) {
            throw new AccessRefusedException("order:" + orderId + ":parking:" + itemId);
        }
        return saved(redirect, orderId, "meeting.parking.removed", "parkeringsplads");
    }

    @PostMapping("/bestillinger/{orderId}/moede/aftaler")
    String addAgreement(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            AgreementForm form,
            Model model,
            RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        MeetingView meeting = meetings.meeting(order);
        form.check("agreement-", meeting.actionTypes(), values, errors);
        refusePastDue(form, "agreement-", null, errors);
        if (!errors.isEmpty()) {
            return render(model, user, order, values, errors, null, null);
        }
        long id = meetings.addAgreement(meeting.id(), form.draft(), user.getUsername());
        return saved(redirect, orderId, "meeting.agreement.added", "aftale-" + id);
    }

    @PostMapping("/bestillinger/{orderId}/moede/aftaler/{agreementId}")
    String saveAgreement(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable long agreementId,
            AgreementForm form,
            Model model,
            RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        MeetingView meeting = meetings.meeting(order);
        AgreementView agreement = agreement(meeting, agreementId);
        String prefix = "agreement-" + agreementId + "-";
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(prefix, meeting.actionTypes(), values, errors);
        refusePastDue(form, prefix, agreement.due(), errors);
        if (!errors.isEmpty()) {
            values.put(prefix + "version", String.valueOf(version(form.version())));
            return render(model, user, order, values, errors, null, null);
        }
        if (meetings.saveAgreement(
                meeting.id(), agreementId, form.draft(), version(form.version()), user.getUsername())) {
            return saved(redirect, orderId, "meeting.agreement.saved", "aftale-" + agreementId);
        }
        values.put(prefix + "version", String.valueOf(agreement.version()));
        errors.put(prefix + "what", "meeting.conflict");
        return render(model, user, order, values, errors, "agreement-" + agreementId, agreement.what());
    }

    @PostMapping("/bestillinger/{orderId}/moede/aftaler/{agreementId}/status")
    String changeStatus(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable long agreementId,
            StatusForm form,
            Model model,
            RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        MeetingView meeting = meetings.meeting(order);
        agreement(meeting, agreementId);
        String prefix = "agreement-" + agreementId + "-";
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        values.put(prefix + "to", form.to() == null ? "" : form.to());
        values.put(prefix + "reason", form.reason() == null ? "" : form.reason());
        if (form.fromStatus() == null || form.toStatus() == null) {
            errors.put(prefix + "to", "meeting.status.choose");
            return render(model, user, order, values, errors, null, null);
        }
        try {
            meetings.changeStatus(
                    meeting.id(),
                    agreementId,
                    form.fromStatus(),
                    form.toStatus(),
                    form.reasonText(),
                    user.getUsername());
        } catch (RuleViolation e) {
            errors.put(prefix + ("reason".equals(e.field()) ? "reason" : "to"), e.messageKey());
            return render(model, user, order, values, errors, null, null);
        }
        return saved(redirect, orderId, form.toStatus().changedKey(), "aftale-" + agreementId);
    }

    @PostMapping("/bestillinger/{orderId}/moede/referat")
    String makeMinutes(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        if (beforeMeetingDay(order)) {
            return notYet(redirect, order, "referat");
        }
        Version version = minutes.request(order, user.getUsername());
        redirect.addFlashAttribute("successArgs", new Object[] {version.version()});
        return saved(redirect, orderId, "meeting.minutes.requested", "referat");
    }

    /** The referat's versions alone: the page polls this (htmx) while a version is being made. */
    @GetMapping("/bestillinger/{orderId}/moede/referat")
    String minutesList(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        OrderView order = guard.readable(user, orderId);
        minutesModel(model, user, order);
        return VIEW + " :: minutes";
    }

    @GetMapping("/bestillinger/{orderId}/moede/referat/{token}.docx")
    ResponseEntity<byte[]> docx(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, @PathVariable String token) {
        Version version = version(guard.readable(user, orderId), token);
        byte[] bytes =
                minutes.docx(version).orElseThrow(() -> new AccessRefusedException("minutes:" + orderId + ":docx"));
        return download(bytes, DOCX, "referat-v" + version.version() + ".docx");
    }

    @GetMapping("/bestillinger/{orderId}/moede/referat/{token}.pdf")
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, @PathVariable String token) {
        Version version = version(guard.readable(user, orderId), token);
        byte[] bytes =
                minutes.pdf(version).orElseThrow(() -> new AccessRefusedException("minutes:" + orderId + ":pdf"));
        return download(bytes, MediaType.APPLICATION_PDF, "referat-v" + version.version() + ".pdf");
    }

    /** A member's personal link from the minutes mail: that version's PDF (Word while there is none), no sign-in. */
    @GetMapping("/referat/{token}")
    ResponseEntity<byte[]> personalMinutes(@PathVariable String token) {
        Version version = minutes.byPersonalLink(token).orElseThrow(() -> new AccessRefusedException("minutes-link"));
        return minutes.pdf(version)
                .map(pdf -> download(pdf, MediaType.APPLICATION_PDF, "referat-v" + version.version() + ".pdf"))
                .or(() -> minutes.docx(version)
                        .map(docx -> download(docx, DOCX, "referat-v" + version.version() + ".docx")))
                .orElseThrow(() -> new AccessRefusedException("minutes-link"));
    }

    @PostMapping("/bestillinger/{orderId}/moede/referat/{token}/send")
    String sendMinutes(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable String token,
            RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        Version version = version(order, token);
        if (!version.ready()) {
            redirect.addFlashAttribute("error", "meeting.minutes.notReady");
            return "redirect:/bestillinger/" + orderId + "/moede#referat";
        }
        int recipients = minutes.send(order, version, user.getUsername());
        redirect.addFlashAttribute("successArgs", new Object[] {version.version(), recipients});
        return saved(redirect, orderId, "meeting.minutes.sent", "referat");
    }

    /** An agenda item for the next KLU meeting: the meeting's agreements where they stand today. */
    @GetMapping("/bestillinger/{orderId}/moede/klu-punkt.docx")
    ResponseEntity<byte[]> kluItem(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            HttpServletRequest request,
            HttpServletResponse response) {
        OrderView order = guard.visible(user, orderId);
        if (beforeMeetingDay(order)) {
            String location = "/bestillinger/" + orderId + "/moede";
            RequestContextUtils.getOutputFlashMap(request).put("error", "meeting.notBeforeMeetingDay");
            RequestContextUtils.saveOutputFlashMap(location, request, response);
            return ResponseEntity.status(302)
                    .location(URI.create(location + "#aftaler"))
                    .build();
        }
        return download(
                kluItem.write(meetings.meeting(order), overview.today()), DOCX, "klu-punkt-" + orderId + ".docx");
    }

    private String render(
            Model model,
            SamspilPrincipal user,
            OrderView order,
            Map<String, String> values,
            Map<String, String> errors,
            String conflict,
            String stored) {
        MeetingView meeting = meetings.meeting(order);
        model.addAttribute("order", order);
        model.addAttribute("meeting", meeting);
        model.addAttribute("draft", values);
        model.addAttribute("errors", errors);
        model.addAttribute("errorItem", itemOf(errors.keySet()));
        model.addAttribute("conflict", conflict);
        model.addAttribute("stored", stored);
        model.addAttribute("parties", List.of(Party.CLUSTER, Party.MUNICIPALITY, Party.PROVIDER));
        minutesModel(model, user, order);
        return VIEW;
    }

    /** A new due date before today is a typing slip; an agreement already overdue may keep the date it has. */
    private void refusePastDue(AgreementForm form, String prefix, LocalDate stored, Map<String, String> errors) {
        LocalDate due = form.dueDate();
        if (due != null
                && due.isBefore(overview.today())
                && !due.equals(stored)
                && !errors.containsKey(prefix + "due")) {
            errors.put(prefix + "due", "meeting.agreement.due.past");
        }
    }

    /** The referat and the KLU item tell what happened at the meeting: not before its day. */
    private boolean beforeMeetingDay(OrderView order) {
        return overview.today().isBefore(order.meetingDate());
    }

    private static String notYet(RedirectAttributes redirect, OrderView order, String anchor) {
        redirect.addFlashAttribute("error", "meeting.notBeforeMeetingDay");
        return "redirect:/bestillinger/" + order.id() + "/moede#" + anchor;
    }

    /**
     * The item of the page a failed save belongs to, by its fields' keys: the page comes back at that item (its form
     * posts to a URL ending in the item's anchor) with the error summary there, not at the top of a long page.
     */
    static String itemOf(java.util.Collection<String> errorKeys) {
        return errorKeys.stream()
                .sorted()
                .findFirst()
                .map(key -> {
                    if (key.startsWith("block-")) {
                        return "blok-" + key.split("-")[1];
                    }
                    if (key.startsWith("parking-")) {
                        return "parkeringsplads";
                    }
                    if (key.startsWith(PreMeetingForm.PREFIX)) {
                        return "formoede";
                    }
                    if (key.startsWith("attendance-")) {
                        return "fremmoede";
                    }
                    if (key.startsWith("agreement-")) {
                        String id = key.split("-")[1];
                        return id.chars().allMatch(Character::isDigit) ? "aftale-" + id : "ny-aftale";
                    }
                    return "roller";
                })
                .orElse(null);
    }

    private void minutesModel(Model model, SamspilPrincipal user, OrderView order) {
        List<Version> versions = minutes.versions(meetingOf(order.id()));
        model.addAttribute("order", order);
        // A cluster member reads the meeting and its referat; those who see the order write it.
        model.addAttribute("canWrite", Orders.canSee(user, order));
        model.addAttribute("minutes", versions);
        model.addAttribute("minutesPending", versions.stream().anyMatch(Version::pending));
        model.addAttribute("beforeMeetingDay", beforeMeetingDay(order));
    }

    private static String saved(
            RedirectAttributes redirect, long orderId, String message, String anchor, Object... args) {
        redirect.addFlashAttribute("success", message);
        if (args.length > 0) {
            redirect.addFlashAttribute("successArgs", args);
        }
        return "redirect:/bestillinger/" + orderId + "/moede#" + anchor;
    }

    private static AgreementView agreement(MeetingView meeting, long agreementId) {
        return meeting.agreements().stream()
                .filter(a -> a.id() == agreementId)
                .findFirst()
                .orElseThrow(() ->
                        new AccessRefusedException("order:" + meeting.order().id() + ":agreement:" + agreementId));
    }

    private Version version(OrderView order, String token) {
        return minutes.find(meetingOf(order.id()), token)
                .orElseThrow(() -> new AccessRefusedException("minutes:" + order.id()));
    }

    private long meetingOf(long orderId) {
        return meetings.idOf(MeetingOwner.order(orderId));
    }

    private static int version(Integer version) {
        return version == null ? -1 : version;
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(bytes);
    }
}
