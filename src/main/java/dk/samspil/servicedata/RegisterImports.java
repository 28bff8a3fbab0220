package dk.samspil.servicedata;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The national register files imported so far, newest first: what the administrator's start page lists. */
@Service
public class RegisterImports {

    /** One stored import: SERVICES or PRACTICES, its file, rows, months and what it changed. */
    public record Stored(
            String kind,
            String fileName,
            int rows,
            String periods,
            int added,
            int changed,
            int removed,
            String importedBy,
            OffsetDateTime importedAt) {}

    private final JdbcClient jdbc;

    RegisterImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Stored> newest(int limit) {
        return jdbc.sql("""
                        SELECT kind, file_name, rows, periods, added, changed, removed, imported_by, imported_at
                        FROM register_import ORDER BY imported_at DESC, id DESC LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class)))
                .list();
    }
}
