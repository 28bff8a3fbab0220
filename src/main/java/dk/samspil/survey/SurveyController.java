package dk.samspil.survey;

import dk.samspil.ordering.OrderGuard;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.TaskView;
import dk.samspil.ordering.Orders;
import dk.samspil.ordering.Timeline;
import dk.samspil.platform.RuleViolation;
import dk.samspil.security.Access;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The survey of an order for the people who plan the meeting: the review round (comments and proposals from the
 * cluster and the municipality; edits, decisions and freezing by the consultant), sending, reminders, closing and
 * reopening, the response rate, the results and the exports. Everyone here must see the order; changing the
 * questionnaire is the provider's.
 */
@Controller
class SurveyController {

    static final String SURVEY_VIEW = "survey/survey";
    static final String QUESTION_VIEW = "survey/question";
    static final String RESULTS_VIEW = "survey/results";

    private final Orders orders;
    private final Surveys surveys;
    private final Review review;
    private final Sending sending;
    private final SurveyResults results;
    private final SurveySettings settings;
    private final Access access;
    private final OrderGuard guard;
    private final dk.samspil.catalog.Catalog catalog;

    SurveyController(
            Orders orders,
            Surveys surveys,
            Review review,
            Sending sending,
            SurveyResults results,
            SurveySettings settings,
            Access access,
            OrderGuard guard,
            dk.samspil.catalog.Catalog catalog) {
        this.catalog = catalog;
        this.guard = guard;
        this.orders = orders;
        this.surveys = surveys;
        this.review = review;
        this.sending = sending;
        this.results = results;
        this.settings = settings;
        this.access = access;
    }

    @GetMapping("/bestillinger/{orderId}/spoergeskema")
    String show(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        OrderView order = guard.visible(user, orderId);
        SurveyView survey = surveys.forOrder(orderId, order.packageSlug());
        List<Proposal> proposals = review.proposals(survey.id());
        List<TaskView> tasks = orders.tasks(orderId);
        LocalDate deadline = due(tasks, Timeline.Step.QUESTIONNAIRE_COMMENTS);
        model.addAttribute("order", order);
        model.addAttribute("survey", survey);
        model.addAttribute(
                "proposalsByQuestion",
                proposals.stream()
                        .filter(p -> p.questionKey() != null)
                        .collect(Collectors.groupingBy(Proposal::questionKey)));
        model.addAttribute(
                "generalProposals",
                proposals.stream().filter(p -> p.questionKey() == null).toList());
        model.addAttribute(
                "openProposals",
                proposals.stream().filter(p -> "OPEN".equals(p.status())).count());
        model.addAttribute("reviewDeadline", deadline);
        model.addAttribute("canManage", Orders.canManage(user, order));
        model.addAttribute("canPropose", canPropose(user, order, survey, deadline));
        model.addAttribute("canSend", canSend(user, order));
        model.addAttribute("kinds", Review.KINDS);
        LocalDate closes = due(tasks, Timeline.Step.SURVEY_CLOSED);
        model.addAttribute(
                "defaultClosesOn",
                closes != null && closes.isAfter(sending.today())
                        ? closes
                        : sending.today().plusWeeks(2));
        if (survey.status() == SurveyStatus.OPEN || survey.status() == SurveyStatus.CLOSED) {
            model.addAttribute("rate", sending.responseRate(survey.id()));
        }
        model.addAttribute("members", survey.status() == SurveyStatus.FROZEN ? sending.memberCount(order) : 0);
        model.addAttribute("participants", sending.participantCount(order));
        model.addAttribute(
                "audience",
                sending.defaultAudience(order).stream().map(Enum::name).toList());
        return SURVEY_VIEW;
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/forslag")
    String propose(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(required = false) String questionKey,
            @RequestParam(defaultValue = "COMMENT") String kind,
            @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        SurveyView survey = surveys.forOrder(orderId, order.packageSlug());
        access.require(
                canPropose(user, order, survey, reviewDeadline(orderId)), user, "survey:" + survey.id() + ":propose");
        return act(
                orderId,
                redirect,
                "survey.proposal.saved",
                () -> review.propose(survey, questionKey, kind, text, user.displayName(), party(user)));
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/forslag/{proposalId}")
    String decide(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable long proposalId,
            @RequestParam(defaultValue = "applied") String decision,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String questionKey,
            RedirectAttributes redirect) {
        SurveyView survey = managedSurvey(user, orderId);
        return act(
                        orderId,
                        redirect,
                        "survey.proposal.decided",
                        () -> review.decide(survey, proposalId, "applied".equals(decision), reason))
                + at(survey, questionKey);
    }

    /** "Brug forslaget": the proposed wording replaces the question's text in one click. */
    @PostMapping("/bestillinger/{orderId}/spoergeskema/forslag/{proposalId}/brug")
    String useProposal(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable long proposalId,
            @RequestParam(required = false) String questionKey,
            RedirectAttributes redirect) {
        SurveyView survey = managedSurvey(user, orderId);
        return act(orderId, redirect, "survey.proposal.used", () -> review.useWording(survey, proposalId))
                + at(survey, questionKey);
    }

    /** The questionnaire exactly as a member will see it, page by page, before it is sent; nothing is saved. */
    @GetMapping("/bestillinger/{orderId}/spoergeskema/forhaandsvisning")
    String preview(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(defaultValue = "1") int side,
            @RequestParam(required = false) String handling,
            Model model) {
        OrderView order = guard.visible(user, orderId);
        SurveyView survey = surveys.forOrder(orderId, order.packageSlug());
        int page = side + ("naeste".equals(handling) ? 1 : "forrige".equals(handling) ? -1 : 0);
        return RespondentController.preview(model, order, survey, page);
    }

    /** The anchor of a question on the survey page, so the page opens where the consultant was working. */
    private static String at(SurveyView survey, String questionKey) {
        return questionKey != null && survey.question(questionKey) != null ? "#q-" + questionKey : "";
    }

    @GetMapping({
        "/bestillinger/{orderId}/spoergeskema/spoergsmaal/{key}",
        "/bestillinger/{orderId}/spoergeskema/spoergsmaal"
    })
    String questionForm(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable(required = false) String key,
            Model model) {
        SurveyView survey = managedSurvey(user, orderId);
        QuestionForm form =
                key == null ? QuestionForm.below(survey.questions()) : QuestionForm.of(question(survey, key));
        model.addAttribute("questionForm", form);
        return questionView(model, orderId, survey, key);
    }

    @PostMapping({
        "/bestillinger/{orderId}/spoergeskema/spoergsmaal/{key}",
        "/bestillinger/{orderId}/spoergeskema/spoergsmaal"
    })
    String saveQuestion(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable(required = false) String key,
            @ModelAttribute QuestionForm questionForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        SurveyView survey = managedSurvey(user, orderId);
        if (key != null) {
            question(survey, key);
        }
        if (questionForm.getBlock() != null && !blocks(survey).containsKey(questionForm.getBlock())) {
            result.rejectValue("block", "survey.question.block.invalid");
        }
        if (!result.hasErrors()) {
            try {
                if (key == null) {
                    review.add(survey, questionForm.edit());
                } else {
                    review.edit(survey, key, questionForm.edit());
                }
                redirect.addFlashAttribute("success", "survey.question.saved");
                return "redirect:/bestillinger/" + orderId + "/spoergeskema";
            } catch (RuleViolation refused) {
                String field = switch (refused.messageKey()) {
                    case "survey.question.options.tooFew" -> "options";
                    case "survey.question.textRequired", "survey.question.tooLong" -> "text";
                    default -> null;
                };
                if (field == null) {
                    redirect.addFlashAttribute("error", refused.messageKey());
                    return "redirect:/bestillinger/" + orderId + "/spoergeskema";
                }
                result.rejectValue(field, refused.messageKey());
            }
        }
        return questionView(model, orderId, survey, key);
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/spoergsmaal/{key}/fjern")
    String remove(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable String key,
            RedirectAttributes redirect) {
        SurveyView survey = managedSurvey(user, orderId);
        question(survey, key);
        return act(orderId, redirect, "survey.question.removed", () -> review.remove(survey, key));
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/spoergsmaal/{key}/flyt")
    String move(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable String key,
            @RequestParam(defaultValue = "down") String direction,
            RedirectAttributes redirect) {
        SurveyView survey = managedSurvey(user, orderId);
        question(survey, key);
        return act(
                        orderId,
                        redirect,
                        "survey.question.moved",
                        () -> review.move(survey, key, "up".equals(direction) ? -1 : 1))
                + at(survey, key);
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/frys")
    String freeze(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, RedirectAttributes redirect) {
        SurveyView survey = managedSurvey(user, orderId);
        return act(orderId, redirect, "survey.frozen.done", () -> review.freeze(survey, user.displayName()));
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/ny-version")
    String newVersion(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, RedirectAttributes redirect) {
        SurveyView survey = managedSurvey(user, orderId);
        return act(orderId, redirect, "survey.newVersion.done", () -> review.newVersion(survey));
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/send")
    String send(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
            @RequestParam(required = false) String reminderDays,
            @RequestParam(required = false) List<String> audience,
            @RequestParam(name = "_audience", required = false) String audienceChosen,
            RedirectAttributes redirect) {
        return sendAction(
                user,
                orderId,
                redirect,
                "survey.sent",
                survey -> sending.send(
                        survey, closesOn, reminderDays, user.displayName(), audience(audience, audienceChosen)));
    }

    /** Reminders to the chosen sectors (all when not chosen); a chosen municipality also invites participants not yet invited. */
    @PostMapping("/bestillinger/{orderId}/spoergeskema/paamind")
    String remind(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(required = false) List<String> audience,
            @RequestParam(name = "_audience", required = false) String audienceChosen,
            RedirectAttributes redirect) {
        java.util.Set<Sector> chosen = audience(audience, audienceChosen);
        return sendAction(
                user,
                orderId,
                redirect,
                "survey.reminded",
                survey -> chosen == null ? sending.remind(survey) : sending.remind(survey, chosen));
    }

    /** The sectors ticked on the form; null when the form offered no choice (the package's default applies). */
    private static java.util.Set<Sector> audience(List<String> audience, String audienceChosen) {
        if (audienceChosen == null) {
            return null;
        }
        java.util.Set<Sector> sectors = java.util.EnumSet.noneOf(Sector.class);
        for (Sector sector : Sector.values()) {
            if (audience != null && audience.contains(sector.name())) {
                sectors.add(sector);
            }
        }
        return sectors;
    }

    /** Sending and reminding: for whoever may send; the success message gets the number of mails. */
    private String sendAction(
            SamspilPrincipal user,
            long orderId,
            RedirectAttributes redirect,
            String successKey,
            java.util.function.ToIntFunction<SurveyView> action) {
        OrderView order = guard.visible(user, orderId);
        access.require(canSend(user, order), user, "order:" + orderId + ":survey-send");
        SurveyView survey = surveys.forOrder(orderId, order.packageSlug());
        try {
            int mails = action.applyAsInt(survey);
            redirect.addFlashAttribute("success", successKey);
            redirect.addFlashAttribute("successArgs", new Object[] {mails});
        } catch (RuleViolation refused) {
            // Back at the send form with the message there, not at the top of a long page.
            redirect.addFlashAttribute("error", refused.messageKey());
            redirect.addFlashAttribute("errorAt", "send");
            return "redirect:/bestillinger/" + orderId + "/spoergeskema#send";
        }
        return "redirect:/bestillinger/" + orderId + "/spoergeskema";
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/luk")
    String close(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, RedirectAttributes redirect) {
        SurveyView survey = managedSurvey(user, orderId);
        return act(orderId, redirect, "survey.closed.done", () -> sending.close(survey, user.displayName()));
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/genaabn")
    String reopen(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
            RedirectAttributes redirect) {
        SurveyView survey = managedSurvey(user, orderId);
        return act(orderId, redirect, "survey.reopened", () -> sending.reopen(survey, closesOn));
    }

    @GetMapping("/bestillinger/{orderId}/resultater")
    String results(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        OrderView order = guard.readable(user, orderId);
        SurveyView survey = surveys.forOrder(orderId, order.packageSlug());
        model.addAttribute("order", order);
        model.addAttribute("survey", survey);
        model.addAttribute("results", results.of(survey));
        model.addAttribute("then", then(order));
        // Invited and answered per sector: counts of people, for the consultant.
        model.addAttribute("canManage", Orders.canManage(user, order));
        // A cluster member reads the results; the exports are for those who run and plan the meeting.
        model.addAttribute("canExport", Orders.canSee(user, order));
        return RESULTS_VIEW;
    }

    /**
     * A question as it was answered at the first meeting, for a follow-up's page: its answers and each option's share
     * by label (shares compare; the numbers answering differ).
     */
    record Then(int answered, java.util.Map<String, SurveyResults.OptionCount> options) {}

    /** By question key, a follow-up's "then" under the same threshold as "now"; empty when none or too few answered. */
    private java.util.Map<String, Then> then(OrderView order) {
        if (order.followsOrderId() == null) {
            return java.util.Map.of();
        }
        return results.forOrder(order.followsOrderId()).filter(SurveyResults.Results::shown).stream()
                .flatMap(r -> r.questions().stream())
                .filter(SurveyResults.QuestionResult::closed)
                .collect(Collectors.toMap(
                        q -> q.question().key(),
                        q -> new Then(
                                q.answered(),
                                q.options().stream()
                                        .collect(Collectors.toMap(
                                                SurveyResults.OptionCount::label, o -> o, (a, b) -> a)))));
    }

    @GetMapping("/bestillinger/{orderId}/resultater.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId) {
        return export(
                user,
                orderId,
                "csv",
                new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                AnswerExport::csv,
                AnswerExport::csv);
    }

    @GetMapping("/bestillinger/{orderId}/resultater.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId) {
        return export(
                user,
                orderId,
                "xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                AnswerExport::xlsx,
                AnswerExport::xlsx);
    }

    private ResponseEntity<byte[]> export(
            SamspilPrincipal user,
            long orderId,
            String extension,
            MediaType type,
            java.util.function.Function<SurveyResults.AllAnswers, byte[]> perRespondent,
            java.util.function.Function<List<List<String>>, byte[]> perQuestion) {
        OrderView order = guard.visible(user, orderId);
        SurveyView survey = surveys.forOrder(orderId, order.packageSlug());
        // Below the threshold there is nothing to export: 404 like any page that is not there.
        SurveyResults.AllAnswers all = results.all(survey)
                .orElseThrow(() -> new AccessRefusedException("survey:" + survey.id() + ":export-below-threshold"));
        // A row per respondent only for the consultant; the cluster and the municipality get the results per question.
        byte[] body = Orders.canManage(user, order)
                ? perRespondent.apply(all)
                : perQuestion.apply(AnswerExport.summary(results.of(survey)));
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("spoergeskema-svar-" + orderId + "." + extension)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private String questionView(Model model, long orderId, SurveyView survey, String key) {
        model.addAttribute("order", orders.find(orderId).orElseThrow());
        model.addAttribute("survey", survey);
        model.addAttribute("questionKey", key);
        model.addAttribute("types", dk.samspil.catalog.PackageDefinition.QuestionType.values());
        model.addAttribute("blocks", blocks(survey));
        return QUESTION_VIEW;
    }

    /** The programme's numbered blocks a question's results can go in, by number, from the order's package. */
    private java.util.Map<Integer, String> blocks(SurveyView survey) {
        OrderView order = orders.find(survey.orderId()).orElseThrow();
        java.util.Map<Integer, String> blocks = new java.util.TreeMap<>();
        catalog.find(order.packageSlug())
                .ifPresent(pkg -> pkg.programme().stream()
                        .filter(item -> item.block() != null)
                        .forEach(item -> blocks.putIfAbsent(item.block(), item.title())));
        return blocks;
    }

    private String act(long orderId, RedirectAttributes redirect, String successKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", successKey);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("error", refused.messageKey());
        }
        return "redirect:/bestillinger/" + orderId + "/spoergeskema";
    }

    private static dk.samspil.catalog.PackageDefinition.Question question(SurveyView survey, String key) {
        var question = survey.question(key);
        if (question == null) {
            throw new AccessRefusedException("survey:" + survey.id() + ":question:" + key);
        }
        return question;
    }

    private boolean canPropose(SamspilPrincipal user, OrderView order, SurveyView survey, LocalDate deadline) {
        if (survey.status() != SurveyStatus.REVIEW) {
            return false;
        }
        if (Orders.canManage(user, order)) {
            return true;
        }
        boolean party = (user.is(Role.COORDINATOR) && Orders.canPlan(user, order)) || user.is(Role.MUNICIPALITY);
        return party && (deadline == null || !sending.today().isAfter(deadline));
    }

    private boolean canSend(SamspilPrincipal user, OrderView order) {
        return Orders.canManage(user, order)
                || (user.is(Role.COORDINATOR)
                        && Orders.canPlan(user, order)
                        && settings.coordinatorSends().contains(order.providerCode()));
    }

    private static String party(SamspilPrincipal user) {
        return switch (user.role()) {
            case COORDINATOR -> "CLUSTER";
            case MUNICIPALITY -> "MUNICIPALITY";
            default -> "PROVIDER";
        };
    }

    private LocalDate reviewDeadline(long orderId) {
        return due(orders.tasks(orderId), Timeline.Step.QUESTIONNAIRE_COMMENTS);
    }

    private static LocalDate due(List<TaskView> tasks, Timeline.Step step) {
        return tasks.stream()
                .filter(t -> t.step() == step)
                .findFirst()
                .map(TaskView::due)
                .orElse(null);
    }

    private SurveyView managedSurvey(SamspilPrincipal user, long orderId) {
        OrderView order = guard.managed(user, orderId);
        return surveys.forOrder(orderId, order.packageSlug());
    }
}
