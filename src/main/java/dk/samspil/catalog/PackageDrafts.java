package dk.samspil.catalog;

import dk.samspil.catalog.PackageDefinition.PackageStatus;
import dk.samspil.platform.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider's work on its packages: an edit is a draft (one per package, saved by version so two editors cannot
 * overwrite each other); publishing the draft makes the package's next version, which the catalogue shows and new
 * orders are placed with, while orders placed before keep theirs. A new package starts as a copy of another.
 */
@Service
class PackageDrafts {

    /** A draft as saved: its definition, its version for the next save, who saved it last and when. */
    record Draft(
            long id,
            String slug,
            String providerCode,
            Integer baseVersion,
            PackageDefinition definition,
            int version,
            String updatedBy,
            OffsetDateTime updatedAt) {}

    /** A package of the provider, as its list shows it. */
    record PackageLine(String slug, String title, PackageStatus status, int version, Long draftId) {}

    /** A published version of a package. */
    record VersionLine(int version, OffsetDateTime publishedAt, String publishedBy) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PackageDrafts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The provider's packages (every provider's for null), with their drafts, and drafts of new packages. */
    List<PackageLine> packagesOf(String providerCode) {
        return jdbc.sql("""
                        SELECT coalesce(p.slug, d.slug) AS slug, coalesce(d.definition ->> 'title', p.title) AS title,
                               coalesce(p.status, d.definition ->> 'status') AS status, coalesce(p.version, 0) AS version,
                               d.id AS draft_id
                        FROM catalog_package p FULL JOIN catalog_package_draft d ON d.slug = p.slug
                        WHERE CAST(? AS TEXT) IS NULL OR coalesce(p.provider_code, d.provider_code) = ?
                        ORDER BY title, slug""")
                .params(providerCode, providerCode)
                .query((rs, n) -> new PackageLine(
                        rs.getString("slug"),
                        rs.getString("title"),
                        PackageStatus.valueOf(rs.getString("status")),
                        rs.getInt("version"),
                        rs.getObject("draft_id", Long.class)))
                .list();
    }

    Optional<Draft> draft(long id) {
        return jdbc.sql("""
                        SELECT id, slug, provider_code, base_version, definition, version, updated_by, updated_at
                        FROM catalog_package_draft WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new Draft(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("provider_code"),
                        rs.getObject("base_version", Integer.class),
                        json.readValue(rs.getString("definition"), PackageDefinition.class),
                        rs.getInt("version"),
                        rs.getString("updated_by"),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    /** The package's draft: the one being worked on, or a new one from its newest version. */
    @Transactional
    long edit(String slug, PackageDefinition current, int currentVersion, String by) {
        return jdbc.sql("""
                        INSERT INTO catalog_package_draft (slug, provider_code, base_version, definition, updated_by)
                        VALUES (?, ?, ?, CAST(? AS jsonb), ?)
                        ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id""")
                .params(slug, current.provider(), currentVersion, json.writeValueAsString(current), by)
                .query(Long.class)
                .single();
    }

    /** A new package as a copy of another: its own address and title, in preparation, the provider's. */
    @Transactional
    long copy(PackageDefinition source, String slug, String title, String providerCode, String by) {
        if (slugTaken(slug)) {
            throw new RuleViolation("editor.copy.slugTaken");
        }
        ObjectNode tree = json.valueToTree(source);
        tree.put("slug", slug);
        tree.put("title", title);
        tree.put("provider", providerCode);
        tree.put("status", PackageStatus.IN_PREPARATION.name());
        PackageDefinition copy = json.treeToValue(tree, PackageDefinition.class);
        return jdbc.sql("""
                        INSERT INTO catalog_package_draft (slug, provider_code, definition, updated_by)
                        VALUES (?, ?, CAST(? AS jsonb), ?) RETURNING id""")
                .params(slug, providerCode, json.writeValueAsString(copy), by)
                .query(Long.class)
                .single();
    }

    /** A draft from a package file: of the provider's package by its slug, or of a new package. */
    @Transactional
    long imported(PackageDefinition definition, Integer baseVersion, String by) {
        return jdbc.sql("""
                        INSERT INTO catalog_package_draft (slug, provider_code, base_version, definition, updated_by)
                        VALUES (?, ?, ?, CAST(? AS jsonb), ?) RETURNING id""")
                .params(definition.slug(), definition.provider(), baseVersion, json.writeValueAsString(definition), by)
                .query(Long.class)
                .single();
    }

    /** The draft of the package with this slug, if one is being worked on. */
    Optional<Long> draftOf(String slug) {
        return jdbc.sql("SELECT id FROM catalog_package_draft WHERE slug = ?")
                .param(slug)
                .query(Long.class)
                .optional();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM catalog_package WHERE slug = ?)
                            OR EXISTS (SELECT 1 FROM catalog_package_draft WHERE slug = ?)""").params(slug, slug).query(Boolean.class).single();
    }

    /** Saves the draft if nobody saved it since {@code expectedVersion}; false if somebody did. */
    @Transactional
    boolean save(long id, int expectedVersion, PackageDefinition definition, String by) {
        return jdbc.sql("""
                                UPDATE catalog_package_draft
                                SET definition = CAST(? AS jsonb), version = version + 1, updated_by = ?, updated_at = now()
                                WHERE id = ? AND version = ?""")
                        .params(json.writeValueAsString(definition), by, id, expectedVersion)
                        .update()
                == 1;
    }

    /**
     * Publishes the draft as the package's next version (the first, for a new package), if nobody saved it since
     * {@code expectedVersion}; the draft is then gone. Returns the version published, empty if the draft changed.
     */
    @Transactional
    Optional<Integer> publish(long id, int expectedVersion, String by) {
        Optional<Draft> found = draft(id).filter(d -> d.version() == expectedVersion);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PackageDefinition p = found.get().definition();
        CatalogLoader.validate(p.slug(), p);
        String definition = json.writeValueAsString(p);
        int version = jdbc.sql("""
                        INSERT INTO catalog_package
                            (slug, title, provider_code, status, definition, content_hash, edited_at)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, now())
                        ON CONFLICT (slug) DO UPDATE
                           SET title = EXCLUDED.title, status = EXCLUDED.status, definition = EXCLUDED.definition,
                               content_hash = EXCLUDED.content_hash, version = catalog_package.version + 1,
                               updated_at = now(), edited_at = now()
                        RETURNING version""")
                .params(
                        p.slug(),
                        p.title(),
                        p.provider(),
                        p.status().name(),
                        definition,
                        CatalogLoader.sha256(definition.getBytes(StandardCharsets.UTF_8)))
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        INSERT INTO catalog_package_version (slug, version, definition, published_by)
                        VALUES (?, ?, CAST(? AS jsonb), ?)""").params(p.slug(), version, definition, by).update();
        jdbc.sql("DELETE FROM catalog_package_draft WHERE id = ?").param(id).update();
        return Optional.of(version);
    }

    @Transactional
    void discard(long id) {
        jdbc.sql("DELETE FROM catalog_package_draft WHERE id = ?").param(id).update();
    }

    List<VersionLine> versions(String slug) {
        return jdbc.sql("""
                        SELECT version, published_at, published_by FROM catalog_package_version
                        WHERE slug = ? ORDER BY version DESC""")
                .param(slug)
                .query((rs, n) -> new VersionLine(rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)))
                .list();
    }

    /** The provider of a package or of a new package's draft. */
    Optional<String> providerOf(String slug) {
        return jdbc.sql("""
                        SELECT provider_code FROM catalog_package WHERE slug = ?
                        UNION ALL SELECT provider_code FROM catalog_package_draft WHERE slug = ? LIMIT 1""").params(slug, slug).query(String.class).optional();
    }
}
