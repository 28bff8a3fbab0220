package dk.samspil.deck;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything a meeting deck shows, already through the disclosure policy: the writer only lays it out. Built from an
 * order by the deck's assembler; built by hand in tests and benchmarks. Texts are Danish, ready to print.
 *
 * @param title the package's title, e.g. "Akutfunktion – kommunale akuttilbud"
 * @param cluster the cluster's name
 * @param municipality the municipality's name
 * @param date the meeting day; {@code start} its start time; {@code venue} may be null (not agreed yet)
 * @param purpose the package's purpose, one point each
 * @param blocks the programme in order, breaks included
 * @param responseRate null when the package has no questionnaire
 * @param dataCharts service and municipal data, one chart each; empty when the package has none
 * @param dataNote a line under the data charts (source, period, "<5" explained); may be null
 * @param followUp the agreement prompts for the last slide (the package's suggested actions / "efter mødet")
 * @param earlierAgreements in a follow-up: the first meeting's agreements with who, when and their status, one line
 *     each; empty otherwise
 */
public record DeckContent(
        String title,
        String cluster,
        String municipality,
        LocalDate date,
        LocalTime start,
        String venue,
        List<String> purpose,
        List<Block> blocks,
        ResponseRate responseRate,
        List<Chart> dataCharts,
        String dataNote,
        List<String> followUp,
        List<String> earlierAgreements) {

    public DeckContent {
        purpose = List.copyOf(purpose);
        blocks = List.copyOf(blocks);
        dataCharts = List.copyOf(dataCharts);
        followUp = List.copyOf(followUp);
        earlierAgreements = List.copyOf(earlierAgreements);
    }

    /** A first meeting's deck: no earlier agreements. */
    public DeckContent(
            String title,
            String cluster,
            String municipality,
            LocalDate date,
            LocalTime start,
            String venue,
            List<String> purpose,
            List<Block> blocks,
            ResponseRate responseRate,
            List<Chart> dataCharts,
            String dataNote,
            List<String> followUp) {
        this(
                title,
                cluster,
                municipality,
                date,
                start,
                venue,
                purpose,
                blocks,
                responseRate,
                dataCharts,
                dataNote,
                followUp,
                List.of());
    }

    /**
     * One item of the programme.
     *
     * @param from clock time it starts, {@code to} when it ends
     * @param isBreak a pause: only on the programme slide
     * @param points what happens in the block (headings and points flattened to lines)
     * @param municipalTalk the block has a talk by the municipality: the deck gets a placeholder slide for it
     * @param questions the questionnaire results that belong to this block, in order
     * @param dialogueQuestions the block's questions for the group dialogue
     * @param showsData the service/municipal data charts go in this block (at most one block says so; when none
     *     does, they follow the programme's first block)
     * @param talkFirst the municipality's talk opens the block, before the survey's results (seed 004's Blok 2);
     *     otherwise it follows the results and the data
     * @param talk the municipality's own slides for its talk, copied in its place; null: a placeholder slide
     */
    public record Block(
            String title,
            int minutes,
            LocalTime from,
            LocalTime to,
            boolean isBreak,
            List<String> points,
            boolean municipalTalk,
            List<QuestionSlide> questions,
            List<String> dialogueQuestions,
            boolean showsData,
            boolean talkFirst,
            TalkSlides talk) {

        public Block {
            points = List.copyOf(points);
            questions = List.copyOf(questions);
            dialogueQuestions = List.copyOf(dialogueQuestions);
        }

        public Block(
                String title,
                int minutes,
                LocalTime from,
                LocalTime to,
                boolean isBreak,
                List<String> points,
                boolean municipalTalk,
                List<QuestionSlide> questions,
                List<String> dialogueQuestions,
                boolean showsData) {
            this(
                    title,
                    minutes,
                    from,
                    to,
                    isBreak,
                    points,
                    municipalTalk,
                    questions,
                    dialogueQuestions,
                    showsData,
                    false,
                    null);
        }
    }

    /** The municipality's uploaded talk: its file's name, how many slides and the .pptx itself. */
    public record TalkSlides(String fileName, int slides, byte[] pptx) {}

    /**
     * The results of one question.
     *
     * @param number the question's number in the questionnaire
     * @param chart the closed question's counts (null for a free-text question, or when {@code hidden})
     * @param texts free-text and "andet" answers, verbatim (may be long: split over slides, never overflow)
     * @param isNew a question with no "then" in a follow-up ("ny"); false otherwise
     * @param hidden too few answers to show anything (the slide says so instead)
     * @param block the programme's "Blok N" the question belongs to (the order's own questionnaire says); null: the
     *     first block
     * @param answeredThen in a follow-up that compares with then: how many answered the question then (the chart
     *     shows shares, so both numbers are named); null otherwise
     */
    /** @param sectorNote how the results are split by sector (or why they are not), or null when asked of one sector */
    public record QuestionSlide(
            int number,
            String text,
            boolean multiple,
            int answered,
            Chart chart,
            List<String> texts,
            boolean isNew,
            boolean hidden,
            Integer block,
            Integer answeredThen,
            String sectorNote) {

        public QuestionSlide {
            texts = List.copyOf(texts);
        }

        public QuestionSlide(
                int number,
                String text,
                boolean multiple,
                int answered,
                Chart chart,
                List<String> texts,
                boolean isNew,
                boolean hidden,
                Integer block,
                Integer answeredThen) {
            this(number, text, multiple, answered, chart, texts, isNew, hidden, block, answeredThen, null);
        }

        public QuestionSlide(
                int number,
                String text,
                boolean multiple,
                int answered,
                Chart chart,
                List<String> texts,
                boolean isNew,
                boolean hidden) {
            this(number, text, multiple, answered, chart, texts, isNew, hidden, null, null);
        }
    }

    /** Invited and answered; the deck shows both and the share. */
    public record ResponseRate(int invited, int answered) {

        public int percent() {
            return invited == 0 ? 0 : Math.round(100f * answered / invited);
        }
    }

    /**
     * A bar chart with categories and one or more series (two for "then and now" in a follow-up). A value is null
     * when it may not be shown; {@code labels} then carries what to print instead (e.g. "<5"), same shape as the
     * values.
     *
     * @param unit what the numbers are, e.g. "Antal svar", "Pr. 1.000 tilmeldte patienter"
     */
    public record Chart(String title, String unit, List<String> categories, List<Series> series) {

        public Chart {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
        }
    }

    /**
     * @param values one per category, null where hidden
     * @param labels one per category: the text shown at the bar (e.g. "12 (40 %)" or "<5")
     */
    public record Series(String name, List<Double> values, List<String> labels) {

        public Series {
            values = Collections.unmodifiableList(new ArrayList<>(values));
            labels = List.copyOf(labels);
        }
    }
}
