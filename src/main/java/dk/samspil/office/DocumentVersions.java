package dk.samspil.office;

import dk.samspil.platform.Tokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The versions of a document generated in the background for its owner (an order's meeting deck, a meeting's
 * referat): each request is a new numbered version under an unguessable token, PENDING until the job stores the file
 * and its PDF (READY) or gives up (FAILED), then possibly sent. One implementation over each owner's table, which has
 * the columns {@code id, <owner>, version, token, status, <document>, pdf, failure, requested_by, requested_at,
 * ready_at, sent_by, sent_at} (and optionally {@code slides}).
 */
public final class DocumentVersions {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DocumentVersions.class);

    public enum Status {
        PENDING,
        READY,
        FAILED
    }

    /**
     * @param slides how many slides a deck has (null for other documents)
     * @param hasPdf false when no PDF could be made here
     */
    public record Version(
            long id,
            long ownerId,
            int version,
            String token,
            Status status,
            Integer slides,
            boolean hasPdf,
            String failure,
            String requestedBy,
            OffsetDateTime requestedAt,
            OffsetDateTime readyAt,
            String sentBy,
            OffsetDateTime sentAt) {

        public boolean pending() {
            return status == Status.PENDING;
        }

        public boolean ready() {
            return status == Status.READY;
        }
    }

    private final JdbcClient jdbc;
    private final String table;
    private final String owner;
    private final String document;
    private final String select;

    /**
     * @param table the versions' table
     * @param owner the column of the owner's id
     * @param document the column of the generated file
     * @param withSlides whether the table has a {@code slides} column
     */
    public DocumentVersions(JdbcClient jdbc, String table, String owner, String document, boolean withSlides) {
        this.jdbc = jdbc;
        this.table = table;
        this.owner = owner;
        this.document = document;
        this.select = """
                SELECT id, %s AS owner_id, version, token, status, %s AS slides, pdf IS NOT NULL AS has_pdf, failure,
                       requested_by, requested_at, ready_at, sent_by, sent_at
                FROM %s""".formatted(owner, withSlides ? "slides" : "NULL::int", table);
    }

    /** A new PENDING version (the owner's next number); committed by the caller before the job is told. */
    public long add(long ownerId, String by) {
        return jdbc.sql("""
                        INSERT INTO %1$s (%2$s, version, token, status, requested_by)
                        SELECT ?, coalesce(max(version), 0) + 1, ?, 'PENDING', ? FROM %1$s WHERE %2$s = ?
                        RETURNING id""".formatted(table, owner))
                .params(ownerId, Tokens.newToken(), by, ownerId)
                .query(Long.class)
                .single();
    }

    /**
     * The ids of all versions still pending, for the owner to ask for them again at start: a version whose job was
     * never told (the application stopped between the two) is then made too.
     */
    public List<Long> pending() {
        return jdbc.sql("SELECT id FROM " + table + " WHERE status = 'PENDING' ORDER BY id")
                .query(Long.class)
                .list();
    }

    public List<Version> versions(long ownerId) {
        return jdbc.sql(select + " WHERE " + owner + " = ? ORDER BY version DESC")
                .param(ownerId)
                .query(DocumentVersions::version)
                .list();
    }

    public Optional<Version> find(long id) {
        return jdbc.sql(select + " WHERE id = ?")
                .param(id)
                .query(DocumentVersions::version)
                .optional();
    }

    /** The owner's version with this token, if there is one. */
    public Optional<Version> find(long ownerId, String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql(select + " WHERE " + owner + " = ? AND token = ?")
                .params(ownerId, token)
                .query(DocumentVersions::version)
                .optional();
    }

    /** The generated file of a ready version. */
    public Optional<byte[]> document(Version version) {
        return file(version, document);
    }

    public Optional<byte[]> pdf(Version version) {
        return file(version, "pdf");
    }

    /** A version's files as made: the document, its PDF (null: none could be made), and its slides (null: not a deck). */
    public record Made(byte[] file, byte[] pdf, Integer slides) {}

    /** Makes the files of a version for its owner. */
    public interface Maker {
        /** Empty when the owner is gone: the version stays as it is. */
        Optional<Made> make(long ownerId) throws Exception;
    }

    /**
     * Makes a pending version's files and stores them (called by the background task); a version no longer pending
     * is left alone, and one that cannot be made is marked failed with the reason, logged.
     */
    public void make(long id, Maker maker) {
        Optional<Version> version = find(id).filter(Version::pending);
        if (version.isEmpty()) {
            return;
        }
        try {
            maker.make(version.get().ownerId()).ifPresent(made -> ready(id, made.file(), made.pdf(), made.slides()));
        } catch (Exception e) {
            log.error(
                    "{} version {} of {} {} could not be made",
                    table,
                    id,
                    owner,
                    version.get().ownerId(),
                    e);
            failed(id, e);
        }
    }

    /** Stores the file and its PDF (null: none could be made) of a pending version. */
    public void ready(long id, byte[] file, byte[] pdf, Integer slides) {
        jdbc.sql(
                        "UPDATE %s SET status = 'READY', %s = ?, pdf = ?, ready_at = now()%s WHERE id = ? AND status = 'PENDING'"
                                .formatted(table, document, slides == null ? "" : ", slides = " + slides.intValue()))
                .params(file, pdf, id)
                .update();
    }

    public void failed(long id, Exception cause) {
        jdbc.sql("UPDATE " + table + " SET status = 'FAILED', failure = ? WHERE id = ?")
                .params(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), id)
                .update();
    }

    public void sent(long id, String by) {
        jdbc.sql("UPDATE " + table + " SET sent_by = ?, sent_at = now() WHERE id = ?")
                .params(by, id)
                .update();
    }

    private Optional<byte[]> file(Version version, String column) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id = ? AND " + column + " IS NOT NULL")
                .param(version.id())
                .query(byte[].class)
                .optional();
    }

    private static Version version(ResultSet rs, int n) throws SQLException {
        return new Version(
                rs.getLong("id"),
                rs.getLong("owner_id"),
                rs.getInt("version"),
                rs.getString("token"),
                Status.valueOf(rs.getString("status")),
                (Integer) rs.getObject("slides"),
                rs.getBoolean("has_pdf"),
                rs.getString("failure"),
                rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class),
                rs.getObject("ready_at", OffsetDateTime.class),
                rs.getString("sent_by"),
                rs.getObject("sent_at", OffsetDateTime.class));
    }
}
