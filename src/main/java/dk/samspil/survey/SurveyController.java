package dk.samspil.survey;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
 * The survey of an order for the people who plan the meeting: the survey page with the response rate, the review
 * round (comments and proposals from the cluster and the municipality; edits and decisions by the consultant) and the
 * preview. Everyone here must see the order; changing the questionnaire is the provider's. Freezing, sending and
 * closing are {@link SurveyLifecycleController}'s, the results and exports {@link SurveyResultsController}'s.
 */
@Controller
class SurveyController {

    static final String SURVEY_VIEW = "survey/survey";
    static final String QUESTION_VIEW = "survey/question";

    private final Orders orders;
    private final Surveys surveys;
    private final Review review;
    private final Sending sending;
    private final Access access;
    private final OrderGuard guard;
    private final SurveyGuard surveyGuard;
    private final Catalog catalog;

    SurveyController(
            Orders orders,
            Surveys surveys,
            Review review,
            Sending sending,
            Access access,
            OrderGuard guard,
            SurveyGuard surveyGuard,
            Catalog catalog) {
        this.catalog = catalog;
        this.guard = guard;
        this.surveyGuard = surveyGuard;
        this.orders = orders;
        this.surveys = surveys;
        this.review = review;
        this.sending = sending;
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
        model.addAttribute("canSend", surveyGuard.canSend(user, order));
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
        SurveyView survey = surveyGuard.managed(user, orderId);
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
        SurveyView survey = surveyGuard.managed(user, orderId);
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
        SurveyView survey = surveyGuard.managed(user, orderId);
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
        SurveyView survey = surveyGuard.managed(user, orderId);
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
                    case "survey.question.rows.tooFew", "survey.question.rows.tooLong" -> "rows";
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
        SurveyView survey = surveyGuard.managed(user, orderId);
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
        SurveyView survey = surveyGuard.managed(user, orderId);
        question(survey, key);
        return act(
                        orderId,
                        redirect,
                        "survey.question.moved",
                        () -> review.move(survey, key, "up".equals(direction) ? -1 : 1))
                + at(survey, key);
    }

    private String questionView(Model model, long orderId, SurveyView survey, String key) {
        model.addAttribute("order", orders.find(orderId).orElseThrow());
        model.addAttribute("survey", survey);
        model.addAttribute("questionKey", key);
        model.addAttribute("types", PackageDefinition.QuestionType.values());
        model.addAttribute("blocks", blocks(survey));
        return QUESTION_VIEW;
    }

    /** The programme's numbered blocks a question's results can go in, by number, from the order's package. */
    private Map<Integer, String> blocks(SurveyView survey) {
        OrderView order = orders.find(survey.orderId()).orElseThrow();
        Map<Integer, String> blocks = new TreeMap<>();
        catalog.find(order.packageSlug(), order.packageVersion())
                .ifPresent(pkg -> pkg.programme().stream()
                        .filter(item -> item.block() != null)
                        .forEach(item -> blocks.putIfAbsent(item.block(), item.title())));
        return blocks;
    }

    /** Runs a survey action and goes back to the survey page with its outcome (also for {@link SurveyLifecycleController}). */
    static String act(long orderId, RedirectAttributes redirect, String successKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", successKey);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("error", refused.messageKey());
        }
        return "redirect:/bestillinger/" + orderId + "/spoergeskema";
    }

    private static PackageDefinition.Question question(SurveyView survey, String key) {
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
}
