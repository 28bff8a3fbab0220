package dk.samspil.security;

import dk.samspil.platform.DanishFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the audit log for the administrator: filtered by who, what, organisation and date, newest first. */
@Service
class AuditTrail {

    static final int PAGE_SIZE = 50;
    /** The most rows one export holds. */
    static final int EXPORT_LIMIT = 100_000;

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(
            long id,
            OffsetDateTime at,
            String username,
            String action,
            String target,
            String organisation,
            String remoteAddress) {}

    record Page(List<Entry> entries, long total, int page, int pages) {}

    /** The filter; every part optional. {@code organisation} is an organisation value ({@code P:KIAP}, {@code C:12}). */
    record Filter(String who, String action, String organisation, LocalDate from, LocalDate to) {}

    Page page(Filter filter, int page) {
        Where where = where(filter);
        long total = jdbc.sql("SELECT count(*) FROM audit_log" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        return new Page(entries(where, PAGE_SIZE, (current - 1) * PAGE_SIZE), total, current, pages);
    }

    List<Entry> export(Filter filter) {
        return entries(where(filter), EXPORT_LIMIT, 0);
    }

    /** The actions the log holds, for the filter's list. */
    List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_log ORDER BY action")
                .query(String.class)
                .list();
    }

    private List<Entry> entries(Where where, int limit, int offset) {
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("""
                        SELECT id, occurred_at, username, action, target, organisation, remote_address FROM audit_log""" + where.sql() + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    private record Where(String sql, List<Object> params) {}

    private static Where where(Filter filter) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.who() != null && !filter.who().isBlank()) {
            parts.add("username = ?");
            params.add(filter.who().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            parts.add("action = ?");
            params.add(filter.action());
        }
        if (filter.organisation() != null && !filter.organisation().isBlank()) {
            // who acted belongs to it, or what was done names it (an invitation to it, a role in it)
            parts.add("(organisation = ? OR ' ' || target || ' ' LIKE '% ' || ? || ' %')");
            params.add(filter.organisation());
            params.add(filter.organisation().replace("%", "").replace("_", "\\_"));
        }
        if (filter.from() != null) {
            parts.add("occurred_at >= ?");
            params.add(filter.from().atStartOfDay(DanishFormat.COPENHAGEN).toOffsetDateTime());
        }
        if (filter.to() != null) {
            parts.add("occurred_at < ?");
            params.add(filter.to()
                    .plusDays(1)
                    .atStartOfDay(DanishFormat.COPENHAGEN)
                    .toOffsetDateTime());
        }
        return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), params);
    }
}
