package dk.samspil.meeting;

import dk.samspil.meeting.MeetingForms.AgendaItemForm;
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
import dk.samspil.office.Downloads;
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
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
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
 * Meeting mode: an order's meeting (/bestillinger/{id}/moede), for everyone who sees the order (the cluster's
 * coordinator, the order's municipal contacts and its provider), and a hosted meeting (/moeder/{id}, e.g. the PKO
 * scheme's), for those its host lets in, which also get its own agenda to write. Roles, block notes, the parking lot
 * and agreements are each saved on their own; a save over someone else's newer save comes back with the Danish
 * message at the field and the writer's text kept. The referat is made in the background and sent from here.
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

    /**
     * The meeting a request is about, checked once: an order's (by the order's id, for those who see the order) or a
     * hosted one (by the meeting's id, as its host allows).
     *
     * @param order null for a hosted meeting
     * @param base the meeting page's address, which every form on it posts under
     */
    record Place(MeetingView meeting, OrderView order, String base, boolean canWrite) {
        long id() {
            return meeting.id();
        }
    }

    private Place place(SamspilPrincipal user, Long orderId, Long meetingId, boolean write) {
        if (orderId != null) {
            OrderView order = write ? guard.visible(user, orderId) : guard.readable(user, orderId);
            return new Place(
                    meetings.meeting(order), order, "/bestillinger/" + orderId + "/moede", Orders.canSee(user, order));
        }
        MeetingOwner owner = meetings.owner(meetingId)
                .filter(o -> !o.isOrder())
                .orElseThrow(() -> new AccessRefusedException("meeting:" + meetingId));
        MeetingHost host =
                meetings.host(owner.kind()).orElseThrow(() -> new AccessRefusedException("meeting:" + meetingId));
        boolean canWrite = host.mayWrite(user, owner.id());
        if (!(write ? canWrite : canWrite || host.mayRead(user, owner.id()))) {
            throw new AccessRefusedException("meeting:" + meetingId);
        }
        MeetingHost.HostedMeeting hosted =
                host.meeting(owner.id()).orElseThrow(() -> new AccessRefusedException("meeting:" + meetingId));
        return new Place(meetings.meeting(meetingId, hosted), null, "/moeder/" + meetingId, canWrite);
    }

    /** The same meeting read again (after a save that lost to someone else's). */
    private Place fresh(Place place) {
        MeetingView now = meetings.meeting(place.id()).orElseThrow();
        return new Place(now, place.order(), place.base(), place.canWrite());
    }

    @GetMapping({"/bestillinger/{orderId}/moede", "/moeder/{meetingId}"})
    String page(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            Model model) {
        return render(model, place(user, orderId, meetingId, false), new HashMap<>(), new HashMap<>(), null, null);
    }

    @PostMapping({"/bestillinger/{orderId}/moede/roller", "/moeder/{meetingId}/roller"})
    String saveRoles(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            RolesForm form,
            Model model,
            RedirectAttributes redirect) {
        Place place = place(user, orderId, meetingId, true);
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(values, errors);
        if (errors.isEmpty()) {
            if (meetings.saveRoles(
                    place.id(),
                    form.chairText(),
                    form.referentText(),
                    form.presentersText(),
                    version(form.version()),
                    user.getUsername())) {
                return saved(redirect, place, "meeting.roles.saved", "roller");
            }
            errors.put("chair", "meeting.conflict");
            Place current = fresh(place);
            Meetings.Roles stored = current.meeting().roles();
            values.put("roles-version", String.valueOf(stored.version()));
            return render(
                    model,
                    current,
                    values,
                    errors,
                    "roles",
                    String.join(" · ", stored.chair(), stored.referent(), stored.presenters()));
        }
        return render(model, place, values, errors, null, null);
    }

    /** The pre-meeting of an order's meeting: planned (its date becomes the drejebog step's), then written up. */
    @PostMapping("/bestillinger/{orderId}/moede/formoede")
    String savePreMeeting(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            PreMeetingForm form,
            Model model,
            RedirectAttributes redirect) {
        Place place = place(user, orderId, null, true);
        OrderView order = place.order();
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(order.meetingDate(), values, errors);
        if (!errors.isEmpty()) {
            values.put(PreMeetingForm.PREFIX + "version", String.valueOf(version(form.version())));
            return render(model, place, values, errors, null, null);
        }
        if (preMeetings.save(order, form.draft(), version(form.version()), user.getUsername())) {
            return saved(redirect, place, "meeting.preMeeting.saved", "formoede");
        }
        PreMeetings.PreMeeting current = preMeetings.of(orderId).orElseThrow();
        values.put(PreMeetingForm.PREFIX + "version", String.valueOf(current.version()));
        errors.put(PreMeetingForm.PREFIX + "notes", "meeting.conflict");
        return render(model, fresh(place), values, errors, "premeeting", current.notes());
    }

    /** Who took part: the minutes list them, and the members among them get the minutes. */
    @PostMapping({"/bestillinger/{orderId}/moede/fremmoede", "/moeder/{meetingId}/fremmoede"})
    String saveAttendance(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            AttendanceForm form,
            Model model,
            RedirectAttributes redirect) {
        Place place = place(user, orderId, meetingId, true);
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(values, errors);
        if (errors.isEmpty()
                && meetings.saveAttendance(
                        place.meeting(),
                        form.presentKeys(),
                        form.othersText(),
                        version(form.version()),
                        user.getUsername())) {
            return saved(redirect, place, "meeting.attendance.saved", "fremmoede");
        }
        if (errors.isEmpty()) {
            errors.put("attendance-others", "meeting.attendance.conflict");
        }
        Place current = fresh(place);
        values.put(
                "attendance-version",
                String.valueOf(current.meeting().attendance().version()));
        return render(model, current, values, errors, null, null);
    }

    /** A new item at the end of a hosted meeting's own agenda. */
    @PostMapping("/moeder/{meetingId}/dagsorden")
    String addAgendaItem(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long meetingId,
            AgendaItemForm form,
            Model model,
            RedirectAttributes redirect) {
        Place place = place(user, null, meetingId, true);
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(values, errors);
        if (!errors.isEmpty()) {
            return render(model, place, values, errors, null, null);
        }
        meetings.addAgendaItem(
                meetingId,
                MeetingForms.clean(form.title()),
                form.minutesValue(),
                MeetingForms.clean(form.speaker()),
                form.isPause());
        return saved(redirect, place, "meeting.agenda.added", "programmet");
    }

    @PostMapping("/moeder/{meetingId}/dagsorden/{position}/op")
    String moveAgendaItemUp(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long meetingId,
            @PathVariable int position,
            Integer version,
            RedirectAttributes redirect) {
        Place place = place(user, null, meetingId, true);
        return agendaChanged(
                place, position, meetings.moveAgendaItemUp(meetingId, position, version(version)), "moved", redirect);
    }

    @PostMapping("/moeder/{meetingId}/dagsorden/{position}/slet")
    String removeAgendaItem(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long meetingId,
            @PathVariable int position,
            Integer version,
            RedirectAttributes redirect) {
        Place place = place(user, null, meetingId, true);
        return agendaChanged(
                place, position, meetings.removeAgendaItem(meetingId, position, version(version)), "removed", redirect);
    }

    private String agendaChanged(
            Place place, int position, Meetings.AgendaChange change, String done, RedirectAttributes redirect) {
        return switch (change) {
            case DONE -> saved(redirect, place, "meeting.agenda." + done, "programmet");
            case STALE -> {
                redirect.addFlashAttribute("error", "meeting.agenda.stale");
                yield "redirect:" + place.base() + "#programmet";
            }
            case MISSING -> throw new AccessRefusedException("meeting:" + place.id() + ":block:" + position);
        };
    }

    @PostMapping({"/bestillinger/{orderId}/moede/blokke/{position}", "/moeder/{meetingId}/blokke/{position}"})
    String saveBlock(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            @PathVariable int position,
            BlockForm form,
            Model model,
            RedirectAttributes redirect) {
        Place place = place(user, orderId, meetingId, true);
        BlockView block = block(place.meeting(), position);
        String prefix = "block-" + position + "-";
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(prefix, values, errors);
        if (!errors.isEmpty()) {
            values.put(prefix + "version", String.valueOf(version(form.version())));
            return render(model, place, values, errors, null, null);
        }
        if (meetings.saveBlock(
                place.id(),
                position,
                form.startTime(),
                form.endTime(),
                form.notesText(),
                version(form.version()),
                user.getUsername())) {
            return saved(redirect, place, "meeting.block.saved", "blok-" + position, block.title());
        }
        // Someone saved this block meanwhile: keep what this writer typed, show what is stored, and let a new save
        // (knowingly) replace it.
        Place current = fresh(place);
        BlockView stored = block(current.meeting(), position);
        values.put(prefix + "version", String.valueOf(stored.version()));
        errors.put(prefix + "notes", "meeting.conflict");
        return render(model, current, values, errors, "block-" + position, stored.notes());
    }

    @PostMapping({"/bestillinger/{orderId}/moede/parkering", "/moeder/{meetingId}/parkering"})
    String addParkingItem(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            ParkingForm form,
            Model model,
            RedirectAttributes redirect) {
        Place place = place(user, orderId, meetingId, true);
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(values, errors);
        if (!errors.isEmpty()) {
            return render(model, place, values, errors, null, null);
        }
        meetings.addParkingItem(
                place.id(), MeetingForms.clean(form.text()), MeetingForms.clean(form.owner()), user.getUsername());
        return saved(redirect, place, "meeting.parking.added", "parkeringsplads");
    }

    @PostMapping({"/bestillinger/{orderId}/moede/parkering/{itemId}/slet", "/moeder/{meetingId}/parkering/{itemId}/slet"
    })
    String removeParkingItem(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            @PathVariable long itemId,
            RedirectAttributes redirect) {
        Place place = place(user, orderId, meetingId, true);
        if (!meetings.removeParkingItem(place.id(), itemId)) {
            throw new AccessRefusedException("meeting:" + place.id() + ":parking:" + itemId);
        }
        return saved(redirect, place, "meeting.parking.removed", "parkeringsplads");
    }

    @PostMapping({"/bestillinger/{orderId}/moede/aftaler", "/moeder/{meetingId}/aftaler"})
    String addAgreement(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            AgreementForm posted,
            Model model,
            RedirectAttributes redirect) {
        Place place = place(user, orderId, meetingId, true);
        AgreementForm form = place.order() == null ? posted.withoutParty() : posted;
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check("agreement-", place.meeting().actionTypes(), values, errors);
        refusePastDue(form, "agreement-", null, errors);
        if (!errors.isEmpty()) {
            return render(model, place, values, errors, null, null);
        }
        long id = meetings.addAgreement(place.id(), form.draft(), user.getUsername());
        return saved(redirect, place, "meeting.agreement.added", "aftale-" + id);
    }

    @PostMapping({"/bestillinger/{orderId}/moede/aftaler/{agreementId}", "/moeder/{meetingId}/aftaler/{agreementId}"})
    String saveAgreement(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            @PathVariable long agreementId,
            AgreementForm posted,
            Model model,
            RedirectAttributes redirect) {
        Place place = place(user, orderId, meetingId, true);
        AgreementForm form = place.order() == null ? posted.withoutParty() : posted;
        AgreementView agreement = agreement(place.meeting(), agreementId);
        String prefix = "agreement-" + agreementId + "-";
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(prefix, place.meeting().actionTypes(), values, errors);
        refusePastDue(form, prefix, agreement.due(), errors);
        if (!errors.isEmpty()) {
            values.put(prefix + "version", String.valueOf(version(form.version())));
            return render(model, place, values, errors, null, null);
        }
        if (meetings.saveAgreement(
                place.id(), agreementId, form.draft(), version(form.version()), user.getUsername())) {
            return saved(redirect, place, "meeting.agreement.saved", "aftale-" + agreementId);
        }
        values.put(prefix + "version", String.valueOf(agreement.version()));
        errors.put(prefix + "what", "meeting.conflict");
        return render(model, place, values, errors, "agreement-" + agreementId, agreement.what());
    }

    @PostMapping({
        "/bestillinger/{orderId}/moede/aftaler/{agreementId}/status",
        "/moeder/{meetingId}/aftaler/{agreementId}/status"
    })
    String changeStatus(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            @PathVariable long agreementId,
            StatusForm form,
            Model model,
            RedirectAttributes redirect) {
        Place place = place(user, orderId, meetingId, true);
        agreement(place.meeting(), agreementId);
        String prefix = "agreement-" + agreementId + "-";
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        values.put(prefix + "to", form.to() == null ? "" : form.to());
        values.put(prefix + "reason", form.reason() == null ? "" : form.reason());
        if (form.fromStatus() == null || form.toStatus() == null) {
            errors.put(prefix + "to", "meeting.status.choose");
            return render(model, place, values, errors, null, null);
        }
        try {
            meetings.changeStatus(
                    place.id(), agreementId, form.fromStatus(), form.toStatus(), form.reasonText(), user.getUsername());
        } catch (RuleViolation e) {
            errors.put(prefix + ("reason".equals(e.field()) ? "reason" : "to"), e.messageKey());
            return render(model, place, values, errors, null, null);
        }
        return saved(redirect, place, form.toStatus().changedKey(), "aftale-" + agreementId);
    }

    @PostMapping({"/bestillinger/{orderId}/moede/referat", "/moeder/{meetingId}/referat"})
    String makeMinutes(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            RedirectAttributes redirect) {
        Place place = place(user, orderId, meetingId, true);
        if (beforeMeetingDay(place)) {
            redirect.addFlashAttribute("error", "meeting.notBeforeMeetingDay");
            return "redirect:" + place.base() + "#referat";
        }
        Version version = minutes.request(place.id(), user.getUsername());
        redirect.addFlashAttribute("successArgs", new Object[] {version.version()});
        return saved(redirect, place, "meeting.minutes.requested", "referat");
    }

    /** The referat's versions alone: the page polls this (htmx) while a version is being made. */
    @GetMapping({"/bestillinger/{orderId}/moede/referat", "/moeder/{meetingId}/referat"})
    String minutesList(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            Model model) {
        minutesModel(model, place(user, orderId, meetingId, false));
        return VIEW + " :: minutes";
    }

    @GetMapping({"/bestillinger/{orderId}/moede/referat/{token}.docx", "/moeder/{meetingId}/referat/{token}.docx"})
    ResponseEntity<byte[]> docx(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            @PathVariable String token) {
        Version version = version(place(user, orderId, meetingId, false), token);
        byte[] bytes = minutes.docx(version)
                .orElseThrow(() -> new AccessRefusedException("minutes:" + version.ownerId() + ":docx"));
        return Downloads.attachment(bytes, DOCX, "referat-v" + version.version() + ".docx");
    }

    @GetMapping({"/bestillinger/{orderId}/moede/referat/{token}.pdf", "/moeder/{meetingId}/referat/{token}.pdf"})
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            @PathVariable String token) {
        Version version = version(place(user, orderId, meetingId, false), token);
        byte[] bytes = minutes.pdf(version)
                .orElseThrow(() -> new AccessRefusedException("minutes:" + version.ownerId() + ":pdf"));
        return Downloads.attachment(bytes, MediaType.APPLICATION_PDF, "referat-v" + version.version() + ".pdf");
    }

    /** A member's personal link from the minutes mail: that version's PDF (Word while there is none), no sign-in. */
    @GetMapping("/referat/{token}")
    ResponseEntity<byte[]> personalMinutes(@PathVariable String token) {
        Version version = minutes.byPersonalLink(token).orElseThrow(() -> new AccessRefusedException("minutes-link"));
        return minutes.pdf(version)
                .map(pdf ->
                        Downloads.attachment(pdf, MediaType.APPLICATION_PDF, "referat-v" + version.version() + ".pdf"))
                .or(() -> minutes.docx(version)
                        .map(docx -> Downloads.attachment(docx, DOCX, "referat-v" + version.version() + ".docx")))
                .orElseThrow(() -> new AccessRefusedException("minutes-link"));
    }

    @PostMapping({"/bestillinger/{orderId}/moede/referat/{token}/send", "/moeder/{meetingId}/referat/{token}/send"})
    String sendMinutes(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long orderId,
            @PathVariable(required = false) Long meetingId,
            @PathVariable String token,
            RedirectAttributes redirect) {
        Place place = place(user, orderId, meetingId, true);
        Version version = version(place, token);
        if (!version.ready()) {
            redirect.addFlashAttribute("error", "meeting.minutes.notReady");
            return "redirect:" + place.base() + "#referat";
        }
        int recipients = minutes.send(place.meeting(), version, user.getUsername());
        redirect.addFlashAttribute("successArgs", new Object[] {version.version(), recipients});
        return saved(redirect, place, "meeting.minutes.sent", "referat");
    }

    /** An agenda item for the next KLU meeting: the order meeting's agreements where they stand today. */
    @GetMapping("/bestillinger/{orderId}/moede/klu-punkt.docx")
    ResponseEntity<byte[]> kluItem(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            HttpServletRequest request,
            HttpServletResponse response) {
        Place place = place(user, orderId, null, true);
        if (beforeMeetingDay(place)) {
            String location = place.base();
            RequestContextUtils.getOutputFlashMap(request).put("error", "meeting.notBeforeMeetingDay");
            RequestContextUtils.saveOutputFlashMap(location, request, response);
            return ResponseEntity.status(302)
                    .location(URI.create(location + "#aftaler"))
                    .build();
        }
        return Downloads.attachment(
                kluItem.write(place.meeting(), overview.today()), DOCX, "klu-punkt-" + orderId + ".docx");
    }

    private String render(
            Model model,
            Place place,
            Map<String, String> values,
            Map<String, String> errors,
            String conflict,
            String stored) {
        model.addAttribute("meeting", place.meeting());
        model.addAttribute("draft", values);
        model.addAttribute("errors", errors);
        model.addAttribute("errorItem", itemOf(errors.keySet()));
        model.addAttribute("conflict", conflict);
        model.addAttribute("stored", stored);
        // An order's agreements may belong to a party of the order; a hosted meeting's to a named person.
        model.addAttribute(
                "parties",
                place.order() == null ? List.of() : List.of(Party.CLUSTER, Party.MUNICIPALITY, Party.PROVIDER));
        minutesModel(model, place);
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
    private boolean beforeMeetingDay(Place place) {
        return overview.today().isBefore(place.meeting().heading().date());
    }

    /**
     * The item of the page a failed save belongs to, by its fields' keys: the page comes back at that item (its form
     * posts to a URL ending in the item's anchor) with the error summary there, not at the top of a long page.
     */
    static String itemOf(Collection<String> errorKeys) {
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
                    if (key.startsWith("item-")) {
                        return "nyt-punkt";
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

    private void minutesModel(Model model, Place place) {
        List<Version> versions = minutes.versions(place.id());
        model.addAttribute("meeting", place.meeting());
        model.addAttribute("order", place.order());
        model.addAttribute("base", place.base());
        // A cluster member reads an order's meeting and its referat; those who see the order write it.
        model.addAttribute("canWrite", place.canWrite());
        model.addAttribute("minutes", versions);
        model.addAttribute("minutesPending", versions.stream().anyMatch(Version::pending));
        model.addAttribute("beforeMeetingDay", beforeMeetingDay(place));
    }

    private static String saved(
            RedirectAttributes redirect, Place place, String message, String anchor, Object... args) {
        redirect.addFlashAttribute("success", message);
        if (args.length > 0) {
            redirect.addFlashAttribute("successArgs", args);
        }
        return "redirect:" + place.base() + "#" + anchor;
    }

    private static BlockView block(MeetingView meeting, int position) {
        return meeting.blocks().stream()
                .filter(b -> b.position() == position)
                .findFirst()
                .orElseThrow(() -> new AccessRefusedException("meeting:" + meeting.id() + ":block:" + position));
    }

    private static AgreementView agreement(MeetingView meeting, long agreementId) {
        return meeting.agreements().stream()
                .filter(a -> a.id() == agreementId)
                .findFirst()
                .orElseThrow(() -> new AccessRefusedException("meeting:" + meeting.id() + ":agreement:" + agreementId));
    }

    private Version version(Place place, String token) {
        return minutes.find(place.id(), token).orElseThrow(() -> new AccessRefusedException("minutes:" + place.id()));
    }

    private static int version(Integer version) {
        return version == null ? -1 : version;
    }
}
