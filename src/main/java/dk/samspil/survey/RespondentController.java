package dk.samspil.survey;

import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The respondent's pages, without sign-in. The personal link {@code /s/<token>} is exchanged for a session at once and
 * the browser sent on to {@code /svar}, so the token is not left in the address bar, the history or a referrer. An
 * unknown, used or closed link gets one and the same page, so a guesser learns nothing.
 */
@Controller
class RespondentController {

    static final String ANSWER_VIEW = "survey/answer";
    static final String UNAVAILABLE_VIEW = "survey/unavailable";
    static final String THANKS_VIEW = "survey/thanks";
    static final String SESSION_KEY = "samspil.survey.invitation";
    static final int PAGE_SIZE = 4;

    private final Answering answering;
    private final Surveys surveys;
    private final Orders orders;
    private final LinkGuard guard;
    /** The order's names shown above the questions; a minute old at most. */
    private final com.github.benmanes.caffeine.cache.Cache<Long, OrderView> headings = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().maximumSize(1_000).expireAfterWrite(java.time.Duration.ofMinutes(1)).build();

    RespondentController(Answering answering, Surveys surveys, Orders orders, LinkGuard guard) {
        this.answering = answering;
        this.surveys = surveys;
        this.orders = orders;
        this.guard = guard;
    }

    @GetMapping("/s/{token}")
    String open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        String client = request.getRemoteAddr();
        if (!guard.allowed(client)) {
            response.setStatus(429);
            response.setHeader("Retry-After", "600");
            return "survey/too-many";
        }
        Optional<Answering.Respondent> respondent = answering.open(token);
        if (respondent.isEmpty()) {
            guard.failed(client);
            return UNAVAILABLE_VIEW;
        }
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(SESSION_KEY, respondent.get().invitationId());
        return "redirect:/svar";
    }

    @GetMapping("/svar")
    String page(@RequestParam(name = "side", defaultValue = "1") int page, HttpSession session, Model model) {
        Optional<Answering.Respondent> respondent = respondent(session);
        if (respondent.isEmpty()) {
            return UNAVAILABLE_VIEW;
        }
        SurveyView survey = survey(respondent.get());
        return render(model, respondent.get(), survey, page, answering.draft(respondent.get()), List.of(), null);
    }

    @PostMapping("/svar")
    String answer(@RequestParam(name = "side", defaultValue = "1") int page,
            @RequestParam(name = "handling", defaultValue = "naeste") String action,
            @RequestParam MultiValueMap<String, String> form, HttpSession session, Model model) {
        Optional<Answering.Respondent> respondent = respondent(session);
        if (respondent.isEmpty()) {
            // A second submit after the answer was received (a double click, another window opened from the same
            // link) lands on the thanks page; only a session that opened a valid link can learn this.
            boolean answered = session.getAttribute(THANKS_KEY) != null
                    || (session.getAttribute(SESSION_KEY) instanceof Long id && answering.answered(id));
            return answered ? "redirect:/svar/tak" : UNAVAILABLE_VIEW;
        }
        long invitation = respondent.get().invitationId();
        SurveyView survey = survey(respondent.get());
        int pages = pages(survey);
        int current = Math.max(1, Math.min(page, pages));
        List<Question> shown = pageQuestions(survey, current);
        Map<String, Answer> answers = new LinkedHashMap<>(answering.draft(respondent.get()));
        answers.putAll(Answering.read(shown, form));
        if (!"send".equals(action)) {
            answering.saveDraft(invitation, answers);
        }
        switch (action) {
            case "forrige" -> {
                return render(model, respondent.get(), survey, current - 1, answers, List.of(), null);
            }
            case "gem" -> {
                return render(model, respondent.get(), survey, current, answers, List.of(), "survey.answer.saved");
            }
            case "send" -> {
                List<String> missing = Answering.missing(survey.questions(), answers);
                if (!missing.isEmpty()) {
                    answering.saveDraft(invitation, answers);
                    int first = pageOf(survey, missing.get(0));
                    return render(model, respondent.get(), survey, first, answers, missing, null);
                }
                Answering.Outcome outcome = answering.submit(invitation, survey.versionNumber(), answers);
                session.removeAttribute(SESSION_KEY);
                if (outcome == Answering.Outcome.CLOSED) {
                    return UNAVAILABLE_VIEW;
                }
                session.setAttribute(THANKS_KEY, Boolean.TRUE);
                return "redirect:/svar/tak";
            }
            default -> {
                List<String> missing = Answering.missing(shown, answers);
                if (!missing.isEmpty()) {
                    return render(model, respondent.get(), survey, current, answers, missing, null);
                }
                return render(model, respondent.get(), survey, current + 1, answers, List.of(), null);
            }
        }
    }

    @GetMapping("/svar/tak")
    String thanks() {
        return THANKS_VIEW;
    }

    static final String THANKS_KEY = "samspil.survey.thanks";

    /** The version that was sent (from the cache: a sent version never changes). */
    private SurveyView survey(Answering.Respondent respondent) {
        List<Question> questions = surveys.sentQuestions(respondent.surveyId(), respondent.versionNumber());
        return new SurveyView(respondent.surveyId(), respondent.orderId(), SurveyStatus.OPEN, null, "",
                respondent.versionNumber(), true, questions);
    }

    private Optional<Answering.Respondent> respondent(HttpSession session) {
        Object invitation = session.getAttribute(SESSION_KEY);
        return invitation instanceof Long id ? answering.stillOpen(id) : Optional.empty();
    }

    private String render(Model model, Answering.Respondent respondent, SurveyView survey, int page,
            Map<String, Answer> answers, List<String> missing, String notice) {
        int pages = pages(survey);
        int current = Math.max(1, Math.min(page, pages));
        OrderView order = headings.get(respondent.orderId(), id -> orders.find(id).orElseThrow());
        model.addAttribute("order", order);
        model.addAttribute("survey", survey);
        model.addAttribute("closesOn", respondent.closesOn());
        model.addAttribute("questions", pageQuestions(survey, current));
        model.addAttribute("answers", answers);
        model.addAttribute("missing", missing);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("answeredCount", survey.questions().stream()
                .filter(q -> answers.containsKey(q.key()) && !answers.get(q.key()).isEmpty()).count());
        model.addAttribute("other", Answering.OTHER);
        model.addAttribute("notice", notice);
        return ANSWER_VIEW;
    }

    static int pages(SurveyView survey) {
        return Math.max(1, (survey.questions().size() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    static List<Question> pageQuestions(SurveyView survey, int page) {
        List<Question> all = survey.questions();
        int from = Math.min((page - 1) * PAGE_SIZE, all.size());
        return all.subList(from, Math.min(from + PAGE_SIZE, all.size()));
    }

    static int pageOf(SurveyView survey, String key) {
        for (int i = 0; i < survey.questions().size(); i++) {
            if (survey.questions().get(i).key().equals(key)) {
                return i / PAGE_SIZE + 1;
            }
        }
        return 1;
    }
}
