package dk.samspil.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A package's materials: files (the package PDF, an example deck) and links (a podcast, the FMK/LMK videos), shown on
 * the package page and named in the materials mail. They belong to the package, not to one of its versions.
 */
@Service
public class PackageAttachments {

    /** The largest file taken: a package PDF or an example deck. */
    static final long MAX_FILE = 20L * 1024 * 1024;

    /** A file or a link; {@code size} is 0 for a link. */
    public record Attachment(
            long id, String slug, String title, String url, String fileName, String contentType, long size) {

        public boolean link() {
            return url != null;
        }
    }

    /** An attachment's file. */
    record File(String fileName, String contentType, byte[] content) {}

    private final JdbcClient jdbc;

    PackageAttachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The package's materials, in the order they were added. */
    public List<Attachment> of(String slug) {
        return jdbc.sql("""
                        SELECT id, slug, title, url, file_name, content_type, coalesce(length(content), 0)
                        FROM catalog_package_attachment WHERE slug = ? ORDER BY id""")
                .param(slug)
                .query((rs, n) -> new Attachment(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7)))
                .list();
    }

    Optional<File> file(String slug, long id) {
        return jdbc.sql("""
                        SELECT file_name, content_type, content FROM catalog_package_attachment
                        WHERE id = ? AND slug = ? AND content IS NOT NULL""")
                .params(id, slug)
                .query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    long addLink(String slug, String title, String url, String by) {
        return jdbc.sql("""
                        INSERT INTO catalog_package_attachment (slug, title, url, added_by)
                        VALUES (?, ?, ?, ?) RETURNING id""").params(slug, title, url, by).query(Long.class).single();
    }

    long addFile(String slug, String title, String fileName, String contentType, byte[] content, String by) {
        return jdbc.sql("""
                        INSERT INTO catalog_package_attachment (slug, title, file_name, content_type, content, added_by)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(slug, title, fileName, contentType, content, by)
                .query(Long.class)
                .single();
    }

    boolean remove(String slug, long id) {
        return jdbc.sql("DELETE FROM catalog_package_attachment WHERE id = ? AND slug = ?")
                        .params(id, slug)
                        .update()
                == 1;
    }

    /**
     * The kind of file by its first bytes, never by the name the browser sent: PDF, or an Office file (a zip whose
     * name ends in .pptx, .docx or .xlsx); null for anything else.
     */
    static String contentType(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (startsWith(content, "%PDF-")) {
            return name.endsWith(".pdf") ? "application/pdf" : null;
        }
        if (content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            if (name.endsWith(".pptx")) {
                return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            }
            if (name.endsWith(".docx")) {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }
            if (name.endsWith(".xlsx")) {
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] content, String magic) {
        if (content.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (content[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
