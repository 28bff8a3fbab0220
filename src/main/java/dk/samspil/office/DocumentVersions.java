package dk.samspil.office;

import dk.samspil.platform.Tokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The versions of one kind of document generated in the background for its owner (an order's meeting deck, a
 * meeting's referat): each request is a new numbered version under an unguessable token, PENDING until the job
 * stores the file and its PDF (READY) or gives up (FAILED), then possibly sent. One table for every kind
 * ({@code document_version}, by kind and owner); every statement keeps to its kind.
 */
public final class DocumentVersions {

    private static final Logger log = LoggerFactory.getLogger(DocumentVersions.class);

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

    /** The latest version of an owner as a list shows it: its number and status, and when one was last sent. */
    public record Latest(int version, Status status, OffsetDateTime lastSent) {}

    private static final String SELECT = """
            SELECT id, owner_id, version, token, status, slides, pdf IS NOT NULL AS has_pdf, failure, requested_by,
                   requested_at, ready_at, sent_by, sent_at
            FROM document_version WHERE kind = ?""";

    private final JdbcClient jdbc;
    private final String kind;

    /** @param kind the kind of document, e.g. {@code DECK}: upper case letters and underscores */
    public DocumentVersions(JdbcClient jdbc, String kind) {
        if (!kind.matches("[A-Z_]{2,40}")) {
            throw new IllegalArgumentException("Document kind: " + kind);
        }
        this.jdbc = jdbc;
        this.kind = kind;
    }

    /** A new PENDING version (the owner's next number); committed by the caller before the job is told. */
    public long add(long ownerId, String by) {
        return jdbc.sql("""
                        INSERT INTO document_version (kind, owner_id, version, token, status, requested_by)
                        SELECT ?, ?, coalesce(max(version), 0) + 1, ?, 'PENDING', ? FROM document_version
                        WHERE kind = ? AND owner_id = ?
                        RETURNING id""")
                .params(kind, ownerId, Tokens.newToken(), by, kind, ownerId)
                .query(Long.class)
                .single();
    }

    /** The latest version of each owner that has one. */
    public Map<Long, Latest> latest(Collection<Long> ownerIds) {
        Map<Long, Latest> latest = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return latest;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (owner_id) owner_id, status, version,
                               max(sent_at) OVER (PARTITION BY owner_id) AS last_sent
                        FROM document_version WHERE kind = ? AND owner_id = ANY (?) ORDER BY owner_id, version DESC""")
                .params(kind, ownerIds.toArray(Long[]::new))
                .query((rs, n) -> latest.put(
                        rs.getLong(1),
                        new Latest(
                                rs.getInt(3), Status.valueOf(rs.getString(2)), rs.getObject(4, OffsetDateTime.class))))
                .list();
        return latest;
    }

    /**
     * The ids of all versions still pending, for the owner to ask for them again at start: a version whose job was
     * never told (the application stopped between the two) is then made too.
     */
    public List<Long> pending() {
        return jdbc.sql("SELECT id FROM document_version WHERE kind = ? AND status = 'PENDING' ORDER BY id")
                .param(kind)
                .query(Long.class)
                .list();
    }

    public List<Version> versions(long ownerId) {
        return jdbc.sql(SELECT + " AND owner_id = ? ORDER BY version DESC")
                .params(kind, ownerId)
                .query(DocumentVersions::version)
                .list();
    }

    public Optional<Version> find(long id) {
        return jdbc.sql(SELECT + " AND id = ?")
                .params(kind, id)
                .query(DocumentVersions::version)
                .optional();
    }

    /** The owner's version with this token, if there is one. */
    public Optional<Version> find(long ownerId, String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " AND owner_id = ? AND token = ?")
                .params(kind, ownerId, token)
                .query(DocumentVersions::version)
                .optional();
    }

    /** The generated file of a ready version. */
    public Optional<byte[]> document(Version version) {
        return file(version, "file");
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
                    "{} version {} of owner {} could not be made",
                    kind,
                    id,
                    version.get().ownerId(),
                    e);
            failed(id, e);
        }
    }

    /** Stores the file and its PDF (null: none could be made) of a pending version. */
    public void ready(long id, byte[] file, byte[] pdf, Integer slides) {
        jdbc.sql("""
                        UPDATE document_version SET status = 'READY', file = ?, pdf = ?, ready_at = now(),
                            slides = coalesce(CAST(? AS INT), slides)
                        WHERE kind = ? AND id = ? AND status = 'PENDING'""").params(file, pdf, slides, kind, id).update();
    }

    public void failed(long id, Exception cause) {
        jdbc.sql("UPDATE document_version SET status = 'FAILED', failure = ? WHERE kind = ? AND id = ?")
                .params(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), kind, id)
                .update();
    }

    public void sent(long id, String by) {
        jdbc.sql("UPDATE document_version SET sent_by = ?, sent_at = now() WHERE kind = ? AND id = ?")
                .params(by, kind, id)
                .update();
    }

    private Optional<byte[]> file(Version version, String column) {
        return jdbc.sql("SELECT " + column + " FROM document_version WHERE kind = ? AND id = ? AND " + column
                        + " IS NOT NULL")
                .params(kind, version.id())
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
