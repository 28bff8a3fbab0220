package dk.samspil.deck;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.catalog.PackageDefinition.ItemKind;
import dk.samspil.catalog.PackageDefinition.ProgrammeEntry;
import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.ScheduledItem;
import dk.samspil.deck.DeckContent.Block;
import dk.samspil.deck.DeckContent.Chart;
import dk.samspil.deck.DeckContent.QuestionSlide;
import dk.samspil.deck.DeckContent.ResponseRate;
import dk.samspil.deck.DeckContent.Series;
import dk.samspil.meeting.Meetings;
import dk.samspil.ordering.OrderPackage;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.servicedata.MunicipalData;
import dk.samspil.servicedata.OrderFigures;
import dk.samspil.servicedata.OrderFigures.Line;
import dk.samspil.survey.SurveyResults;
import dk.samspil.survey.SurveyResults.QuestionResult;
import dk.samspil.survey.SurveyResults.Results;
import dk.samspil.survey.SurveyView;
import dk.samspil.survey.Surveys;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Gathers what an order's deck shows: the package's programme with clock times from the order's start, the survey's
 * results per programme block, the service and municipal data — every figure as the disclosure policy lets it out
 * (the survey results, the order figures and the municipal data are already filtered by their owners).
 */
@Component
class DeckAssembler {

    private static final Pattern BLOCK_NUMBER = Pattern.compile("^\\s*Blok\\s+(\\d+)", Pattern.CASE_INSENSITIVE);
    static final String RATE_UNIT = "Pr. 1.000 tilmeldte patienter";
    static final String PATIENTS_UNIT = "Antal patienter";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM.yyyy");

    private final Catalog catalog;
    private final SurveyResults surveys;
    private final OrderFigures figures;
    private final MunicipalData municipal;
    private final Orders orders;
    private final Meetings meetings;
    private final Surveys questionnaires;
    private final MunicipalTalks municipalTalks;

    DeckAssembler(
            Catalog catalog,
            SurveyResults surveys,
            OrderFigures figures,
            MunicipalData municipal,
            Orders orders,
            Meetings meetings,
            Surveys questionnaires,
            MunicipalTalks municipalTalks) {
        this.questionnaires = questionnaires;
        this.municipalTalks = municipalTalks;
        this.catalog = catalog;
        this.surveys = surveys;
        this.figures = figures;
        this.municipal = municipal;
        this.orders = orders;
        this.meetings = meetings;
    }

    /** Not one transaction: the survey's results first mix pending answers, which vacuums (outside any transaction). */
    DeckContent assemble(OrderView order) {
        PackageDefinition pkg = OrderPackage.of(catalog, order);
        Optional<Results> results =
                pkg.questionnaire().questions().isEmpty() ? Optional.empty() : surveys.forOrder(order.id());
        // The order's own questionnaire, as edited in the review round: each question carries its programme block.
        List<Question> asked = questionnaires
                .find(order.id())
                .map(SurveyView::questions)
                .orElse(pkg.questionnaire().questions());
        // A follow-up shows then and now: the first order's results (through the same policy) beside this one's.
        Optional<OrderView> first = Optional.ofNullable(order.followsOrderId()).flatMap(orders::find);
        Optional<Results> then = first.flatMap(f -> surveys.forOrder(f.id()));
        List<QuestionSlide> questions =
                results.map(r -> questionSlides(asked, r, then)).orElse(List.of());
        Map<Integer, List<QuestionSlide>> byBlock = new TreeMap<>();
        List<ScheduledItem> schedule = pkg.scheduleFrom(order.startTime());
        int firstBlock = firstContentBlock(schedule);
        for (QuestionSlide slide : questions) {
            byBlock.computeIfAbsent(blockOf(schedule, slide.block(), firstBlock), k -> new ArrayList<>())
                    .add(slide);
        }
        int dataBlock = dataBlock(schedule, firstBlock);
        List<Block> blocks = new ArrayList<>();
        Map<Integer, DeckContent.TalkSlides> talks = municipalTalks.slides(order.id());
        for (int i = 0; i < schedule.size(); i++) {
            ScheduledItem item = schedule.get(i);
            List<String> points = new ArrayList<>();
            for (ProgrammeEntry entry : item.item().items()) {
                points.add(entry.heading());
                points.addAll(entry.points());
            }
            boolean municipalTalk = hasMunicipalTalk(item.item());
            blocks.add(new Block(
                    item.item().title(),
                    item.item().minutes(),
                    item.from(),
                    item.to(),
                    item.item().kind() == ItemKind.BREAK,
                    points,
                    municipalTalk,
                    byBlock.getOrDefault(i, List.of()),
                    item.item().dialogueQuestions(),
                    i == dataBlock,
                    municipalTalk && talkFirst(item.item()),
                    municipalTalk ? talks.get(i) : null));
        }
        ResponseRate rate =
                results.map(r -> new ResponseRate(r.invited(), r.answered())).orElse(null);
        List<Chart> charts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<OrderFigures.Figures> thenFigures =
                first.map(f -> figures.forOrder(f, f.meetingDate())).orElse(List.of());
        for (OrderFigures.Figures f : figures.forOrder(order)) {
            if (f.service().countsPatients()) {
                charts.add(patientsChart(f));
                notes.add("Ydelse " + f.service().code() + ": " + f.to().format(MONTH)
                        + ", antal patienter pr. praksis.");
                continue;
            }
            Chart now = rateChart(
                    "Ydelse " + f.service().code() + ": " + f.service().name(), lines(f), f.threshold());
            Optional<OrderFigures.Figures> before = thenFigures.stream()
                    .filter(t -> t.service().code().equals(f.service().code()) && t.to().isBefore(f.to()))
                    .findFirst();
            if (before.isPresent()) {
                Chart old = rateChart(now.title(), lines(before.get()), f.threshold());
                charts.add(thenAndNow(now, old));
                notes.add("Ydelse " + f.service().code() + ": før "
                        + before.get().from().format(MONTH) + "–"
                        + before.get().to().format(MONTH) + ", nu " + f.from().format(MONTH) + "–"
                        + f.to().format(MONTH) + ".");
            } else {
                charts.add(now);
                notes.add("Ydelse " + f.service().code() + ": " + f.from().format(MONTH) + "–" + f.to().format(MONTH)
                        + ".");
            }
        }
        for (MunicipalData.Referrals r : municipal.referrals(order)) {
            List<Line> lines = new ArrayList<>(r.practices());
            lines.add(r.cluster());
            String offer = r.offer() == dk.samspil.servicedata.RegisterRows.Offer.FOREBYGGELSE
                    ? "forebyggende"
                    : "rehabiliterende";
            charts.add(rateChart("Henvisninger til " + offer + " tilbud – " + r.municipality(), lines, r.threshold()));
            notes.add("Henvisninger fra " + r.municipality() + ": " + r.period() + ".");
        }
        for (MunicipalData.DosisFigures d : municipal.dosisFigures(order)) {
            List<MunicipalData.Figure> values = List.of(d.nursing(), d.homeCare(), d.careHome());
            charts.add(new Chart(
                    "Borgere på dosisdispenseret medicin – " + d.municipality(),
                    "Antal borgere",
                    List.of("Sygeplejen", "Hjemmeplejen", "Plejehjem"),
                    List.of(new Series(
                            "Borgere",
                            values.stream()
                                    .map(v -> v.visible() ? Double.valueOf(v.text()) : null)
                                    .toList(),
                            values.stream().map(MunicipalData.Figure::text).toList()))));
            if (d.staffHoursWeek() != null) {
                notes.add(d.municipality() + " bruger "
                        + d.staffHoursWeek().toPlainString().replace('.', ',')
                        + " personaletimer om ugen på medicinophældning.");
            }
            if (d.contact() != null) {
                notes.add("Kontaktperson: " + d.contact().replace('\n', ' ').replace('\r', ' '));
            }
        }
        // Only rates are per 1,000 listed patients; counts (the municipality's citizens) are labelled as counts.
        boolean rates = charts.stream().anyMatch(c -> RATE_UNIT.equals(c.unit()));
        if (rates) {
            notes.add("Pr. 1.000 tilmeldte patienter.");
        }
        if (!charts.isEmpty()) {
            notes.add("\"<5\": et lille antal, der ikke vises; \"x\": skjult, så et lille antal ikke kan regnes ud.");
        }
        List<String> followUp = !pkg.suggestedActions().isEmpty() ? pkg.suggestedActions() : pkg.afterMeeting();
        List<String> earlier = first.map(f -> meetings.meeting(f).agreements().stream()
                        .map(DeckAssembler::agreementLine)
                        .toList())
                .orElse(List.of());
        return new DeckContent(
                pkg.title(),
                order.clusterName(),
                order.municipalityNames(),
                order.meetingDate(),
                order.startTime(),
                order.venue(),
                pkg.purpose(),
                blocks,
                rate,
                charts,
                notes.isEmpty() ? null : String.join(" ", notes),
                followUp,
                earlier);
    }

    private static List<Line> lines(OrderFigures.Figures f) {
        List<Line> lines = new ArrayList<>(f.practices());
        lines.add(f.cluster());
        lines.add(f.region());
        lines.add(f.country());
        return lines;
    }

    /** "Klinikbesøg – Kommunen, senest 01.03.2027: gennemført (begrundelse)". */
    private static String agreementLine(Meetings.AgreementView a) {
        List<String> who = new ArrayList<>();
        if (a.ownerPerson() != null && !a.ownerPerson().isBlank()) {
            who.add(a.ownerPerson());
        }
        if (a.ownerParty() != null) {
            who.add(
                    switch (a.ownerParty()) {
                        case CLUSTER -> "klyngen";
                        case MUNICIPALITY -> "kommunen";
                        case PROVIDER -> "udbyderen";
                    });
        }
        String status = switch (a.status()) {
            case AGREED -> "aftalt";
            case IN_PROGRESS -> "i gang";
            case DONE -> "gennemført";
            case ABANDONED -> "opgivet";
        };
        String reason = a.status() == dk.samspil.meeting.AgreementStatus.ABANDONED
                        && !a.history().isEmpty()
                        && a.history().get(a.history().size() - 1).reason() != null
                ? " (" + a.history().get(a.history().size() - 1).reason() + ")"
                : "";
        return a.what() + (who.isEmpty() ? "" : " – " + String.join(", ", who))
                + (a.due() == null ? "" : ", senest " + a.due().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
                + ": " + status + reason;
    }

    /** One chart with two series, "Før" and "Nu", over the categories of now (a category new since then has no "før"). */
    private static Chart thenAndNow(Chart now, Chart then) {
        Series nowSeries = now.series().get(0);
        Series thenSeries = then.series().get(0);
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String category : now.categories()) {
            int at = then.categories().indexOf(category);
            values.add(at < 0 ? null : thenSeries.values().get(at));
            labels.add(at < 0 ? "–" : thenSeries.labels().get(at));
        }
        return new Chart(
                now.title(),
                now.unit(),
                now.categories(),
                List.of(new Series("Før", values, labels), new Series("Nu", nowSeries.values(), nowSeries.labels())));
    }

    /** Patients receiving the service per practice and in the cluster: counts, labelled as counts. */
    private static Chart patientsChart(OrderFigures.Figures f) {
        List<Line> lines = new ArrayList<>(f.practices());
        lines.add(f.cluster());
        return new Chart(
                "Ydelse " + f.service().code() + ": " + f.service().name(),
                PATIENTS_UNIT,
                lines.stream().map(Line::label).toList(),
                List.of(new Series(
                        "Patienter",
                        lines.stream()
                                .map(l -> l.count().visible()
                                        ? (Double) (double) l.count().value()
                                        : null)
                                .toList(),
                        lines.stream().map(l -> l.count().text(f.threshold())).toList())));
    }

    private static Chart rateChart(String title, List<Line> lines, int threshold) {
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Line line : lines) {
            Double rate = line.shownRate();
            values.add(rate);
            labels.add(
                    rate != null
                            ? String.format(Locale.forLanguageTag("da-DK"), "%.1f", rate)
                            : line.count().text(threshold));
        }
        return new Chart(
                title,
                RATE_UNIT,
                lines.stream().map(Line::label).toList(),
                List.of(new Series("Pr. 1.000 tilmeldte", values, labels)));
    }

    /**
     * Shown results per question, each with the block its question carries (a question without one, added before
     * blocks were chosen, goes with the question above); when too few answered, the questions with "too few" instead.
     * In a follow-up, a question whose key was asked then gets "Før" beside "Nu" (matched by key, so a reworded
     * question still compares) as shares of those who answered each time, since the numbers answering differ; one
     * asked for the first time is marked new. "Then" obeys the same policy: too few answers then, no "Før".
     */
    static List<QuestionSlide> questionSlides(List<Question> asked, Results results, Optional<Results> then) {
        Map<String, QuestionResult> before = new java.util.HashMap<>();
        boolean followUp = then.isPresent();
        then.filter(Results::shown)
                .ifPresent(
                        t -> t.questions().forEach(q -> before.put(q.question().key(), q)));
        List<QuestionSlide> slides = new ArrayList<>();
        Integer block = null;
        if (!results.shown()) {
            for (Question q : asked) {
                block = q.block() != null ? q.block() : block;
                slides.add(
                        new QuestionSlide(q.number(), q.text(), false, 0, null, List.of(), false, true, block, null));
            }
            return slides;
        }
        for (QuestionResult q : results.questions()) {
            block = q.question().block() != null ? q.question().block() : block;
            QuestionResult old = before.get(q.question().key());
            boolean compared = old != null && old.closed() && q.closed();
            Chart chart = null;
            if (compared) {
                chart = thenAndNowShares(old, q);
            } else if (q.bySector()) {
                chart = bySector(q);
            } else if (q.closed()) {
                chart = new Chart(
                        null,
                        "Antal svar",
                        labels(q),
                        List.of(new Series(
                                "Svar",
                                q.options().stream()
                                        .map(o -> (double) o.count())
                                        .toList(),
                                q.options().stream()
                                        .map(DeckAssembler::countLabel)
                                        .toList())));
            }
            String sectorNote = compared
                    ? null
                    : q.bySector()
                            ? Wording.bySector(q.sectors().stream()
                                    .map(s -> Wording.sector(s.sector().name()) + ": " + s.answered() + " svar")
                                    .toList())
                            : q.sectorHidden() ? Wording.SECTOR_HIDDEN : null;
            List<String> texts = new ArrayList<>(q.texts());
            q.others().forEach(other -> texts.add("Andet: " + other));
            boolean isNew = followUp && then.get().shown() && old == null;
            slides.add(new QuestionSlide(
                    q.question().number(),
                    q.question().text(),
                    q.multiple(),
                    q.answered(),
                    chart,
                    texts,
                    isNew,
                    false,
                    block,
                    compared ? old.answered() : null,
                    sectorNote));
        }
        return slides;
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
            labels.add(match.map(DeckAssembler::shareLabel).orElse("–"));
        }
        return new Chart(
                null,
                Wording.SHARE_OF_ANSWERS,
                labels(now),
                List.of(
                        new Series("Før", values, labels),
                        new Series(
                                "Nu",
                                now.options().stream()
                                        .map(o -> (double) o.percent())
                                        .toList(),
                                now.options().stream()
                                        .map(DeckAssembler::shareLabel)
                                        .toList())));
    }

    /** Both sectors' bars as shares of those in the sector who answered (the sectors differ in size). */
    private static Chart bySector(QuestionResult q) {
        List<Series> series = q.sectors().stream()
                .map(s -> new Series(
                        Wording.sector(s.sector().name()),
                        s.options().stream().map(o -> (double) o.percent()).toList(),
                        s.options().stream().map(DeckAssembler::shareLabel).toList()))
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

    /** The programme item of a question's "Blok N", else the first block with content. */
    private static int blockOf(List<ScheduledItem> schedule, Integer block, int fallback) {
        if (block != null) {
            for (int i = 0; i < schedule.size(); i++) {
                Matcher m = BLOCK_NUMBER.matcher(schedule.get(i).item().title());
                if (m.find() && Integer.parseInt(m.group(1)) == block) {
                    return i;
                }
            }
        }
        return fallback;
    }

    /** Whether the programme item has a talk by the municipality ("Oplæg fra kommunen"). */
    static boolean hasMunicipalTalk(dk.samspil.catalog.PackageDefinition.ProgrammeItem item) {
        return item.items().stream().anyMatch(DeckAssembler::isMunicipalTalk);
    }

    private static boolean isMunicipalTalk(ProgrammeEntry entry) {
        return entry.heading().toLowerCase(Locale.ROOT).startsWith("oplæg fra kommunen");
    }

    /** The talk comes before the survey's results in the programme item (seed 004's Blok 2: "kommunen først"). */
    private static boolean talkFirst(dk.samspil.catalog.PackageDefinition.ProgrammeItem item) {
        for (ProgrammeEntry entry : item.items()) {
            if (isMunicipalTalk(entry)) {
                return true;
            }
            if (entry.heading().toLowerCase(Locale.ROOT).contains("resultater")) {
                return false;
            }
        }
        return false;
    }

    /** The first "Blok" of the programme, else its first item that is not a break. */
    private static int firstContentBlock(List<ScheduledItem> schedule) {
        for (int i = 0; i < schedule.size(); i++) {
            if (BLOCK_NUMBER.matcher(schedule.get(i).item().title()).find()) {
                return i;
            }
        }
        for (int i = 0; i < schedule.size(); i++) {
            if (schedule.get(i).item().kind() != ItemKind.BREAK) {
                return i;
            }
        }
        return 0;
    }

    /** The block whose programme goes through the data ("... og af ydelsesdata"), else the first content block. */
    private static int dataBlock(List<ScheduledItem> schedule, int fallback) {
        for (int i = 0; i < schedule.size(); i++) {
            for (ProgrammeEntry entry : schedule.get(i).item().items()) {
                String text = entry.heading().toLowerCase(Locale.ROOT);
                if (text.contains("ydelsesdata") || text.contains("henvisningsdata") || text.endsWith(" data")) {
                    return i;
                }
            }
        }
        return fallback;
    }
}
