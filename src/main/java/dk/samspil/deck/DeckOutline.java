package dk.samspil.deck;

import dk.samspil.deck.DeckContent.Block;
import dk.samspil.deck.DeckContent.QuestionSlide;
import dk.samspil.deck.SlideSpec.Agreements;
import dk.samspil.deck.SlideSpec.BarChart;
import dk.samspil.deck.SlideSpec.Cover;
import dk.samspil.deck.SlideSpec.Points;
import dk.samspil.deck.SlideSpec.Programme;
import dk.samspil.deck.SlideSpec.ProgrammeRow;
import dk.samspil.deck.SlideSpec.Statement;
import dk.samspil.platform.DanishFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides which slides a deck has and in what order, splitting long text and long charts over several slides. Works
 * on the {@link Canvas}, so the outline is the same for every template.
 */
final class DeckOutline {

    private final DeckContent deck;
    private final List<SlideSpec> slides = new ArrayList<>();

    private DeckOutline(DeckContent deck) {
        this.deck = deck;
    }

    static List<SlideSpec> of(DeckContent deck) {
        DeckOutline outline = new DeckOutline(deck);
        outline.build();
        return List.copyOf(outline.slides);
    }

    private void build() {
        slides.add(cover());
        programme();
        points(Wording.PURPOSE, null, deck.purpose());
        if (deck.responseRate() != null) {
            var rate = deck.responseRate();
            slides.add(new Statement(
                    Wording.RESPONSE_RATE, Wording.responseRate(rate.answered(), rate.invited(), rate.percent())));
        }
        Block dataBlock = dataBlock();
        for (Block block : deck.blocks()) {
            if (!block.isBreak()) {
                block(block, block == dataBlock);
            }
        }
        points(Wording.GROUP_WORK, null, Wording.GROUP_WORK_PROMPTS);
        points(Wording.SUMMARY, null, Wording.SUMMARY_PROMPTS);
        earlierAgreements();
        agreements();
    }

    private Cover cover() {
        String venue = deck.venue() == null || deck.venue().isBlank() ? Wording.VENUE_UNKNOWN : deck.venue();
        return new Cover(
                deck.title(),
                List.of(
                        deck.cluster() + " · " + deck.municipality(),
                        DanishFormat.longDate(deck.date()) + ", " + Wording.startsAt(deck.start()),
                        venue));
    }

    private void programme() {
        List<ProgrammeRow> rows = deck.blocks().stream()
                .map(b -> new ProgrammeRow(
                        DanishFormat.timeSpan(b.from(), b.to()),
                        b.title(),
                        DanishFormat.minutes(b.minutes()),
                        b.isBreak()))
                .toList();
        List<List<ProgrammeRow>> pages = ProgrammeTable.paginate(rows);
        for (int i = 0; i < pages.size(); i++) {
            slides.add(new Programme(Wording.part(Wording.PROGRAMME, i, pages.size()), pages.get(i)));
        }
    }

    /** The block that shows the data charts: the one that says so, else the first that is not a break. */
    private Block dataBlock() {
        if (deck.dataCharts().isEmpty()) {
            return null;
        }
        return deck.blocks().stream()
                .filter(Block::showsData)
                .findFirst()
                .or(() -> deck.blocks().stream().filter(b -> !b.isBreak()).findFirst())
                .orElse(null);
    }

    /** A block's slides in the programme's order: the municipality's talk first where the programme puts it first. */
    private void block(Block block, boolean showsData) {
        points(block.title(), null, block.points());
        if (block.municipalTalk() && block.talkFirst()) {
            municipalTalk(block);
        }
        for (QuestionSlide question : block.questions()) {
            question(question);
        }
        if (showsData) {
            List<String> notes = deck.dataNote() == null ? List.of() : List.of(deck.dataNote());
            deck.dataCharts().stream()
                    .filter(chart -> !chart.categories().isEmpty())
                    .forEach(chart -> charts(chart.title(), false, chart, withUnit(chart, notes)));
        }
        if (block.municipalTalk() && !block.talkFirst()) {
            municipalTalk(block);
        }
        if (!block.dialogueQuestions().isEmpty()) {
            points(Wording.DIALOGUE, null, block.dialogueQuestions());
        }
    }

    /** The municipality's own slides when it has uploaded them, else a slide that keeps their place. */
    private void municipalTalk(Block block) {
        if (block.talk() == null) {
            slides.add(new Statement(Wording.MUNICIPAL_TALK, Wording.municipalPlaceholder(deck.municipality())));
            return;
        }
        for (int i = 0; i < block.talk().slides(); i++) {
            slides.add(new SlideSpec.Imported(block.talk(), i));
        }
    }

    private void question(QuestionSlide question) {
        String heading = Wording.question(question.number(), question.text());
        if (question.hidden()) {
            slides.add(new Statement(heading, Wording.HIDDEN));
            return;
        }
        boolean hasChart =
                question.chart() != null && !question.chart().categories().isEmpty();
        if (hasChart) {
            List<String> notes = new ArrayList<>();
            if (question.multiple()) {
                notes.add(Wording.MULTIPLE);
            }
            notes.add(
                    question.answeredThen() == null
                            ? Wording.answered(question.answered())
                            : Wording.answeredThenAndNow(question.answeredThen(), question.answered()));
            if (question.sectorNote() != null) {
                notes.add(question.sectorNote());
            }
            charts(heading, question.isNew(), question.chart(), withUnit(question.chart(), notes));
        }
        if (!question.texts().isEmpty()) {
            verbatim(Wording.FREE_TEXT, heading, question.texts());
        } else if (!hasChart) {
            slides.add(new Statement(heading, Wording.NO_ANSWERS));
        }
    }

    private static List<String> withUnit(DeckContent.Chart chart, List<String> notes) {
        List<String> all = new ArrayList<>();
        if (chart.unit() != null && !chart.unit().isBlank()) {
            all.add(chart.unit());
        }
        all.addAll(notes);
        return all;
    }

    private void charts(String heading, boolean isNew, DeckContent.Chart chart, List<String> notes) {
        List<DeckContent.Chart> parts = ChartPaging.split(chart, ChartPaging.chartHeight(notes));
        for (int i = 0; i < parts.size(); i++) {
            slides.add(new BarChart(Wording.part(heading, i, parts.size()), isNew, parts.get(i), notes));
        }
    }

    private void points(String heading, String subheading, List<String> points) {
        pages(heading, subheading, points, false, Canvas.BODY_SIZE);
    }

    private void verbatim(String heading, String subheading, List<String> texts) {
        pages(heading, subheading, texts, true, Canvas.VERBATIM_SIZE);
    }

    private void pages(String heading, String subheading, List<String> points, boolean verbatim, double size) {
        var box = subheading == null ? Canvas.BODY : Canvas.BODY_UNDER_SUBHEADING;
        List<String> present = points.stream()
                .filter(Objects::nonNull)
                .filter(p -> !p.isBlank())
                .toList();
        List<List<String>> pages = TextFit.paginate(
                present, Canvas.textWidth(box) - TextBoxes.bulletIndent(size), Canvas.textHeight(box), size);
        for (int i = 0; i < pages.size(); i++) {
            slides.add(new Points(Wording.part(heading, i, pages.size()), subheading, pages.get(i), verbatim));
        }
    }

    /** A follow-up's deck reminds the meeting what was agreed a year ago, and how far it got. */
    private void earlierAgreements() {
        if (!deck.earlierAgreements().isEmpty()) {
            points(Wording.EARLIER_AGREEMENTS, null, deck.earlierAgreements());
        }
    }

    private void agreements() {
        List<List<String>> pages = TextFit.paginate(
                deck.followUp(),
                Canvas.textWidth(Canvas.AGREEMENT_POINTS) - TextBoxes.bulletIndent(Canvas.BODY_SIZE),
                Canvas.textHeight(Canvas.AGREEMENT_POINTS),
                Canvas.BODY_SIZE);
        for (int i = 0; i < pages.size(); i++) {
            slides.add(new Agreements(
                    Wording.part(Wording.FOLLOW_UP, i, pages.size()), pages.get(i), i == pages.size() - 1));
        }
    }
}
