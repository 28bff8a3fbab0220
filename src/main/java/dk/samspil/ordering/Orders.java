package dk.samspil.ordering;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.Catalog.PackageVersion;
import dk.samspil.catalog.PackageDefinition.ProgrammeItem;
import dk.samspil.directory.Directory;
import dk.samspil.ordering.OrderViews.ElectiveView;
import dk.samspil.ordering.OrderViews.MunicipalityRef;
import dk.samspil.ordering.OrderViews.OrderLine;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.ParticipantView;
import dk.samspil.ordering.OrderViews.TaskView;
import dk.samspil.platform.RequestMemo;
import dk.samspil.security.People;
import dk.samspil.security.People.Contact;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Orders as they are read: one order, the orders a user may see, the timeline's tasks, and who may see what. */
@Service
public class Orders {

    /**
     * The order's row with its municipalities, participants and elective topics in the same statement (arrays of
     * each list's columns in the same order), so that reading an order costs one statement of this module's own.
     */
    private static final String ORDER_SELECT = """
            SELECT o.*,
                   (SELECT array_agg(om.municipality_code) FROM order_municipality om WHERE om.order_id = o.id)
                       AS municipality_codes,
                   p.ids AS participant_ids, p.names AS participant_names, p.emails AS participant_emails,
                   p.roles AS participant_roles, p.codes AS participant_codes, p.invited AS participant_invited,
                   p.users AS participant_users,
                   e.keys AS elective_keys, e.texts AS elective_texts
            FROM package_order o
            LEFT JOIN LATERAL (
                SELECT array_agg(op.id ORDER BY op.id) AS ids, array_agg(op.name ORDER BY op.id) AS names,
                       array_agg(op.email ORDER BY op.id) AS emails, array_agg(op.role ORDER BY op.id) AS roles,
                       array_agg(op.municipality_code ORDER BY op.id) AS codes,
                       array_agg(op.invited_at ORDER BY op.id) AS invited,
                       array_agg(op.user_id ORDER BY op.id) AS users
                FROM order_participant op WHERE op.order_id = o.id) p ON true
            LEFT JOIN LATERAL (
                SELECT array_agg(t.topic_key) AS keys, array_agg(t.free_text) AS texts
                FROM order_elective_topic t WHERE t.order_id = o.id) e ON true
            """;

    private static final String LINE_SELECT = """
            SELECT o.id, o.package_slug, o.package_version, o.cluster_id, o.meeting_date, o.status, o.callback_at,
                   (SELECT array_agg(om.municipality_code) FROM order_municipality om WHERE om.order_id = o.id)
                       AS municipality_codes,
                   (SELECT count(*) FROM order_task t WHERE t.order_id = o.id AND t.done_at IS NULL
                      AND t.due_date < ?) AS overdue
            FROM package_order o
            """;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Directory directory;
    private final People people;
    private final JsonMapper json;

    Orders(JdbcClient jdbc, Catalog catalog, Directory directory, People people, JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
        this.people = people;
    }

    public Optional<OrderView> find(long id) {
        // The row first, its lists after: a query inside a row mapper would hold two pooled connections at once,
        // and under load every request would wait for a second connection that never comes.
        // Within one GET request (a page and its guards and parts) the order is read once.
        return RequestMemo.of(
                "ordering.order",
                id,
                () -> jdbc.sql(ORDER_SELECT + " WHERE o.id = ?")
                        .param(id)
                        .query(Orders::row)
                        .optional()
                        .map(this::order));
    }

    /** The order's own programme as stored (null while it has none): read with the row, no query of its own. */
    List<ProgrammeItem> programme(String stored) {
        return stored == null ? null : List.of(json.readValue(stored, ProgrammeItem[].class));
    }

    String programmeJson(List<ProgrammeItem> items) {
        return json.writeValueAsString(items);
    }

    /**
     * The consultant's queue of new orders, each with its coordinator to call: two statements for the whole queue
     * (not a whole order read per line).
     */
    public List<QueueEntry> queue(List<OrderLine> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        record Caller(long coordinatorUserId, String phone) {}
        Map<Long, Caller> callers = new java.util.HashMap<>();
        jdbc.sql("SELECT id, coordinator_user_id, coordinator_phone FROM package_order WHERE id = ANY (?)")
                .param(lines.stream().map(OrderLine::id).toArray(Long[]::new))
                .query(rs -> {
                    callers.put(rs.getLong(1), new Caller(rs.getLong(2), rs.getString(3)));
                });
        Map<Long, Contact> contacts = people.contacts(
                callers.values().stream().map(Caller::coordinatorUserId).collect(Collectors.toSet()));
        return lines.stream()
                .filter(line -> callers.containsKey(line.id()))
                .map(line -> {
                    Caller caller = callers.get(line.id());
                    Contact coordinator = contacts.getOrDefault(caller.coordinatorUserId(), NOBODY);
                    return new QueueEntry(
                            line.id(),
                            line.clusterName(),
                            line.packageTitle(),
                            line.meetingDate(),
                            line.callbackAt(),
                            coordinator.name(),
                            caller.phone(),
                            coordinator.email());
                })
                .toList();
    }

    /** A line of the consultant's queue: the order and whom to call about it. */
    public record QueueEntry(
            long id,
            String clusterName,
            String packageTitle,
            LocalDate meetingDate,
            OffsetDateTime callbackAt,
            String coordinatorName,
            String coordinatorPhone,
            String coordinatorEmail) {}

    /**
     * The e-mail addresses of one side of an order: the cluster's coordinator, the order's municipal participants, or
     * the provider's consultants — who is reminded of a task or an agreement that side owns.
     */
    public List<String> emailsOf(OrderView order, Party party) {
        return switch (party) {
            case CLUSTER -> order.coordinatorEmail() == null ? List.of() : List.of(order.coordinatorEmail());
            case PROVIDER -> people.consultantEmails(order.providerCode());
            case MUNICIPALITY ->
                order.participants().stream()
                        .map(ParticipantView::email)
                        .distinct()
                        .toList();
        };
    }

    /** Everyone of the meeting by e-mail: the cluster's coordinator and the order's municipal participants. */
    public List<String> meetingEmails(OrderView order) {
        return Stream.concat(emailsOf(order, Party.CLUSTER).stream(), emailsOf(order, Party.MUNICIPALITY).stream())
                .filter(e -> e != null && !e.isBlank())
                .distinct()
                .toList();
    }

    /** The first contact with the municipality, once recorded. */
    public Optional<FirstContactAnswer.FirstContact> firstContact(long orderId) {
        return jdbc.sql(
                        "SELECT made_by, made_on, answer, note, recorded_by, recorded_at FROM order_first_contact WHERE order_id = ?")
                .param(orderId)
                .query((rs, n) -> new FirstContactAnswer.FirstContact(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        FirstContactAnswer.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)))
                .optional();
    }

    /** The id of the follow-up ordered from this order, if any. */
    public Optional<Long> followUpOf(long orderId) {
        return jdbc.sql("SELECT id FROM package_order WHERE follows_order_id = ?")
                .param(orderId)
                .query(Long.class)
                .optional();
    }

    /** The package (and the version it was placed with) of each of these orders, by order id. */
    public Map<Long, PackageVersion> packagesOf(Collection<Long> orderIds) {
        Map<Long, PackageVersion> packages = new java.util.HashMap<>();
        if (!orderIds.isEmpty()) {
            jdbc.sql("SELECT id, package_slug, package_version FROM package_order WHERE id = ANY (?)")
                    .param(orderIds.toArray(Long[]::new))
                    .query(rs -> {
                        packages.put(rs.getLong(1), new PackageVersion(rs.getString(2), rs.getInt(3)));
                    });
        }
        return packages;
    }

    private static final Contact NOBODY = new Contact(null, null);

    /** The columns of one order, read before its municipalities, participants and topics. */
    private record OrderRow(
            long id,
            String packageSlug,
            int packageVersion,
            String providerCode,
            long clusterId,
            long coordinatorUserId,
            Long consultantUserId,
            LocalDate meetingDate,
            LocalTime startTime,
            String venue,
            String firstContact,
            OffsetDateTime callbackAt,
            String callbackNote,
            OffsetDateTime callbackDoneAt,
            OrderStatus status,
            String cancelReason,
            OffsetDateTime orderedAt,
            Long followsOrderId,
            String coordinatorPhone,
            OffsetDateTime municipalityContactedAt,
            int version,
            String programme,
            List<String> municipalityCodes,
            List<ParticipantView> participants,
            List<ElectiveView> electives) {}

    /** The orders this user may see, soonest meeting first. */
    public List<OrderLine> visibleTo(SamspilPrincipal user, LocalDate today) {
        String where;
        List<Object> scope;
        switch (user.role()) {
            case ADMIN -> {
                where = "o.id > ?";
                scope = List.of(0L);
            }
            case COORDINATOR, MEMBER -> {
                where = "o.cluster_id = ?";
                scope = nonNull(user.clusterId());
            }
            case CONSULTANT -> {
                where = "o.provider_code = ?";
                scope = nonNull(user.providerCode());
            }
            case MUNICIPALITY -> {
                // A municipality's own accounts see its orders; a participant named by an order sees that order.
                where = """
                        (EXISTS (SELECT 1 FROM order_municipality om WHERE om.order_id = o.id AND om.municipality_code = ?)
                         OR EXISTS (SELECT 1 FROM order_participant op WHERE op.order_id = o.id AND op.user_id = ?))""";
                scope = Arrays.asList(user.municipalityCode(), user.id());
            }
            default -> {
                return List.of();
            }
        }
        if (scope.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(today);
        params.addAll(scope);
        List<LineRow> rows = jdbc.sql(LINE_SELECT + " WHERE " + where + " ORDER BY o.meeting_date, o.id")
                .params(params)
                .query(Orders::line)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<PackageVersion, String> titles = catalog.titles();
        Map<Long, String> clusters =
                directory.clusterNames(rows.stream().map(LineRow::clusterId).collect(Collectors.toSet()));
        Map<String, String> municipalityNames = directory.municipalityNames(
                rows.stream().flatMap(r -> r.municipalityCodes().stream()).collect(Collectors.toSet()));
        return rows.stream()
                .map(r -> {
                    List<MunicipalityRef> refs = refs(r.municipalityCodes(), municipalityNames);
                    return new OrderLine(
                            r.id(),
                            titles.getOrDefault(
                                    new PackageVersion(r.packageSlug(), r.packageVersion()), r.packageSlug()),
                            clusters.getOrDefault(r.clusterId(), ""),
                            refs.isEmpty()
                                    ? null
                                    : refs.stream().map(MunicipalityRef::name).collect(Collectors.joining(", ")),
                            r.meetingDate(),
                            r.status(),
                            r.callbackAt(),
                            r.overdue(),
                            r.clusterId(),
                            refs);
                })
                .toList();
    }

    /** An order line as read, before its package, cluster and municipalities are named. */
    private record LineRow(
            long id,
            String packageSlug,
            int packageVersion,
            long clusterId,
            LocalDate meetingDate,
            OrderStatus status,
            OffsetDateTime callbackAt,
            int overdue,
            List<String> municipalityCodes) {}

    private static LineRow line(ResultSet rs, int n) throws SQLException {
        Array codes = rs.getArray("municipality_codes");
        return new LineRow(
                rs.getLong("id"),
                rs.getString("package_slug"),
                rs.getInt("package_version"),
                rs.getLong("cluster_id"),
                rs.getObject("meeting_date", LocalDate.class),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getObject("callback_at", OffsetDateTime.class),
                rs.getInt("overdue"),
                codes == null ? List.of() : List.of((String[]) codes.getArray()));
    }

    /** The municipalities by code and name, in name order; names read here unless given. */
    private List<MunicipalityRef> refs(List<String> codes, Map<String, String> names) {
        if (codes.isEmpty()) {
            return List.of();
        }
        Map<String, String> known = names == null ? directory.municipalityNames(codes) : names;
        List<MunicipalityRef> refs = new ArrayList<>();
        // The names' map is in name order: walk it and keep the codes asked for.
        Set<String> wanted = Set.copyOf(codes);
        known.forEach((code, name) -> {
            if (wanted.contains(code)) {
                refs.add(new MunicipalityRef(code, name));
            }
        });
        return List.copyOf(refs);
    }

    private static List<Object> nonNull(Object scope) {
        return scope == null ? List.of() : List.of(scope);
    }

    public List<TaskView> tasks(long orderId) {
        return jdbc.sql("SELECT * FROM order_task WHERE order_id = ? ORDER BY due_date, id")
                .param(orderId)
                .query(Orders::task)
                .list();
    }

    /** The tasks not yet done of these orders, soonest due first: the start pages' "next step". */
    public List<TaskView> openTasks(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM order_task WHERE order_id = ANY (?) AND done_at IS NULL ORDER BY due_date, id")
                .param(orderIds.toArray(Long[]::new))
                .query(Orders::task)
                .list();
    }

    /**
     * Who may see an order: its cluster's coordinator, its provider's consultants, its municipalities' own accounts
     * and the municipal participants it names.
     */
    public static boolean canSee(SamspilPrincipal user, OrderView order) {
        if (user == null) {
            return false;
        }
        return switch (user.role()) {
            case ADMIN -> true;
            case COORDINATOR -> user.clusterId() != null && user.clusterId() == order.clusterId();
            case CONSULTANT -> order.providerCode().equals(user.providerCode());
            case MUNICIPALITY -> actingMunicipality(user, order) != null;
            default -> false;
        };
    }

    /**
     * The municipality a municipal account acts for on this order: its own municipality if the order involves it,
     * otherwise the municipality of the participant row that names the account; null if neither.
     */
    public static String actingMunicipality(SamspilPrincipal user, OrderView order) {
        if (user == null || !user.is(Role.MUNICIPALITY)) {
            return null;
        }
        if (user.municipalityCode() != null && order.involvesMunicipality(user.municipalityCode())) {
            return user.municipalityCode();
        }
        return order.participants().stream()
                .filter(p -> p.userId() != null
                        && p.userId() == user.id()
                        && order.involvesMunicipality(p.municipalityCode()))
                .map(ParticipantView::municipalityCode)
                .findFirst()
                .orElse(null);
    }

    /** The provider's consultants (and administrators) run the order: call-back, materials, status. */
    /**
     * Read by everyone who sees it, and by the members of its cluster who have an account: they read the order, its
     * results, deck and minutes, and write nothing.
     */
    public static boolean canRead(SamspilPrincipal user, OrderView order) {
        return canSee(user, order)
                || (user != null
                        && user.is(Role.MEMBER)
                        && user.clusterId() != null
                        && user.clusterId() == order.clusterId());
    }

    public static boolean canManage(SamspilPrincipal user, OrderView order) {
        return user.isAdmin()
                || (user.is(Role.CONSULTANT) && order.providerCode().equals(user.providerCode()));
    }

    /** The cluster's coordinator (and whoever manages the order) may change its date or cancel it. */
    public static boolean canPlan(SamspilPrincipal user, OrderView order) {
        return canManage(user, order)
                || (user.is(Role.COORDINATOR) && user.clusterId() != null && user.clusterId() == order.clusterId());
    }

    /** A task is ticked off by its owner's side, or by the provider who runs the order. */
    public static boolean canTick(SamspilPrincipal user, OrderView order, TaskView task) {
        if (canManage(user, order)) {
            return true;
        }
        return switch (task.owner()) {
            case CLUSTER -> canPlan(user, order);
            case MUNICIPALITY -> user.is(Role.MUNICIPALITY) && canSee(user, order);
            case PROVIDER -> false;
        };
    }

    private static OrderRow row(ResultSet rs, int row) throws SQLException {
        return new OrderRow(
                rs.getLong("id"),
                rs.getString("package_slug"),
                rs.getInt("package_version"),
                rs.getString("provider_code"),
                rs.getLong("cluster_id"),
                rs.getLong("coordinator_user_id"),
                rs.getObject("consultant_user_id", Long.class),
                rs.getObject("meeting_date", LocalDate.class),
                rs.getObject("start_time", LocalTime.class),
                rs.getString("venue"),
                rs.getString("first_contact"),
                rs.getObject("callback_at", OffsetDateTime.class),
                rs.getString("callback_note"),
                rs.getObject("callback_done_at", OffsetDateTime.class),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getString("cancel_reason"),
                rs.getObject("ordered_at", OffsetDateTime.class),
                (Long) rs.getObject("follows_order_id"),
                rs.getString("coordinator_phone"),
                rs.getObject("municipality_contacted_at", OffsetDateTime.class),
                rs.getInt("version"),
                rs.getString("programme"),
                strings(rs, "municipality_codes"),
                participants(rs),
                electives(rs));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Object[] objects(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }

    /** The participants from the row's arrays (one per column, in id order). */
    private static List<ParticipantView> participants(ResultSet rs) throws SQLException {
        Object[] ids = objects(rs, "participant_ids");
        List<String> names = strings(rs, "participant_names");
        List<String> emails = strings(rs, "participant_emails");
        List<String> roles = strings(rs, "participant_roles");
        List<String> codes = strings(rs, "participant_codes");
        Object[] invited = objects(rs, "participant_invited");
        Object[] users = objects(rs, "participant_users");
        List<ParticipantView> participants = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            participants.add(new ParticipantView(
                    ((Number) ids[i]).longValue(),
                    names.get(i),
                    emails.get(i),
                    roles.get(i),
                    codes.get(i),
                    invited[i] == null
                            ? null
                            : ((java.sql.Timestamp) invited[i]).toInstant().atOffset(java.time.ZoneOffset.UTC),
                    users[i] == null ? null : ((Number) users[i]).longValue()));
        }
        return List.copyOf(participants);
    }

    private static List<ElectiveView> electives(ResultSet rs) throws SQLException {
        List<String> keys = strings(rs, "elective_keys");
        List<String> texts = strings(rs, "elective_texts");
        List<ElectiveView> electives = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            electives.add(new ElectiveView(keys.get(i), texts.get(i)));
        }
        return List.copyOf(electives);
    }

    private OrderView order(OrderRow o) {
        long id = o.id();
        List<MunicipalityRef> municipalities = refs(o.municipalityCodes(), null);
        Map<Long, Contact> contacts = people.contacts(
                o.consultantUserId() == null
                        ? List.of(o.coordinatorUserId())
                        : List.of(o.coordinatorUserId(), o.consultantUserId()));
        Contact coordinator = contacts.getOrDefault(o.coordinatorUserId(), NOBODY);
        Contact consultant =
                o.consultantUserId() == null ? NOBODY : contacts.getOrDefault(o.consultantUserId(), NOBODY);
        List<ParticipantView> participants = o.participants();
        List<ElectiveView> electives = o.electives();
        return new OrderView(
                id,
                o.packageSlug(),
                o.packageVersion(),
                catalog.title(o.packageSlug(), o.packageVersion()).orElse(o.packageSlug()),
                o.providerCode(),
                o.clusterId(),
                directory.clusterNames(List.of(o.clusterId())).getOrDefault(o.clusterId(), ""),
                o.coordinatorUserId(),
                coordinator.name(),
                coordinator.email(),
                o.meetingDate(),
                o.startTime(),
                o.venue(),
                o.firstContact(),
                o.callbackAt(),
                o.callbackNote(),
                o.callbackDoneAt(),
                o.status(),
                o.cancelReason(),
                o.orderedAt(),
                municipalities,
                participants,
                electives,
                o.followsOrderId(),
                o.coordinatorPhone(),
                consultant.name(),
                consultant.email(),
                o.municipalityContactedAt(),
                o.version(),
                programme(o.programme()));
    }

    static TaskView task(ResultSet rs, int row) throws SQLException {
        return new TaskView(
                rs.getLong("id"),
                rs.getLong("order_id"),
                Timeline.Step.valueOf(rs.getString("step")),
                Party.valueOf(rs.getString("owner")),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("done_at", OffsetDateTime.class),
                rs.getString("done_by"),
                rs.getString("title"));
    }
}
