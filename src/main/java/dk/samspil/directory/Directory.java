package dk.samspil.directory;

import dk.samspil.directory.Views.ClusterView;
import dk.samspil.directory.Views.GpRecipient;
import dk.samspil.directory.Views.HospitalUnitView;
import dk.samspil.directory.Views.MemberView;
import dk.samspil.directory.Views.MunicipalityView;
import dk.samspil.directory.Views.PracticeView;
import dk.samspil.directory.Views.ProviderContact;
import dk.samspil.directory.Views.ProviderView;
import dk.samspil.directory.Views.RegionView;
import dk.samspil.platform.RequestMemo;
import dk.samspil.security.SamspilPrincipal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to the registers. Callers check access; {@link #clustersVisibleTo} filters by the user. */
@Service
public class Directory {

    private static final String CLUSTER_SELECT = """
            SELECT c.id, c.name, c.region_code, r.name AS region_name, c.municipality_code, m.name AS municipality_name,
                   (SELECT count(*) FROM practice p WHERE p.cluster_id = c.id) AS practices,
                   (SELECT count(*) FROM member b WHERE b.cluster_id = c.id) AS members
            FROM cluster c JOIN region r ON r.code = c.region_code
                 LEFT JOIN municipality m ON m.code = c.municipality_code
            """;

    private final JdbcClient jdbc;

    /** Public for tools that run a module's code outside the application (the import benchmark). */
    public Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cluster (read once per page: several parts of a page ask). */
    public Optional<ClusterView> cluster(long id) {
        return RequestMemo.of(
                "directory.cluster",
                id,
                () -> jdbc.sql(CLUSTER_SELECT + " WHERE c.id = ?")
                        .param(id)
                        .query(Directory::cluster)
                        .optional());
    }

    public List<ClusterView> clustersVisibleTo(SamspilPrincipal user) {
        if (user.isAdmin()) {
            return jdbc.sql(CLUSTER_SELECT + " ORDER BY c.name")
                    .query(Directory::cluster)
                    .list();
        }
        if (user.clusterId() == null) {
            return List.of();
        }
        return jdbc.sql(CLUSTER_SELECT + " WHERE c.id = ? ORDER BY c.name")
                .param(user.clusterId())
                .query(Directory::cluster)
                .list();
    }

    /**
     * The cluster's practices that count: confirmed as the cluster's (a ydernummer that waits for the consultant has
     * no figures, letter or survey in the cluster yet).
     */
    public List<PracticeView> practices(long clusterId) {
        // Read once per page (the figures, the key and the trend each ask); each caller gets its own list.
        return new ArrayList<>(RequestMemo.of(
                "directory.practices",
                clusterId,
                () -> List.copyOf(jdbc.sql(PRACTICE_SELECT + " WHERE cluster_id = ? AND confirmed ORDER BY name")
                        .param(clusterId)
                        .query(Directory::practice)
                        .list())));
    }

    /** Every practice the cluster has registered, also those waiting for confirmation: for the cluster's own pages. */
    public List<PracticeView> registeredPractices(long clusterId) {
        return jdbc.sql(PRACTICE_SELECT + " WHERE cluster_id = ? ORDER BY name")
                .param(clusterId)
                .query(Directory::practice)
                .list();
    }

    public Optional<PracticeView> practice(long clusterId, long practiceId) {
        return jdbc.sql(PRACTICE_SELECT + " WHERE cluster_id = ? AND id = ?")
                .params(clusterId, practiceId)
                .query(Directory::practice)
                .optional();
    }

    private static final String PRACTICE_SELECT =
            "SELECT id, ydernummer, name, listed_patients, confirmed FROM practice";

    private static PracticeView practice(ResultSet rs, int row) throws SQLException {
        return new PracticeView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5));
    }

    public List<MemberView> members(long clusterId) {
        return jdbc.sql("""
                        SELECT b.id, b.name, b.email, b.practice_id, p.name
                        FROM member b LEFT JOIN practice p ON p.id = b.practice_id
                        WHERE b.cluster_id = ? ORDER BY b.name""")
                .param(clusterId)
                .query((rs, n) -> new MemberView(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class), rs.getString(5)))
                .list();
    }

    public Optional<MemberView> member(long clusterId, long memberId) {
        return members(clusterId).stream()
                .filter(member -> member.id() == memberId)
                .findFirst();
    }

    public List<MunicipalityView> municipalities() {
        return jdbc.sql("""
                        SELECT m.code, m.name, r.name FROM municipality m JOIN region r ON r.code = m.region_code
                        ORDER BY m.name""")
                .query((rs, n) -> new MunicipalityView(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The codes of every municipality. */
    public String[] municipalityCodes() {
        return jdbc.sql("SELECT code FROM municipality ORDER BY code")
                .query(String.class)
                .list()
                .toArray(String[]::new);
    }

    /** The codes of a region's municipalities, for other modules' queries over register rows by municipality. */
    public String[] municipalityCodesIn(String regionCode) {
        return jdbc.sql("SELECT code FROM municipality WHERE region_code = ? ORDER BY code")
                .param(regionCode)
                .query(String.class)
                .list()
                .toArray(String[]::new);
    }

    public List<RegionView> regions() {
        return jdbc.sql("SELECT code, name FROM region ORDER BY name")
                .query((rs, n) -> new RegionView(rs.getString(1), rs.getString(2)))
                .list();
    }

    public List<ProviderView> providers() {
        return jdbc.sql("""
                        SELECT v.code, v.name, r.name FROM provider v LEFT JOIN region r ON r.code = v.region_code
                        ORDER BY v.region_code NULLS FIRST, v.name""")
                .query((rs, n) -> new ProviderView(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** A provider's name and how to reach it. */
    public Optional<ProviderContact> providerContact(String code) {
        return jdbc.sql("SELECT code, name, region_code, email, phone, address FROM provider WHERE code = ?")
                .param(code)
                .query((rs, n) -> new ProviderContact(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .optional();
    }

    public List<HospitalUnitView> hospitalUnits() {
        return jdbc.sql("""
                        SELECT h.id, h.name, r.name FROM hospital_unit h JOIN region r ON r.code = h.region_code
                        ORDER BY r.name, h.name""")
                .query((rs, n) -> new HospitalUnitView(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The municipalities of a hospital unit's catchment area (optageområde), in name order; none for an unknown unit. */
    public List<MunicipalityView> catchment(long hospitalUnitId) {
        return jdbc.sql("""
                        SELECT m.code, m.name, r.name FROM hospital_unit_catchment c
                            JOIN municipality m ON m.code = c.municipality_code JOIN region r ON r.code = m.region_code
                        WHERE c.hospital_unit_id = ? ORDER BY m.name""")
                .param(hospitalUnitId)
                .query((rs, n) -> new MunicipalityView(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * The general practitioners and practice staff of these municipalities: the members of the municipalities'
     * clusters, one per address (case-insensitive), in name order.
     */
    public List<GpRecipient> gpRecipients(Collection<String> municipalityCodes) {
        if (municipalityCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT name, email, practice, municipality_code FROM (
                            SELECT DISTINCT ON (lower(b.email))
                                   b.name, b.email, p.name AS practice, c.municipality_code
                            FROM member b JOIN cluster c ON c.id = b.cluster_id
                                LEFT JOIN practice p ON p.id = b.practice_id
                            WHERE c.municipality_code = ANY (?)
                            ORDER BY lower(b.email), b.name) AS one_per_address
                        ORDER BY name, email""")
                .param(municipalityCodes.stream().distinct().toArray(String[]::new))
                .query((rs, n) -> new GpRecipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The names of these clusters: id → name. */
    public Map<Long, String> clusterNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, name FROM cluster WHERE id = ANY (?)")
                    .param(ids.stream().distinct().toArray(Long[]::new))
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    /** The names of these municipalities: code → name, in name order. */
    public Map<String, String> municipalityNames(Collection<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("SELECT code, name FROM municipality WHERE code = ANY (?) ORDER BY name")
                    .param(codes.stream().distinct().toArray(String[]::new))
                    .query(rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    });
        }
        return names;
    }

    /** The names of every municipality, hospital unit, cluster and provider, each kind in name order: one query. */
    public RegisterNames names() {
        LinkedHashMap<String, String> municipalities = new LinkedHashMap<>();
        LinkedHashMap<Long, RegisterNames.Unit> units = new LinkedHashMap<>();
        LinkedHashMap<Long, String> clusters = new LinkedHashMap<>();
        LinkedHashMap<String, String> providers = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT 'M' AS kind, code AS key, name, NULL AS region_code FROM municipality
                        UNION ALL SELECT 'H', CAST(id AS TEXT), name, region_code FROM hospital_unit
                        UNION ALL SELECT 'C', CAST(id AS TEXT), name, NULL FROM cluster
                        UNION ALL SELECT 'P', code, name, NULL FROM provider
                        ORDER BY kind, name, key""").query(rs -> {
            String key = rs.getString("key");
            String name = rs.getString("name");
            switch (rs.getString("kind")) {
                case "M" -> municipalities.put(key, name);
                case "H" -> units.put(Long.valueOf(key), new RegisterNames.Unit(name, rs.getString("region_code")));
                case "C" -> clusters.put(Long.valueOf(key), name);
                default -> providers.put(key, name);
            }
        });
        return new RegisterNames(municipalities, units, clusters, providers);
    }

    private static ClusterView cluster(ResultSet rs, int row) throws SQLException {
        return new ClusterView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("region_code"),
                rs.getString("region_name"),
                rs.getString("municipality_code"),
                rs.getString("municipality_name"),
                rs.getInt("practices"),
                rs.getInt("members"));
    }
}
