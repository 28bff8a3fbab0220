package dk.samspil.insight;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.Catalog.PackageVersion;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.catalog.PackageDefinition.ServiceCode;
import dk.samspil.deck.DeckOverview;
import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.ClusterView;
import dk.samspil.meeting.AgreementCounts;
import dk.samspil.meeting.AgreementCounts.Counts;
import dk.samspil.meeting.AgreementStatus;
import dk.samspil.ordering.OrderStatus;
import dk.samspil.ordering.OrderViews.OrderLine;
import dk.samspil.ordering.OrderViews.TaskView;
import dk.samspil.ordering.Orders;
import dk.samspil.ordering.Timeline.Step;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import dk.samspil.servicedata.ServiceEffect;
import dk.samspil.survey.SurveyOverview;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The provider's overview, read from the modules that own each part: the orders (ordering), their surveys' answers
 * (survey), their decks (deck), their meetings' agreements (meeting), the clusters' regions (directory) and the service
 * figures before and after the meetings (servicedata, under its disclosure policy).
 */
@Service
class ProviderOverview {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    /** The states of an order whose meeting has been held. */
    static final Set<OrderStatus> HELD =
            EnumSet.of(OrderStatus.MEETING_HELD, OrderStatus.FOLLOW_UP, OrderStatus.CLOSED);

    /** The steps after the meeting that the overview calls follow-ups. */
    static final Set<Step> FOLLOW_UPS = EnumSet.of(Step.FOLLOW_UP_MEETING, Step.KLU_AGENDA, Step.FOLLOW_UP_PACKAGE);

    /** A follow-up is due when its date is at most this many days ahead (or passed). */
    static final int DUE_WITHIN_DAYS = 30;

    /** One month of meetings: the orders in each phase. */
    public record MonthRow(YearMonth month, Map<OrderStatus, Integer> counts) {

        public int count(OrderStatus status) {
            return counts.getOrDefault(status, 0);
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A follow-up task not done whose date is near or passed. */
    public record FollowUp(OrderLine order, TaskView task, boolean overdue) {}

    /** A package's effect: its held meetings, the share of their agreements done, each service's figures. */
    public record PackageEffect(
            String slug, String packageTitle, int meetings, Counts agreements, List<ServiceEffect.Effect> services) {

        public int done() {
            return agreements.of(AgreementStatus.DONE);
        }

        /** The share of the agreements done, in whole per cent (null without agreements). */
        public Integer donePercent() {
            int total = agreements.total();
            return total == 0 ? null : Math.round(100f * done() / total);
        }
    }

    public record Overview(
            String providerName,
            boolean national,
            LocalDate today,
            List<OrderStatus> phases,
            List<MonthRow> months,
            MonthRow allMonths,
            List<Activity> packages,
            List<Activity> regions,
            Activity all,
            List<FollowUp> followUps,
            List<PackageEffect> effects,
            Map<Long, OrderLine> orders) {

        /** The order of a meeting, for its cluster and date. */
        public OrderLine order(long id) {
            return orders.get(id);
        }
    }

    private final Orders orders;
    private final SurveyOverview surveys;
    private final DeckOverview decks;
    private final AgreementCounts agreements;
    private final Directory directory;
    private final Catalog catalog;
    private final ServiceEffect effect;
    private final Clock clock;

    ProviderOverview(
            Orders orders,
            SurveyOverview surveys,
            DeckOverview decks,
            AgreementCounts agreements,
            Directory directory,
            Catalog catalog,
            ServiceEffect effect,
            Clock clock) {
        this.orders = orders;
        this.surveys = surveys;
        this.decks = decks;
        this.agreements = agreements;
        this.directory = directory;
        this.catalog = catalog;
        this.effect = effect;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(COPENHAGEN));
    }

    /** Whether the user has a provider's overview: a consultant of a provider. */
    static boolean hasOverview(SamspilPrincipal user) {
        return user != null && user.is(Role.CONSULTANT) && user.providerCode() != null;
    }

    /** The overview of the consultant's own provider (the orders a consultant sees are its provider's). */
    Overview of(SamspilPrincipal consultant) {
        LocalDate today = today();
        var provider = directory.providerContact(consultant.providerCode()).orElseThrow();
        boolean national = provider.regionCode() == null;
        List<OrderLine> lines = orders.visibleTo(consultant, today);
        List<Long> ids = lines.stream().map(OrderLine::id).toList();
        Map<Long, SurveyOverview.Progress> progress = surveys.of(ids);
        Map<Long, DeckOverview.State> deck = decks.of(ids);
        Map<Long, Counts> agreed = agreements.of(ids, today);
        List<FollowUp> followUps = followUps(lines, today);
        Map<Long, Long> dueByOrder =
                followUps.stream().collect(Collectors.groupingBy(f -> f.order().id(), Collectors.counting()));
        Function<OrderLine, Activity> activity = line -> Activity.of(
                progress.get(line.id()),
                deck.get(line.id()).stage(),
                HELD.contains(line.status()),
                agreed.getOrDefault(line.id(), Counts.NONE),
                dueByOrder.getOrDefault(line.id(), 0L).intValue());
        Map<String, Activity> byPackage = group(lines, OrderLine::packageTitle, activity);
        List<Activity> regions = national ? regions(lines, activity) : List.of();
        Activity all = lines.stream().map(activity).reduce(Activity.empty(null), Activity::plus);
        List<MonthRow> months = months(lines);
        Map<OrderStatus, Integer> allCounts = new EnumMap<>(OrderStatus.class);
        months.forEach(m -> m.counts().forEach((s, n) -> allCounts.merge(s, n, Integer::sum)));
        return new Overview(
                provider.name(),
                national,
                today,
                List.of(OrderStatus.values()),
                months,
                new MonthRow(null, allCounts),
                List.copyOf(byPackage.values()),
                regions,
                all,
                followUps,
                effects(lines, agreed, today),
                lines.stream().collect(Collectors.toMap(OrderLine::id, Function.identity())));
    }

    /** The lines' activity by the region of their cluster. */
    private List<Activity> regions(List<OrderLine> lines, Function<OrderLine, Activity> activity) {
        Map<Long, String> regionOf = new HashMap<>();
        lines.stream()
                .map(OrderLine::clusterId)
                .distinct()
                .forEach(id -> regionOf.put(
                        id, directory.cluster(id).map(ClusterView::regionName).orElse("")));
        return List.copyOf(
                group(lines, l -> regionOf.get(l.clusterId()), activity).values());
    }

    /** The lines' activity by a label, in label order. */
    private static Map<String, Activity> group(
            List<OrderLine> lines, Function<OrderLine, String> label, Function<OrderLine, Activity> activity) {
        Map<String, Activity> groups = new TreeMap<>();
        for (OrderLine line : lines) {
            String key = label.apply(line);
            groups.merge(key, activity.apply(line), Activity::plus);
        }
        Map<String, Activity> labelled = new LinkedHashMap<>();
        groups.forEach((key, a) -> labelled.put(key, Activity.empty(key).plus(a)));
        return labelled;
    }

    private static List<MonthRow> months(List<OrderLine> lines) {
        Map<YearMonth, Map<OrderStatus, Integer>> byMonth = new TreeMap<>();
        for (OrderLine line : lines) {
            byMonth.computeIfAbsent(YearMonth.from(line.meetingDate()), m -> new EnumMap<>(OrderStatus.class))
                    .merge(line.status(), 1, Integer::sum);
        }
        return byMonth.entrySet().stream()
                .map(e -> new MonthRow(e.getKey(), e.getValue()))
                .toList();
    }

    /** The follow-up tasks of open orders not done and due within {@link #DUE_WITHIN_DAYS} days, soonest first. */
    private List<FollowUp> followUps(List<OrderLine> lines, LocalDate today) {
        Map<Long, OrderLine> open = lines.stream()
                .filter(l -> l.status().open())
                .collect(Collectors.toMap(OrderLine::id, Function.identity()));
        LocalDate horizon = today.plusDays(DUE_WITHIN_DAYS);
        return orders.openTasks(open.keySet()).stream()
                .filter(t -> FOLLOW_UPS.contains(t.step()) && !t.due().isAfter(horizon))
                .map(t -> new FollowUp(open.get(t.orderId()), t, t.overdue(today)))
                .toList();
    }

    /** Per package with held meetings: the share of their agreements done and each service code's before and after. */
    private List<PackageEffect> effects(List<OrderLine> lines, Map<Long, Counts> agreed, LocalDate today) {
        List<OrderLine> held = lines.stream()
                .filter(l -> HELD.contains(l.status()) && l.meetingDate().isBefore(today))
                .sorted(Comparator.comparing(OrderLine::meetingDate).thenComparing(OrderLine::id))
                .toList();
        Map<Long, PackageVersion> packages =
                orders.packagesOf(held.stream().map(OrderLine::id).toList());
        Map<String, List<OrderLine>> bySlug = new TreeMap<>();
        held.forEach(l -> bySlug.computeIfAbsent(packages.get(l.id()).slug(), s -> new ArrayList<>())
                .add(l));
        List<PackageEffect> effects = new ArrayList<>();
        bySlug.forEach((slug, meetings) -> {
            // Each meeting is measured on the service codes of the version it was ordered with.
            Map<String, ServiceCode> codes = new TreeMap<>();
            Map<String, List<ServiceEffect.Meeting>> meetingsByCode = new HashMap<>();
            for (OrderLine line : meetings) {
                PackageVersion version = packages.get(line.id());
                List<ServiceCode> serviceCodes = catalog.find(version.slug(), version.version())
                        .map(PackageDefinition::serviceCodes)
                        .orElse(List.of());
                for (ServiceCode code : serviceCodes) {
                    codes.putIfAbsent(code.code(), code);
                    meetingsByCode
                            .computeIfAbsent(code.code(), c -> new ArrayList<>())
                            .add(new ServiceEffect.Meeting(line.id(), line.clusterId(), line.meetingDate()));
                }
            }
            Counts done = meetings.stream()
                    .map(l -> agreed.getOrDefault(l.id(), Counts.NONE))
                    .reduce(Counts.NONE, Counts::plus);
            List<ServiceEffect.Effect> services = codes.values().stream()
                    .map(code -> effect.of(code, meetingsByCode.get(code.code()), today))
                    .toList();
            String title = meetings.get(meetings.size() - 1).packageTitle();
            effects.add(new PackageEffect(slug, title, meetings.size(), done, services));
        });
        effects.sort(Comparator.comparing(PackageEffect::packageTitle));
        return effects;
    }
}
