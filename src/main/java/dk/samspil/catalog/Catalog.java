package dk.samspil.catalog;

import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.ProviderContact;
import dk.samspil.directory.Views.ProviderView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The package catalogue as stored in the database. */
@Service
public class Catalog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Directory directory;
    /** The versions read so far: immutable once stored, and few (a package gets a handful a year). */
    private final Map<PackageVersion, PackageDefinition> versions = new ConcurrentHashMap<>();

    Catalog(JdbcClient jdbc, JsonMapper json, Directory directory) {
        this.jdbc = jdbc;
        this.json = json;
        this.directory = directory;
    }

    /**
     * The package as it was in this version: what an order placed with that version reads. A version once stored is
     * never changed (a change is a new version), so it is read and parsed once per instance and kept; a version not
     * (yet) stored is looked for again next time.
     */
    public Optional<PackageDefinition> find(String slug, int version) {
        PackageVersion key = new PackageVersion(slug, version);
        PackageDefinition known = versions.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PackageDefinition> found = jdbc.sql(
                        "SELECT definition FROM catalog_package_version WHERE slug = ? AND version = ?")
                .params(slug, version)
                .query(String.class)
                .optional()
                .map(definition -> json.readValue(definition, PackageDefinition.class));
        found.ifPresent(definition -> versions.put(key, definition));
        return found;
    }

    /** The package's newest version, which the catalogue shows and a new order is placed with. */
    public Optional<Integer> currentVersion(String slug) {
        return jdbc.sql("SELECT version FROM catalog_package WHERE slug = ?")
                .param(slug)
                .query(Integer.class)
                .optional();
    }

    /** A package in one of its versions. */
    public record PackageVersion(String slug, int version) {}

    /**
     * The title of every version of every package: the versions' keys read (not their definitions, which
     * {@code definition ->> 'title'} would unpack row by row for every list page), the titles from the versions kept.
     */
    public Map<PackageVersion, String> titles() {
        Map<PackageVersion, String> titles = new HashMap<>();
        jdbc.sql("SELECT slug, version FROM catalog_package_version")
                .query((rs, n) -> new PackageVersion(rs.getString(1), rs.getInt(2)))
                .list()
                .forEach(v -> find(v.slug(), v.version()).ifPresent(p -> titles.put(v, p.title())));
        return titles;
    }

    /** The title of this version of the package (from the version kept by {@link #find(String, int)}). */
    public Optional<String> title(String slug, int version) {
        return find(slug, version).map(PackageDefinition::title);
    }

    /** Offered packages first, then those in preparation; alphabetical within each; withdrawn ones not. */
    public List<PackageSummary> all() {
        Map<String, String> providers =
                directory.providers().stream().collect(Collectors.toMap(ProviderView::code, ProviderView::name));
        return jdbc.sql("""
                        SELECT p.slug, p.title, p.provider_code, p.status, p.definition ->> 'summary' AS summary,
                               p.version
                        FROM catalog_package p WHERE p.status <> 'WITHDRAWN'
                        ORDER BY p.status = 'IN_PREPARATION', p.title""")
                .query((rs, n) -> new PackageSummary(
                        rs.getString("slug"),
                        rs.getString("title"),
                        providers.getOrDefault(rs.getString("provider_code"), rs.getString("provider_code")),
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

    /**
     * Whether a cluster of the region may order the package: it is offered, and a regional provider's packages are
     * for its own region's clusters (a national provider's for every region's).
     */
    public boolean orderableIn(PackageDefinition pkg, String clusterRegionCode) {
        if (!pkg.orderable()) {
            return false;
        }
        String providerRegion = directory
                .providerContact(pkg.provider())
                .map(ProviderContact::regionCode)
                .orElse(null);
        return providerRegion == null || providerRegion.equals(clusterRegionCode);
    }
}
