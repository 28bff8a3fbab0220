package dk.samspil.ordering;

import dk.samspil.ordering.OrderViews.ElectiveView;
import dk.samspil.ordering.OrderViews.MunicipalityRef;
import dk.samspil.ordering.OrderViews.OrderLine;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.ParticipantView;
import dk.samspil.ordering.OrderViews.TaskView;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Orders as they are read: one order, the orders a user may see, the timeline's tasks, and who may see what. */
@Service
public class Orders {

    private static final String ORDER_SELECT = """
            SELECT o.*, p.title AS package_title, c.name AS cluster_name, u.display_name AS coordinator_name,
                   u.email AS coordinator_email, k.display_name AS consultant_name, k.email AS consultant_email
            FROM package_order o JOIN catalog_package p ON p.slug = o.package_slug
                 JOIN cluster c ON c.id = o.cluster_id JOIN app_user u ON u.id = o.coordinator_user_id
                 LEFT JOIN app_user k ON k.id = o.consultant_user_id
            """;

    private static final String LINE_SELECT = """
            SELECT o.id, p.title, c.name AS cluster_name, o.cluster_id, o.meeting_date, o.status, o.callback_at,
                   (SELECT string_agg(m.name, ', ' ORDER BY m.name) FROM order_municipality om
                      JOIN municipality m ON m.code = om.municipality_code WHERE om.order_id = o.id) AS municipality_names,
                   (SELECT array_agg(m.code ORDER BY m.name) FROM order_municipality om
                      JOIN municipality m ON m.code = om.municipality_code WHERE om.order_id = o.id) AS municipality_codes,
                   (SELECT array_agg(m.name ORDER BY m.name) FROM order_municipality om
                      JOIN municipality m ON m.code = om.municipality_code WHERE om.order_id = o.id) AS municipality_name_list,
                   (SELECT count(*) FROM order_task t WHERE t.order_id = o.id AND t.done_at IS NULL
                      AND t.due_date < ?) AS overdue
            FROM package_order o JOIN catalog_package p ON p.slug = o.package_slug JOIN cluster c ON c.id = o.cluster_id
            """;

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrderView> find(long id) {
        // The row first, its lists after: a query inside a row mapper would hold two pooled connections at once,
        // and under load every request would wait for a second connection that never comes.
        Optional<OrderRow> row = jdbc.sql(ORDER_SELECT + " WHERE o.id = ?")
                .param(id)
                .query(Orders::row)
                .optional();
        return row.map(this::order);
    }

    /**
     * The e-mail addresses of one side of an order: the cluster's coordinator, the order's municipal participants, or
     * the provider's consultants — who is reminded of a task or an agreement that side owns.
     */
    public List<String> emailsOf(OrderView order, Party party) {
        return switch (party) {
            case CLUSTER -> order.coordinatorEmail() == null ? List.of() : List.of(order.coordinatorEmail());
            case PROVIDER ->
                jdbc.sql("""
                            SELECT email FROM app_user WHERE role = 'CONSULTANT' AND provider_code = ? AND enabled
                              AND deactivated_at IS NULL AND email IS NOT NULL ORDER BY email""").param(order.providerCode()).query(String.class).list();
            case MUNICIPALITY ->
                order.participants().stream()
                        .map(ParticipantView::email)
                        .distinct()
                        .toList();
        };
    }

    /** Everyone of the meeting by e-mail: the cluster's coordinator and the order's municipal participants. */
    public List<String> meetingEmails(OrderView order) {
        return java.util.stream.Stream.concat(
                        emailsOf(order, Party.CLUSTER).stream(), emailsOf(order, Party.MUNICIPALITY).stream())
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

    /** The columns of one order, read before its municipalities, participants and topics. */
    private record OrderRow(
            long id,
            String packageSlug,
            String packageTitle,
            String providerCode,
            long clusterId,
            String clusterName,
            long coordinatorUserId,
            String coordinatorName,
            String coordinatorEmail,
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
            String consultantName,
            String consultantEmail,
            OffsetDateTime municipalityContactedAt) {}

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
                scope = java.util.Arrays.asList(user.municipalityCode(), user.id());
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
        return jdbc.sql(LINE_SELECT + " WHERE " + where + " ORDER BY o.meeting_date, o.id")
                .params(params)
                .query((rs, n) -> new OrderLine(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("cluster_name"),
                        rs.getString("municipality_names"),
                        rs.getObject("meeting_date", LocalDate.class),
                        OrderStatus.valueOf(rs.getString("status")),
                        rs.getObject("callback_at", OffsetDateTime.class),
                        rs.getInt("overdue"),
                        rs.getLong("cluster_id"),
                        municipalities(rs)))
                .list();
    }

    private static List<Object> nonNull(Object scope) {
        return scope == null ? List.of() : List.of(scope);
    }

    private static List<MunicipalityRef> municipalities(ResultSet rs) throws SQLException {
        Array codes = rs.getArray("municipality_codes");
        Array names = rs.getArray("municipality_name_list");
        if (codes == null || names == null) {
            return List.of();
        }
        String[] c = (String[]) codes.getArray();
        String[] n = (String[]) names.getArray();
        List<MunicipalityRef> refs = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            refs.add(new MunicipalityRef(c[i], n[i]));
        }
        return List.copyOf(refs);
    }

    public List<TaskView> tasks(long orderId) {
        return jdbc.sql("SELECT * FROM order_task WHERE order_id = ? ORDER BY due_date, id")
                .param(orderId)
                .query(Orders::task)
                .list();
    }

    /** The tasks not yet done of these orders, soonest due first: the start pages' "next step". */
    public List<TaskView> openTasks(java.util.Collection<Long> orderIds) {
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
                rs.getString("package_title"),
                rs.getString("provider_code"),
                rs.getLong("cluster_id"),
                rs.getString("cluster_name"),
                rs.getLong("coordinator_user_id"),
                rs.getString("coordinator_name"),
                rs.getString("coordinator_email"),
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
                rs.getString("consultant_name"),
                rs.getString("consultant_email"),
                rs.getObject("municipality_contacted_at", OffsetDateTime.class));
    }

    private OrderView order(OrderRow o) {
        long id = o.id();
        List<MunicipalityRef> municipalities = jdbc.sql("""
                        SELECT m.code, m.name FROM order_municipality om JOIN municipality m ON m.code = om.municipality_code
                        WHERE om.order_id = ? ORDER BY m.name""")
                .param(id)
                .query((r, n) -> new MunicipalityRef(r.getString(1), r.getString(2)))
                .list();
        List<ParticipantView> participants = jdbc.sql("""
                        SELECT id, name, email, role, municipality_code, invited_at, user_id FROM order_participant
                        WHERE order_id = ? ORDER BY id""")
                .param(id)
                .query((r, n) -> new ParticipantView(
                        r.getLong(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getObject(6, OffsetDateTime.class),
                        r.getObject(7, Long.class)))
                .list();
        List<ElectiveView> electives = jdbc.sql(
                        "SELECT topic_key, free_text FROM order_elective_topic WHERE order_id = ?")
                .param(id)
                .query((r, n) -> new ElectiveView(r.getString(1), r.getString(2)))
                .list();
        return new OrderView(
                id,
                o.packageSlug(),
                o.packageTitle(),
                o.providerCode(),
                o.clusterId(),
                o.clusterName(),
                o.coordinatorUserId(),
                o.coordinatorName(),
                o.coordinatorEmail(),
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
                o.consultantName(),
                o.consultantEmail(),
                o.municipalityContactedAt());
    }

    static TaskView task(ResultSet rs, int row) throws SQLException {
        return new TaskView(
                rs.getLong("id"),
                rs.getLong("order_id"),
                Timeline.Step.valueOf(rs.getString("step")),
                Party.valueOf(rs.getString("owner")),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("done_at", OffsetDateTime.class),
                rs.getString("done_by"));
    }
}
