package dk.samspil.ordering;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.catalog.PackageDefinition.ProgrammeItem;
import dk.samspil.mail.Outbox;
import dk.samspil.ordering.OrderViews.ElectiveView;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.ParticipantView;
import dk.samspil.platform.DanishFormat;
import dk.samspil.platform.RuleViolation;
import dk.samspil.security.SamspilPrincipal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of an order after it is placed, until its meeting is held: the meeting date, start time, venue, municipal
 * participants, elective topics and the order's own programme (seed 004: the consultant and the cluster "i
 * fællesskab beslutter det endelige indhold"). Each change is kept with who, when, the field and the value before and
 * after, and told by mail to the coordinator, the provider's consultants and the order's municipal participants.
 * A change made from an order someone else has changed since it was read is refused.
 */
@Service
class OrderChanges {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    /** What can change. */
    enum Field {
        MEETING_DATE,
        START_TIME,
        VENUE,
        PARTICIPANTS,
        ELECTIVES,
        PROGRAMME
    }

    /** One change of one field: the value before and after, as the order page and the mail show them. */
    record Diff(Field field, String oldValue, String newValue) {}

    /** One change as the order's change log lists it. */
    record Change(Field field, String oldValue, String newValue, String by, OffsetDateTime at) {}

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Ordering ordering;
    private final Catalog catalog;
    private final Outbox outbox;
    private final OrderMails mails;
    private final ApplicationEventPublisher events;

    OrderChanges(
            JdbcClient jdbc,
            Orders orders,
            Ordering ordering,
            Catalog catalog,
            Outbox outbox,
            OrderMails mails,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.orders = orders;
        this.ordering = ordering;
        this.catalog = catalog;
        this.outbox = outbox;
        this.mails = mails;
    }

    /** Refuses in Danish when the meeting is held, the order is closed or cancelled. */
    static void requireChangeable(OrderView order) {
        if (!order.changeable()) {
            throw new RuleViolation("order.change.closed");
        }
    }

    /**
     * Saves what the change form (checked by {@link OrderRules#checkChange}) changes; the open tasks move with a
     * moved meeting.
     *
     * @return what changed (nothing when the form changed nothing)
     */
    @Transactional
    List<Diff> change(OrderView order, OrderChangeForm form, PackageDefinition pkg, SamspilPrincipal by) {
        requireChangeable(order);
        lock(order, form.getVersion());
        List<Diff> diffs = new ArrayList<>();
        if (!form.getMeetingDate().equals(order.meetingDate())) {
            ordering.moveMeeting(order, form.getMeetingDate());
            diffs.add(new Diff(Field.MEETING_DATE, date(order.meetingDate()), date(form.getMeetingDate())));
        }
        if (!form.getStartTime().equals(order.startTime())) {
            jdbc.sql("UPDATE package_order SET start_time = ? WHERE id = ?")
                    .params(form.getStartTime(), order.id())
                    .update();
            diffs.add(new Diff(Field.START_TIME, TIME.format(order.startTime()), TIME.format(form.getStartTime())));
        }
        String venue = form.getVenue().strip();
        if (!venue.equals(order.venue())) {
            jdbc.sql("UPDATE package_order SET venue = ? WHERE id = ?")
                    .params(venue, order.id())
                    .update();
            diffs.add(new Diff(Field.VENUE, order.venue(), venue));
        }
        changeParticipants(order, form).ifPresent(diffs::add);
        changeElectives(order, form, pkg).ifPresent(diffs::add);
        record(order, diffs, by);
        return diffs;
    }

    /**
     * The consultant's call-back, recorded; a meeting date confirmed on the call that differs from the order's moves
     * the meeting as any other change does: logged and told.
     */
    @Transactional
    void recordCallback(
            OrderView order, String note, LocalDate confirmedDate, String firstContact, SamspilPrincipal by) {
        ordering.recordCallback(order, note, null, firstContact, by);
        if (confirmedDate != null && !confirmedDate.equals(order.meetingDate())) {
            moveMeeting(orders.find(order.id()).orElseThrow(), confirmedDate, by);
        }
    }

    /** The meeting moved from the order page's own date form: kept and told as any other change. */
    @Transactional
    void moveMeeting(OrderView order, LocalDate newDate, SamspilPrincipal by) {
        ordering.moveMeeting(order, newDate);
        if (!newDate.equals(order.meetingDate())) {
            record(order, List.of(new Diff(Field.MEETING_DATE, date(order.meetingDate()), date(newDate))), by);
        }
    }

    /**
     * The order's programme, as the consultant and the cluster adapt it: the first change makes it the order's own
     * copy of its package version's programme; from then on the deck and the documents read this one.
     *
     * @param origins for each item, its place in the programme before (null for a block added now): what is kept
     *     per block elsewhere (the municipality's talk) moves with it
     * @return whether it changed
     */
    @Transactional
    boolean changeProgramme(
            OrderView order, List<ProgrammeItem> items, List<Integer> origins, int version, SamspilPrincipal by) {
        requireChangeable(order);
        List<ProgrammeItem> before = ownOrPackageProgramme(order);
        if (before.equals(items)) {
            return false;
        }
        lock(order, version);
        jdbc.sql("UPDATE package_order SET programme = ?::jsonb WHERE id = ?")
                .params(orders.programmeJson(items), order.id())
                .update();
        record(
                order,
                List.of(new Diff(
                        Field.PROGRAMME,
                        summary(OrderPackage.of(catalog, order).programme()),
                        summary(named(order, items)))),
                by);
        if (!origins.equals(IntStream.range(0, before.size()).boxed().toList())) {
            events.publishEvent(new OrderProgrammeChanged(order.id(), origins));
        }
        return true;
    }

    /** The programme the order has now, before the elective topics name their places in it. */
    List<ProgrammeItem> ownOrPackageProgramme(OrderView order) {
        return order.programme() != null
                ? order.programme()
                : OrderPackage.placed(catalog, order).programme();
    }

    /** These items as the order would show them: the elective topics named. */
    private List<ProgrammeItem> named(OrderView order, List<ProgrammeItem> items) {
        PackageDefinition pkg = OrderPackage.placed(catalog, order).withProgramme(items);
        return pkg.withElectives(OrderPackage.electiveTitles(pkg, order)).programme();
    }

    List<Change> of(long orderId) {
        return jdbc.sql("""
                        SELECT field, old_value, new_value, changed_by, changed_at FROM order_change
                        WHERE order_id = ? ORDER BY changed_at DESC, id DESC""")
                .param(orderId)
                .query((rs, n) -> new Change(
                        Field.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /** Only from the version the change was made on: 0 rows means someone else changed the order meanwhile. */
    private void lock(OrderView order, int version) {
        int rows = jdbc.sql("UPDATE package_order SET version = version + 1 WHERE id = ? AND version = ?")
                .params(order.id(), version)
                .update();
        if (rows == 0) {
            throw new RuleViolation("order.change.changedMeanwhile");
        }
    }

    private Optional<Diff> changeParticipants(OrderView order, OrderChangeForm form) {
        Map<String, ParticipantView> before = new LinkedHashMap<>();
        order.participants().forEach(p -> before.put(key(p.email()), p));
        Map<String, OrderForm.ParticipantForm> after = new LinkedHashMap<>();
        form.filledParticipants().forEach(p -> after.put(key(p.getEmail()), p));
        String fallbackMunicipality = order.municipalities().get(0).code();
        boolean changed = false;
        for (Map.Entry<String, ParticipantView> old : before.entrySet()) {
            if (!after.containsKey(old.getKey())) {
                jdbc.sql("DELETE FROM order_participant WHERE id = ?")
                        .param(old.getValue().id())
                        .update();
                changed = true;
            }
        }
        for (Map.Entry<String, OrderForm.ParticipantForm> row : after.entrySet()) {
            OrderForm.ParticipantForm p = row.getValue();
            String municipality =
                    blankToNull(p.getMunicipalityCode()) == null ? fallbackMunicipality : p.getMunicipalityCode();
            ParticipantView old = before.get(row.getKey());
            if (old == null) {
                jdbc.sql(
                                "INSERT INTO order_participant (order_id, name, email, role, municipality_code) VALUES (?, ?, ?, ?, ?)")
                        .params(
                                order.id(),
                                p.getName().strip(),
                                p.getEmail().strip(),
                                blankToNull(p.getRole()),
                                municipality)
                        .update();
                changed = true;
            } else if (!old.name().equals(p.getName().strip())
                    || !Objects.equals(old.role(), blankToNull(p.getRole()))
                    || !old.municipalityCode().equals(municipality)) {
                jdbc.sql("UPDATE order_participant SET name = ?, role = ?, municipality_code = ? WHERE id = ?")
                        .params(p.getName().strip(), blankToNull(p.getRole()), municipality, old.id())
                        .update();
                changed = true;
            }
        }
        if (!changed) {
            return Optional.empty();
        }
        OrderView now = orders.find(order.id()).orElseThrow();
        if (now.municipalityContactedAt() != null) {
            ordering.inviteParticipants(now); // the new participants, as at order time
        }
        return Optional.of(
                new Diff(Field.PARTICIPANTS, participants(order.participants()), participants(now.participants())));
    }

    private Optional<Diff> changeElectives(OrderView order, OrderChangeForm form, PackageDefinition pkg) {
        if (pkg.electiveTopics() == null) {
            return Optional.empty();
        }
        List<String> oldTitles = OrderPackage.electiveTitles(pkg, order);
        String other = blankToNull(form.getElectiveOther());
        List<ElectiveView> chosen = form.getElectiveTopics().stream()
                .map(key -> new ElectiveView(
                        key,
                        pkg.electiveTopics().options().stream()
                                        .anyMatch(o -> o.key().equals(key) && o.freeText())
                                ? other
                                : null))
                .toList();
        if (new HashSet<>(chosen).equals(new HashSet<>(order.electiveTopics()))) {
            return Optional.empty();
        }
        jdbc.sql("DELETE FROM order_elective_topic WHERE order_id = ?")
                .param(order.id())
                .update();
        for (ElectiveView topic : chosen) {
            jdbc.sql("INSERT INTO order_elective_topic (order_id, topic_key, free_text) VALUES (?, ?, ?)")
                    .params(order.id(), topic.key(), topic.freeText())
                    .update();
        }
        return Optional.of(new Diff(
                Field.ELECTIVES,
                String.join("; ", oldTitles),
                String.join("; ", pkg.electiveTitles(form.getElectiveTopics(), other))));
    }

    /** Keeps the changes and tells everyone concerned in one mail each; nothing when nothing changed. */
    private void record(OrderView order, List<Diff> diffs, SamspilPrincipal by) {
        if (diffs.isEmpty()) {
            return;
        }
        long first = 0;
        for (Diff diff : diffs) {
            long id = jdbc.sql("""
                            INSERT INTO order_change (order_id, field, old_value, new_value, changed_by)
                            VALUES (?, ?, ?, ?, ?) RETURNING id""")
                    .params(order.id(), diff.field().name(), diff.oldValue(), diff.newValue(), by.displayName())
                    .query(Long.class)
                    .single();
            first = first == 0 ? id : first;
        }
        OrderView now = orders.find(order.id()).orElseThrow();
        long reference = first;
        recipients(now).forEach(to -> outbox.enqueue(mails.changed(now, diffs, by.displayName(), to, reference)));
    }

    /**
     * The coordinator, the provider's consultants and the order's municipal participants — these once the
     * municipality has been contacted (until then they have not heard of the meeting).
     */
    private List<String> recipients(OrderView order) {
        Stream<String> municipal = order.municipalityContactedAt() == null
                ? Stream.empty()
                : orders.emailsOf(order, Party.MUNICIPALITY).stream();
        return Stream.of(
                        orders.emailsOf(order, Party.CLUSTER).stream(),
                        orders.emailsOf(order, Party.PROVIDER).stream(),
                        municipal)
                .flatMap(s -> s)
                .filter(e -> e != null && !e.isBlank())
                .map(String::strip)
                .filter(new TreeSet<String>(String.CASE_INSENSITIVE_ORDER)::add)
                .toList();
    }

    private static String participants(List<ParticipantView> participants) {
        return participants.stream()
                .map(p -> p.name() + (p.role() == null ? "" : ", " + p.role()) + " (" + p.email() + ")")
                .collect(Collectors.joining("; "));
    }

    /** The programme in one line: each item's title and minutes. */
    static String summary(List<ProgrammeItem> items) {
        return items.stream()
                .map(i -> i.title() + " (" + DanishFormat.minutes(i.minutes()) + ")")
                .collect(Collectors.joining("; "));
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String date(LocalDate date) {
        return DATE.format(date);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
