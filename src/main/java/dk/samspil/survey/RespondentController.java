package dk.samspil.survey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.security.ClientAddress;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The respondent's pages, without sign-in and without an HTTP session. The personal link {@code /s/<token>} is moved
 * at once into a cookie of the answer pages ({@value #LINK_COOKIE}: HttpOnly, path {@code /svar}, Secure over https,
 * SameSite=Lax, half an hour after the last page) and the browser sent on to {@code /svar}, so the token is not left
 * in the address bar, the history or a referrer. Each page finds its invitation from the link again (the database has
 * only the link's SHA-256) and opens the draft with the key derived from it, so no instance keeps anything of a
 * respondent between requests and a persisted session, if the browser has one for staff pages, holds nothing that
 * ties it to a link or an answer. An unknown, used or closed link gets one and the same page, so a guesser learns
 * nothing.
 */
@Controller
class RespondentController {

    static final String ANSWER_VIEW = "survey/answer";
    static final String UNAVAILABLE_VIEW = "survey/unavailable";
    static final String THANKS_VIEW = "survey/thanks";
    /** The cookie that carries the link between the answer pages; the browser's only, never stored by us. */
    static final String LINK_COOKIE = "samspil-svar";

    static final String LINK_COOKIE_PATH = "/svar";
    static final Duration LINK_COOKIE_AGE = Duration.ofMinutes(30);
    static final int PAGE_SIZE = 4;

    private final Answering answering;
    private final Surveys surveys;
    private final Orders orders;
    private final LinkGuard guard;
    private final ClientAddress clientAddress;
    /** The order's names shown above the questions; a minute old at most. */
    private final Cache<Long, OrderView> headings = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    RespondentController(
            Answering answering, Surveys surveys, Orders orders, LinkGuard guard, ClientAddress clientAddress) {
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
        keepLink(token, request, response);
        return "redirect:/svar";
    }

    @GetMapping("/svar")
    String page(
            @RequestParam(name = "side", defaultValue = "1") int page,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<String> token = link(request);
        Optional<Answering.Respondent> respondent = token.flatMap(answering::open);
        if (respondent.isEmpty()) {
            return UNAVAILABLE_VIEW;
        }
        keepLink(token.get(), request, response);
        SurveyView survey = survey(respondent.get());
        return render(
                model,
                respondent.get(),
                survey,
                page,
                answering.draft(respondent.get(), AnswerCipher.draftKey(token.get())),
                List.of(),
                null);
    }

    @PostMapping("/svar")
    String answer(
            @RequestParam(name = "side", defaultValue = "1") int page,
            @RequestParam(name = "handling", defaultValue = "naeste") String action,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<String> token = link(request);
        Optional<Answering.Respondent> respondent = token.flatMap(answering::open);
        if (respondent.isEmpty()) {
            // A second submit after the answer was received (a double click, another window opened from the same
            // link) lands on the thanks page; only a browser that holds the link can learn this.
            return token.isPresent() && answering.answeredWith(token.get()) ? "redirect:/svar/tak" : UNAVAILABLE_VIEW;
        }
        keepLink(token.get(), request, response);
        AnswerCipher.DraftKey key = AnswerCipher.draftKey(token.get());
        SurveyView survey = survey(respondent.get());
        int current = Math.max(1, Math.min(page, pages(survey)));
        List<Question> shown = pageQuestions(survey, current);
        Map<String, Answer> answers = new LinkedHashMap<>(answering.draft(respondent.get(), key));
        answers.putAll(Answering.read(shown, form));
        Posted posted = new Posted(token.get(), key, respondent.get(), survey, answers);
        if ("send".equals(action)) {
            return send(posted, model, request, response);
        }
        if (!answering.saveDraft(posted.invitation(), key, answers)) {
            return noLongerOpen(token.get());
        }
        return switch (action) {
            case "forrige" -> render(model, posted, current - 1, List.of(), null);
            case "gem" -> render(model, posted, current, List.of(), "survey.answer.saved");
            default -> next(model, posted, current, shown);
        };
    }

    /** A post of the answer page: the respondent's draft with the page's answers over it. */
    private record Posted(
            String token,
            AnswerCipher.DraftKey key,
            Answering.Respondent respondent,
            SurveyView survey,
            Map<String, Answer> answers) {

        long invitation() {
            return respondent.invitationId();
        }
    }

    /** Submits the answer when every question is answered; else saves the draft and shows the first one missing. */
    private String send(Posted posted, Model model, HttpServletRequest request, HttpServletResponse response) {
        SurveyView survey = posted.survey();
        List<String> missing = Answering.missing(survey.questions(), posted.answers());
        if (!missing.isEmpty()) {
            if (!answering.saveDraft(posted.invitation(), posted.key(), posted.answers())) {
                return noLongerOpen(posted.token());
            }
            return render(model, posted, pageOf(survey, missing.get(0)), missing, null);
        }
        Answering.Outcome outcome = answering.submit(posted.respondent(), posted.answers());
        if (outcome == Answering.Outcome.CLOSED) {
            forgetLink(request, response);
            return UNAVAILABLE_VIEW;
        }
        // The cookie stays until it expires: a second submit of the same form then lands on the thanks page.
        return "redirect:/svar/tak";
    }

    /** The next page, unless a question of this one is missing its answer. */
    private String next(Model model, Posted posted, int current, List<Question> shown) {
        List<String> missing = Answering.missing(shown, posted.answers());
        if (!missing.isEmpty()) {
            return render(model, posted, current, missing, null);
        }
        return render(model, posted, current + 1, List.of(), null);
    }

    private String render(Model model, Posted posted, int page, List<String> missing, String notice) {
        return render(model, posted.respondent(), posted.survey(), page, posted.answers(), missing, notice);
    }

    @GetMapping("/svar/tak")
    String thanks() {
        return THANKS_VIEW;
    }

    /** The version that was sent (from the cache: a sent version never changes). */
    private SurveyView survey(Answering.Respondent respondent) {
        List<Question> questions = surveys.sentQuestions(respondent.surveyId(), respondent.versionNumber());
        return new SurveyView(
                respondent.surveyId(),
                respondent.orderId(),
                SurveyStatus.OPEN,
                null,
                "",
                respondent.versionNumber(),
                true,
                questions);
    }

    /** The link the browser carries for the answer pages, if any. */
    private static Optional<String> link(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (LINK_COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** Gives the browser the link for the answer pages, for another half hour. */
    private static void keepLink(String token, HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                linkCookie(token, LINK_COOKIE_AGE, request.isSecure()).toString());
    }

    private static void forgetLink(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                linkCookie("", Duration.ZERO, request.isSecure()).toString());
    }

    /**
     * Lax, not Strict: the link is opened from a mail (a navigation from another site), and a Strict cookie set on
     * {@code /s/<token>} would not be sent on the redirect to {@code /svar} that follows it. Lax still keeps it off
     * every cross-site post; the forms carry a CSRF token besides.
     */
    private static ResponseCookie linkCookie(String value, Duration age, boolean secure) {
        return ResponseCookie.from(LINK_COOKIE, value)
                .path(LINK_COOKIE_PATH)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .maxAge(age)
                .build();
    }

    /** A post from a link that may no longer answer: thanks when it has answered (in another tab), else unavailable. */
    private String noLongerOpen(String token) {
        return answering.answeredWith(token) ? "redirect:/svar/tak" : UNAVAILABLE_VIEW;
    }

    private String render(
            Model model,
            Answering.Respondent respondent,
            SurveyView survey,
            int page,
            Map<String, Answer> answers,
            List<String> missing,
            String notice) {
        int pages = pages(survey);
        int current = Math.max(1, Math.min(page, pages));
        OrderView order =
                headings.get(respondent.orderId(), id -> orders.find(id).orElseThrow());
        model.addAttribute("order", order);
        model.addAttribute("survey", survey);
        model.addAttribute("closesOn", respondent.closesOn());
        model.addAttribute("questions", pageQuestions(survey, current));
        model.addAttribute("answers", answers);
        model.addAttribute("missing", missing);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute(
                "answeredCount",
                survey.questions().stream()
                        .filter(q -> answers.containsKey(q.key())
                                && !answers.get(q.key()).isEmpty())
                        .count());
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
