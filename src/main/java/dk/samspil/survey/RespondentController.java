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
    /** The respondent (survey, version, order) and the draft, kept between a page and its post. */
    static final String RESPONDENT_KEY = "samspil.survey.respondent";
    static final String DRAFT_KEY = "samspil.survey.draft";
    /** The key that seals the link's drafts, derived from the link at opening; in the session's memory only. */
    static final String SEAL_KEY = "samspil.survey.sealKey";
    static final int PAGE_SIZE = 4;

    private final Answering answering;
    private final Surveys surveys;
    private final Orders orders;
    private final LinkGuard guard;
    private final dk.samspil.security.ClientAddress clientAddress;
    /** The order's names shown above the questions; a minute old at most. */
    private final com.github.benmanes.caffeine.cache.Cache<Long, OrderView> headings = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().maximumSize(1_000).expireAfterWrite(java.time.Duration.ofMinutes(1)).build();

    RespondentController(Answering answering, Surveys surveys, Orders orders, LinkGuard guard,
            dk.samspil.security.ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
        this.answering = answering;
        this.surveys = surveys;
        this.orders = orders;
        this.guard = guard;
    }

    @GetMapping("/s/{token}")
    String open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        Optional<Answering.Respondent> respondent = answering.open(token);
        if (respondent.isEmpty()) {
            if (!guard.failed(clientAddress.of(request))) {
                response.setStatus(429);
                response.setHeader("Retry-After", "600");
                return "survey/too-many";
            }
            return UNAVAILABLE_VIEW;
        }
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SESSION_KEY, respondent.get().invitationId());
        session.setAttribute(SEAL_KEY, AnswerCipher.draftKey(token));
        session.removeAttribute(RESPONDENT_KEY);
        session.removeAttribute(DRAFT_KEY);
        return "redirect:/svar";
    }

    @GetMapping("/svar")
    String page(@RequestParam(name = "side", defaultValue = "1") int page, HttpSession session, Model model) {
        Optional<Answering.Respondent> respondent = respondent(session);
        if (respondent.isEmpty()) {
            return UNAVAILABLE_VIEW;
        }
        SurveyView survey = survey(respondent.get());
        return render(model, respondent.get(), survey, page, draft(session, respondent.get()), List.of(), null);
    }

    @PostMapping("/svar")
    String answer(@RequestParam(name = "side", defaultValue = "1") int page,
            @RequestParam(name = "handling", defaultValue = "naeste") String action,
            @RequestParam MultiValueMap<String, String> form, HttpSession session, Model model) {
        Optional<Answering.Respondent> respondent = sessionRespondent(session);
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
        Map<String, Answer> answers = new LinkedHashMap<>(draft(session, respondent.get()));
        answers.putAll(Answering.read(shown, form));
        if (!"send".equals(action) && !saveDraft(session, invitation, answers)) {
            return noLongerOpen(session, invitation);
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
                    if (!saveDraft(session, invitation, answers)) {
                        return noLongerOpen(session, invitation);
                    }
                    int first = pageOf(survey, missing.get(0));
                    return render(model, respondent.get(), survey, first, answers, missing, null);
                }
                Answering.Outcome outcome = answering.submit(invitation, survey.id(), survey.versionNumber(), answers);
                forget(session);
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

    /**
     * The respondent of this session, read from the database (a page shown: the survey may have closed, or the draft
     * grown in another window); kept in the session with the draft for the posts that follow.
     */
    private Optional<Answering.Respondent> respondent(HttpSession session) {
        Object invitation = session.getAttribute(SESSION_KEY);
        Optional<Answering.Respondent> respondent = invitation instanceof Long id ? answering.stillOpen(id) : Optional.empty();
        if (respondent.isPresent()) {
            session.setAttribute(RESPONDENT_KEY, respondent.get());
            session.setAttribute(DRAFT_KEY, new KeptDraft(respondent.get().invitationId(),
                    new LinkedHashMap<>(answering.draft(respondent.get(), sealKey(session)))));
        } else {
            session.removeAttribute(RESPONDENT_KEY);
            session.removeAttribute(DRAFT_KEY);
        }
        return respondent;
    }

    /**
     * The respondent of a post: as kept in the session by the page it was posted from (whether the link may still
     * answer is checked by the same statement that saves the draft or the answer), or else from the database.
     */
    private Optional<Answering.Respondent> sessionRespondent(HttpSession session) {
        if (session.getAttribute(SESSION_KEY) instanceof Long id && session.getAttribute(RESPONDENT_KEY) instanceof Answering.Respondent kept
                && kept.invitationId() == id) {
            return Optional.of(kept);
        }
        return respondent(session);
    }

    /** The draft kept in the session, with the link it belongs to (a post for another link may finish late). */
    record KeptDraft(long invitationId, LinkedHashMap<String, Answer> answers) implements java.io.Serializable {}

    private Map<String, Answer> draft(HttpSession session, Answering.Respondent respondent) {
        return session.getAttribute(DRAFT_KEY) instanceof KeptDraft kept && kept.invitationId() == respondent.invitationId()
                ? kept.answers() : answering.draft(respondent, sealKey(session));
    }

    private static AnswerCipher.DraftKey sealKey(HttpSession session) {
        return session.getAttribute(SEAL_KEY) instanceof AnswerCipher.DraftKey key ? key : null;
    }

    /** The session no longer answers for any link. */
    private static void forget(HttpSession session) {
        session.removeAttribute(SESSION_KEY);
        session.removeAttribute(RESPONDENT_KEY);
        session.removeAttribute(DRAFT_KEY);
        session.removeAttribute(SEAL_KEY);
    }

    /** A post from a link that may no longer answer: thanks when it has answered (in another tab), else unavailable. */
    private String noLongerOpen(HttpSession session, long invitation) {
        if (answering.answered(invitation)) {
            session.setAttribute(THANKS_KEY, Boolean.TRUE);
            return "redirect:/svar/tak";
        }
        return UNAVAILABLE_VIEW;
    }

    /** Saves the draft where the link may still answer, and keeps it in the session; false when it may not. */
    private boolean saveDraft(HttpSession session, long invitation, Map<String, Answer> answers) {
        AnswerCipher.DraftKey key = sealKey(session);
        if (key == null || !answering.saveDraft(invitation, key, answers)) {
            forget(session);
            return false;
        }
        session.setAttribute(DRAFT_KEY, new KeptDraft(invitation, new LinkedHashMap<>(answers)));
        return true;
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

    /** The member's page for the survey's current version, shown to the planners as a preview that saves nothing. */
    static String preview(Model model, OrderView order, SurveyView survey, int page) {
        int pages = pages(survey);
        int current = Math.max(1, Math.min(page, pages));
        model.addAttribute("order", order);
        model.addAttribute("survey", survey);
        model.addAttribute("closesOn", survey.closesOn());
        model.addAttribute("questions", pageQuestions(survey, current));
        model.addAttribute("answers", Map.of());
        model.addAttribute("missing", List.of());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("answeredCount", 0);
        model.addAttribute("other", Answering.OTHER);
        model.addAttribute("preview", true);
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
