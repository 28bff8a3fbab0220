package dk.samspil.deck;

import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.deck.DeckContent.Chart;
import dk.samspil.deck.DeckContent.QuestionSlide;
import dk.samspil.deck.DeckContent.Series;
import dk.samspil.survey.SurveyResults;
import dk.samspil.survey.SurveyResults.QuestionResult;
import dk.samspil.survey.SurveyResults.Results;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The deck's slides of the survey's results: a slide per question, with its chart, in a follow-up beside "then". */
final class QuestionSlides {

    private QuestionSlides() {}

    /**
     * Shown results per question, each with the block its question carries (a question without one, added before
     * blocks were chosen, goes with the question above); when too few answered, the questions with "too few" instead.
     * In a follow-up, a question whose key was asked then gets "Før" beside "Nu" (matched by key, so a reworded
     * question still compares) as shares of those who answered each time, since the numbers answering differ; one
     * asked for the first time is marked new. "Then" obeys the same policy: too few answers then, no "Før".
     */
    static List<QuestionSlide> of(List<Question> asked, Results results, Optional<Results> then) {
        if (!results.shown()) {
            return tooFewAnswered(asked);
        }
        Map<String, QuestionResult> before = new HashMap<>();
        then.filter(Results::shown)
                .ifPresent(
                        t -> t.questions().forEach(q -> before.put(q.question().key(), q)));
        boolean thenShown = then.isPresent() && then.get().shown();
        List<QuestionSlide> slides = new ArrayList<>();
        Integer block = null;
        for (QuestionResult q : results.questions()) {
            block = q.question().block() != null ? q.question().block() : block;
            slides.add(questionSlide(q, before.get(q.question().key()), thenShown, block));
        }
        return slides;
    }

    /** Each question with "too few" instead of its results. */
    private static List<QuestionSlide> tooFewAnswered(List<Question> asked) {
        List<QuestionSlide> slides = new ArrayList<>();
        Integer block = null;
        for (Question q : asked) {
            block = q.block() != null ? q.block() : block;
            slides.add(new QuestionSlide(q.number(), q.text(), false, 0, null, List.of(), false, true, block, null));
        }
        return slides;
    }

    /**
     * @param old the question's result in the first order, null when it was not asked then (or too few answered)
     * @param thenShown whether the first order's results are shown, so that a question not asked then is new
     */
    private static QuestionSlide questionSlide(QuestionResult q, QuestionResult old, boolean thenShown, Integer block) {
        boolean compared = old != null && old.choice() && q.choice();
        List<String> texts = new ArrayList<>(q.texts());
        q.others().forEach(other -> texts.add(Wording.text("deck.answer.other", other)));
        return new QuestionSlide(
                q.question().number(),
                q.question().text(),
                q.multiple(),
                q.answered(),
                compared ? thenAndNowShares(old, q) : chart(q),
                texts,
                thenShown && old == null,
                false,
                block,
                compared ? old.answered() : null,
                compared ? null : sectorNote(q));
    }

    /** The answers per option: by sector as shares when split by sector, else as counts; null for a text question. */
    private static Chart chart(QuestionResult q) {
        if (q.grid()) {
            return grid(q);
        }
        if (q.bySector()) {
            return bySector(q);
        }
        if (!q.closed()) {
            return null;
        }
        return new Chart(
                null,
                Wording.text("deck.slide.unit.answers"),
                labels(q),
                List.of(new Series(
                        Wording.text("deck.slide.series.answers"),
                        q.options().stream().map(o -> (double) o.count()).toList(),
                        q.options().stream().map(QuestionSlides::countLabel).toList())));
    }

    /** How many answered in each sector when split by sector, or that the sectors are hidden; else none. */
    private static String sectorNote(QuestionResult q) {
        if (q.bySector()) {
            return Wording.bySector(q.sectors().stream()
                    .map(s -> Wording.text(
                            "deck.sector.answered", Wording.sector(s.sector().name()), String.valueOf(s.answered())))
                    .toList());
        }
        return q.sectorHidden() ? Wording.SECTOR_HIDDEN : null;
    }

    /** Then and now as shares of those who answered each time (8 answers then and 4 now compare as shares, not counts). */
    private static Chart thenAndNowShares(QuestionResult old, QuestionResult now) {
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String category : labels(now)) {
            Optional<SurveyResults.OptionCount> match = old.options().stream()
                    .filter(o -> o.label().equals(category))
                    .findFirst();
            values.add(match.map(o -> (double) o.percent()).orElse(null));
            labels.add(match.map(QuestionSlides::shareLabel).orElse("–"));
        }
        return new Chart(
                null,
                Wording.SHARE_OF_ANSWERS,
                labels(now),
                List.of(
                        new Series(DeckAssembler.THEN, values, labels),
                        new Series(
                                DeckAssembler.NOW,
                                now.options().stream()
                                        .map(o -> (double) o.percent())
                                        .toList(),
                                now.options().stream()
                                        .map(QuestionSlides::shareLabel)
                                        .toList())));
    }

    /**
     * A grid's rows as series over the scale's options, each as shares of those who answered the row (the rows'
     * numbers answering may differ).
     */
    private static Chart grid(QuestionResult q) {
        List<Series> series = q.rows().stream()
                .map(row -> new Series(
                        row.label(),
                        row.options().stream().map(o -> (double) o.percent()).toList(),
                        row.options().stream().map(QuestionSlides::shareLabel).toList()))
                .toList();
        return new Chart(null, Wording.SHARE_OF_ANSWERS, q.question().options(), series);
    }

    /** Both sectors' bars as shares of those in the sector who answered (the sectors differ in size). */
    private static Chart bySector(QuestionResult q) {
        List<Series> series = q.sectors().stream()
                .map(s -> new Series(
                        Wording.sector(s.sector().name()),
                        s.options().stream().map(o -> (double) o.percent()).toList(),
                        s.options().stream().map(QuestionSlides::shareLabel).toList()))
                .toList();
        return new Chart(null, Wording.SHARE_OF_ANSWERS, labels(q), series);
    }

    private static List<String> labels(QuestionResult q) {
        return q.options().stream().map(SurveyResults.OptionCount::label).toList();
    }

    private static String countLabel(SurveyResults.OptionCount o) {
        return o.count() + " (" + o.percent() + " %)";
    }

    private static String shareLabel(SurveyResults.OptionCount o) {
        return o.percent() + " % (" + o.count() + ")";
    }
}
