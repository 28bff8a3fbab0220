package dk.samspil.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The package catalogue as stored in the database. */
@Service
public class Catalog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Catalog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Offered packages first, then those in preparation; alphabetical within each. */
    public List<PackageSummary> all() {
        return jdbc.sql("""
                        SELECT p.slug, p.title, v.name AS provider_name, p.status, p.definition ->> 'summary' AS summary,
                               p.version
                        FROM catalog_package p JOIN provider v ON v.code = p.provider_code
                        ORDER BY p.status = 'IN_PREPARATION', p.title""")
                .query((rs, n) -> new PackageSummary(
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("provider_name"),
                        PackageDefinition.PackageStatus.valueOf(rs.getString("status")),
                        rs.getString("summary"),
                        rs.getInt("version")))
                .list();
    }

    public Optional<PackageDefinition> find(String slug) {
        return jdbc.sql("SELECT definition FROM catalog_package WHERE slug = ?")
                .param(slug)
                .query(String.class)
                .optional()
                .map(definition -> json.readValue(definition, PackageDefinition.class));
    }

    public Optional<String> providerName(String providerCode) {
        return jdbc.sql("SELECT name FROM provider WHERE code = ?")
                .param(providerCode)
                .query(String.class)
                .optional();
    }
}
