package dk.samspil.deck;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.catalog.PackageDefinition.EntryShows;
import dk.samspil.catalog.PackageDefinition.ItemKind;
import dk.samspil.catalog.PackageDefinition.ProgrammeEntry;
import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.ScheduledItem;
import dk.samspil.deck.DeckContent.Block;
import dk.samspil.deck.DeckContent.Chart;
import dk.samspil.deck.DeckContent.QuestionSlide;
import dk.samspil.deck.DeckContent.ResponseRate;
import dk.samspil.deck.DeckContent.Series;
import dk.samspil.meeting.AgreementStatus;
import dk.samspil.meeting.Meetings;
import dk.samspil.ordering.OrderPackage;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.servicedata.MunicipalData;
import dk.samspil.servicedata.OrderFigures;
import dk.samspil.servicedata.OrderFigures.Line;
import dk.samspil.servicedata.RegisterRows;
import dk.samspil.survey.SurveyResults;
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
import org.springframework.stereotype.Component;

/**
 * Gathers what an order's deck shows: the package's programme with clock times from the order's start, the survey's
 * results per programme block, the service and municipal data — every figure as the disclosure policy lets it out
 * (the survey results, the order figures and the municipal data are already filtered by their owners).
 */
@Component
class DeckAssembler {

    static final String RATE_UNIT = Wording.text("deck.slide.unit.rate");
    static final String PATIENTS_UNIT = Wording.text("deck.slide.unit.patients");
    static final String THEN = Wording.text("deck.slide.series.then");
    static final String NOW = Wording.text("deck.slide.series.now");
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
        List<Question> asked = asked(order, pkg);
        // A follow-up shows then and now: the first order's results (through the same policy) beside this one's.
        Optional<OrderView> first = Optional.ofNullable(order.followsOrderId()).flatMap(orders::find);
        Optional<Results> then = first.flatMap(f -> surveys.forOrder(f.id()));
        List<QuestionSlide> questions =
                results.map(r -> QuestionSlides.of(asked, r, then)).orElse(List.of());
        List<Block> blocks = blocks(order, pkg.scheduleFrom(order.startTime()), questions);
        ResponseRate rate =
                results.map(r -> new ResponseRate(r.invited(), r.answered())).orElse(null);
        DataCharts data = dataCharts(order, first);
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
                data.charts(),
                data.note(),
                followUp(pkg),
                earlierAgreements(first));
    }

    /** The order's own questionnaire, as edited in the review round: each question carries its programme block. */
    private List<Question> asked(OrderView order, PackageDefinition pkg) {
        return questionnaires
                .find(order.id())
                .map(SurveyView::questions)
                .orElse(pkg.questionnaire().questions());
    }

    /** The programme's items as the deck's blocks, each with the question slides that go in it. */
    private List<Block> blocks(OrderView order, List<ScheduledItem> schedule, List<QuestionSlide> questions) {
        int firstBlock = firstContentBlock(schedule);
        Map<Integer, List<QuestionSlide>> byBlock = new TreeMap<>();
        for (QuestionSlide slide : questions) {
            byBlock.computeIfAbsent(blockOf(schedule, slide.block(), firstBlock), k -> new ArrayList<>())
                    .add(slide);
        }
        int dataBlock = dataBlock(schedule, firstBlock);
        List<Block> blocks = new ArrayList<>();
        Map<Integer, DeckContent.TalkSlides> talks = municipalTalks.slides(order.id());
        for (int i = 0; i < schedule.size(); i++) {
            blocks.add(block(schedule.get(i), byBlock.getOrDefault(i, List.of()), i == dataBlock, talks.get(i)));
        }
        return blocks;
    }

    private static Block block(
            ScheduledItem item, List<QuestionSlide> questions, boolean data, DeckContent.TalkSlides talk) {
        List<String> points = new ArrayList<>();
        for (ProgrammeEntry entry : item.item().items()) {
            points.add(entry.heading());
            points.addAll(entry.points());
        }
        boolean municipalTalk = hasMunicipalTalk(item.item());
        return new Block(
                item.item().title(),
                item.item().minutes(),
                item.from(),
                item.to(),
                item.item().kind() == ItemKind.BREAK,
                points,
                municipalTalk,
                questions,
                item.item().dialogueQuestions(),
                data,
                municipalTalk && talkFirst(item.item()),
                municipalTalk ? talk : null);
    }

    /** The deck's data charts and the notes under them, in the order they are shown. */
    private record DataCharts(List<Chart> charts, List<String> notes) {

        DataCharts() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        void add(Chart chart, String note) {
            charts.add(chart);
            notes.add(note);
        }

        /** The notes as one text, null when there are none. */
        String note() {
            return notes.isEmpty() ? null : String.join(" ", notes);
        }
    }

    /** The service figures (then and now in a follow-up), the municipalities' referrals and dose-dispensing figures. */
    private DataCharts dataCharts(OrderView order, Optional<OrderView> first) {
        DataCharts data = new DataCharts();
        List<OrderFigures.Figures> thenFigures =
                first.map(f -> figures.forOrder(f, f.meetingDate())).orElse(List.of());
        for (OrderFigures.Figures f : figures.forOrder(order)) {
            addService(data, f, thenFigures);
        }
        for (MunicipalData.Referrals r : municipal.referrals(order)) {
            addReferrals(data, r);
        }
        for (MunicipalData.DosisFigures d : municipal.dosisFigures(order)) {
            addDosis(data, d);
        }
        // Only rates are per 1,000 listed patients; counts (the municipality's citizens) are labelled as counts.
        boolean rates = data.charts().stream().anyMatch(c -> RATE_UNIT.equals(c.unit()));
        if (rates) {
            data.notes().add(Wording.text("deck.slide.note.perThousand"));
        }
        if (!data.charts().isEmpty()) {
            data.notes().add(Wording.text("deck.slide.note.smallNumbers"));
        }
        return data;
    }

    /** A service's chart: patients as counts, else rates, beside the first order's rates in a follow-up. */
    private static void addService(DataCharts data, OrderFigures.Figures f, List<OrderFigures.Figures> thenFigures) {
        if (f.service().countsPatients()) {
            data.add(
                    patientsChart(f),
                    Wording.text("deck.slide.note.patients", f.service().code(), f.to().format(MONTH)));
            return;
        }
        Chart now = rateChart(
                Wording.text(
                        "deck.slide.service.title",
                        f.service().code(),
                        f.service().name()),
                lines(f),
                f.threshold());
        Optional<OrderFigures.Figures> before = thenFigures.stream()
                .filter(t -> t.service().code().equals(f.service().code()) && t.to().isBefore(f.to()))
                .findFirst();
        if (before.isPresent()) {
            Chart old = rateChart(now.title(), lines(before.get()), f.threshold());
            data.add(thenAndNow(now, old), thenAndNowNote(f, before.get()));
        } else {
            data.add(
                    now,
                    Wording.text(
                            "deck.slide.note.service",
                            f.service().code(),
                            f.from().format(MONTH),
                            f.to().format(MONTH)));
        }
    }

    private static String thenAndNowNote(OrderFigures.Figures now, OrderFigures.Figures then) {
        return Wording.text(
                "deck.slide.note.serviceThenAndNow",
                now.service().code(),
                then.from().format(MONTH),
                then.to().format(MONTH),
                now.from().format(MONTH),
                now.to().format(MONTH));
    }

    private static void addReferrals(DataCharts data, MunicipalData.Referrals r) {
        List<Line> lines = new ArrayList<>(r.practices());
        lines.add(r.cluster());
        String offer = Wording.text(
                r.offer() == RegisterRows.Offer.FOREBYGGELSE
                        ? "deck.slide.offer.preventive"
                        : "deck.slide.offer.rehabilitating");
        data.add(
                rateChart(Wording.text("deck.slide.referrals.title", offer, r.municipality()), lines, r.threshold()),
                Wording.text("deck.slide.note.referrals", r.municipality(), r.period()));
    }

    private static void addDosis(DataCharts data, MunicipalData.DosisFigures d) {
        List<MunicipalData.Figure> values = List.of(d.nursing(), d.homeCare(), d.careHome());
        data.charts()
                .add(new Chart(
                        Wording.text("deck.slide.dosis.title", d.municipality()),
                        Wording.text("deck.slide.dosis.unit"),
                        Wording.texts("deck.slide.dosis.categories", 3),
                        List.of(new Series(
                                Wording.text("deck.slide.dosis.series"),
                                values.stream()
                                        .map(v -> v.visible() ? Double.valueOf(v.text()) : null)
                                        .toList(),
                                values.stream().map(MunicipalData.Figure::text).toList()))));
        if (d.staffHoursWeek() != null) {
            data.notes()
                    .add(Wording.text(
                            "deck.slide.note.staffHours",
                            d.municipality(),
                            d.staffHoursWeek().toPlainString().replace('.', ',')));
        }
        if (d.contact() != null) {
            data.notes()
                    .add(Wording.text(
                            "deck.slide.note.contact",
                            d.contact().replace('\n', ' ').replace('\r', ' ')));
        }
    }

    private static List<String> followUp(PackageDefinition pkg) {
        return !pkg.suggestedActions().isEmpty() ? pkg.suggestedActions() : pkg.afterMeeting();
    }

    /** In a follow-up, the agreements made at the first meeting and how they went. */
    private List<String> earlierAgreements(Optional<OrderView> first) {
        return first.map(f -> meetings.meeting(f).agreements().stream()
                        .map(DeckAssembler::agreementLine)
                        .toList())
                .orElse(List.of());
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
            who.add(Wording.text("deck.slide.party." + a.ownerParty().name()));
        }
        String status = Wording.text("deck.slide.status." + a.status().name());
        String reason = a.status() == AgreementStatus.ABANDONED
                        && !a.history().isEmpty()
                        && a.history().get(a.history().size() - 1).reason() != null
                ? " (" + a.history().get(a.history().size() - 1).reason() + ")"
                : "";
        return a.what() + (who.isEmpty() ? "" : " – " + String.join(", ", who))
                + (a.due() == null
                        ? ""
                        : Wording.text(
                                "deck.slide.agreement.due", a.due().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))))
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
                List.of(new Series(THEN, values, labels), new Series(NOW, nowSeries.values(), nowSeries.labels())));
    }

    /** Patients receiving the service per practice and in the cluster: counts, labelled as counts. */
    private static Chart patientsChart(OrderFigures.Figures f) {
        List<Line> lines = new ArrayList<>(f.practices());
        lines.add(f.cluster());
        return new Chart(
                Wording.text(
                        "deck.chart.service", f.service().code(), f.service().name()),
                PATIENTS_UNIT,
                lines.stream().map(Line::label).toList(),
                List.of(new Series(
                        Wording.text("deck.chart.series.patients"),
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
                List.of(new Series(Wording.text("deck.chart.series.rate"), values, labels)));
    }

    /** The programme item whose block number the question names, else the first block with content. */
    private static int blockOf(List<ScheduledItem> schedule, Integer block, int fallback) {
        if (block != null) {
            for (int i = 0; i < schedule.size(); i++) {
                if (block.equals(schedule.get(i).item().block())) {
                    return i;
                }
            }
        }
        return fallback;
    }

    /** Whether the programme item has a talk by the municipality (an entry the package gives the role MUNICIPALITY). */
    static boolean hasMunicipalTalk(PackageDefinition.ProgrammeItem item) {
        return item.items().stream().anyMatch(ProgrammeEntry::municipalTalk);
    }

    /** The talk comes before the survey's results in the programme item (seed 004's Blok 2: "kommunen først"). */
    private static boolean talkFirst(PackageDefinition.ProgrammeItem item) {
        for (ProgrammeEntry entry : item.items()) {
            if (entry.municipalTalk()) {
                return true;
            }
            if (entry.shows().contains(EntryShows.SURVEY_RESULTS)) {
                return false;
            }
        }
        return false;
    }

    /** The first numbered block of the programme, else its first item that is not a break. */
    private static int firstContentBlock(List<ScheduledItem> schedule) {
        for (int i = 0; i < schedule.size(); i++) {
            if (schedule.get(i).item().block() != null) {
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

    /** The block whose programme goes through the register data, else the first content block. */
    private static int dataBlock(List<ScheduledItem> schedule, int fallback) {
        for (int i = 0; i < schedule.size(); i++) {
            for (ProgrammeEntry entry : schedule.get(i).item().items()) {
                if (entry.shows().contains(EntryShows.REGISTER_DATA)) {
                    return i;
                }
            }
        }
        return fallback;
    }
}
