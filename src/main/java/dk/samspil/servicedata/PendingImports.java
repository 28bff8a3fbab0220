package dk.samspil.servicedata;

import dk.samspil.servicedata.RegisterRows.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checked national files waiting for the consultant's confirmation. They are kept in the shared database rather than on
 * one instance's disk, so the answer may reach any instance behind the load balancer. A user has at most one: an upload
 * replaces the one before, and one left for a day is deleted at the next upload.
 */
@Component
class PendingImports {

    /** A file waiting for confirmation, without its content. */
    record Pending(UUID token, Kind kind, String fileName, int removedPractices) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    PendingImports(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Keeps the file (streamed into the database) for its user, replacing the user's earlier one. */
    UUID keep(String username, Kind kind, String fileName, int removedPractices, Path file) {
        UUID token = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM register_pending_import WHERE username = ? OR created_at < now() - interval '1 day'")
                    .param(username)
                    .update();
            try (InputStream content = Files.newInputStream(file)) {
                jdbc.sql("""
                                INSERT INTO register_pending_import
                                    (token, username, kind, file_name, removed_practices, content)
                                VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(
                                token,
                                username,
                                kind.name(),
                                fileName,
                                removedPractices,
                                new SqlBinaryValue(content, Files.size(file)))
                        .update();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return token;
    }

    /** The user's waiting file named by the token of the confirmation form, if it is still there. */
    Optional<Pending> find(String username, String token) {
        UUID id;
        try {
            id = UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT token, kind, file_name, removed_practices FROM register_pending_import
                        WHERE token = ? AND username = ? AND created_at >= now() - interval '1 day'""")
                .params(id, username)
                .query((rs, n) -> new Pending(
                        rs.getObject("token", UUID.class),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("file_name"),
                        rs.getInt("removed_practices")))
                .optional();
    }

    /** Runs the work on a temporary copy of the waiting file, deleted afterwards. */
    <T> T withFile(Pending pending, Function<Path, T> work) {
        Path temp = null;
        try {
            temp = Files.createTempFile("samspil-import-", ".upload");
            Path target = temp;
            transaction.executeWithoutResult(status -> jdbc.sql(
                            "SELECT content FROM register_pending_import WHERE token = ?")
                    .param(pending.token())
                    .query(rs -> {
                        try (InputStream content = rs.getBinaryStream(1)) {
                            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
            return work.apply(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // a temporary file; the system's cleaning of the temporary folder takes it
                }
            }
        }
    }

    /** Other figures were imported meanwhile: the new number of practices the confirmation is asked for. */
    void ask(Pending pending, int removedPractices) {
        jdbc.sql("UPDATE register_pending_import SET removed_practices = ? WHERE token = ?")
                .params(removedPractices, pending.token())
                .update();
    }

    void discard(Pending pending) {
        jdbc.sql("DELETE FROM register_pending_import WHERE token = ?")
                .param(pending.token())
                .update();
    }
}
