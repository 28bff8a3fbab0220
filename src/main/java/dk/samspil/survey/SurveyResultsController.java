package dk.samspil.survey;

import dk.samspil.ordering.OrderGuard;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.SamspilPrincipal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The survey's results, on a page for everyone who may read the order and as exports (CSV, Excel) for those who see it,
 * from the answer threshold on.
 */
@Controller
class SurveyResultsController {

    /** The colours of a grid's stacked bars, one per option of its scale (the table beside carries the numbers). */
    static final List<String> GRID_PALETTE =
            List.of("#003f7f", "#0059b3", "#5c9ad6", "#a9c9ec", "#e0a25a", "#9c4f00", "#747474");

    static final String RESULTS_VIEW = "survey/results";

    private final Surveys surveys;
    private final SurveyResults results;
    private final OrderGuard guard;

    SurveyResultsController(Surveys surveys, SurveyResults results, OrderGuard guard) {
        this.surveys = surveys;
        this.results = results;
        this.guard = guard;
    }

    @GetMapping("/bestillinger/{orderId}/resultater")
    String results(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        OrderView order = guard.readable(user, orderId);
        SurveyView survey = surveys.forOrder(orderId, order.packageSlug());
        model.addAttribute("order", order);
        model.addAttribute("survey", survey);
        model.addAttribute("results", results.of(survey));
        model.addAttribute("then", then(order));
        model.addAttribute("palette", GRID_PALETTE);
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
    record Then(int answered, Map<String, SurveyResults.OptionCount> options) {}

    /** By question key, a follow-up's "then" under the same threshold as "now"; empty when none or too few answered. */
    private Map<String, Then> then(OrderView order) {
        if (order.followsOrderId() == null) {
            return Map.of();
        }
        return results.forOrder(order.followsOrderId()).filter(SurveyResults.Results::shown).stream()
                .flatMap(r -> r.questions().stream())
                .filter(SurveyResults.QuestionResult::choice)
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
                new MediaType("text", "csv", StandardCharsets.UTF_8),
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
            Function<SurveyResults.AllAnswers, byte[]> perRespondent,
            Function<List<List<String>>, byte[]> perQuestion) {
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
}
