package dk.samspil.directory;

import dk.samspil.directory.Views.PendingPracticeView;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a ydernummer a cluster adds counts as the cluster's. A coordinator could otherwise see any practice's
 * figures by adding its ydernummer. It is confirmed at once when the national register has the practice in the
 * cluster's municipality and no other cluster has it confirmed; otherwise it waits for a consultant of a provider for
 * the cluster's region (or the national unit), who confirms or refuses it. Neither the form's nor the import's
 * answer says whether another cluster has the ydernummer.
 */
@Service
class PracticeConfirmation {

    private final JdbcClient jdbc;
    private final ObjectProvider<NationalRegister> register;

    PracticeConfirmation(JdbcClient jdbc, ObjectProvider<NationalRegister> register) {
        this.jdbc = jdbc;
        this.register = register;
    }

    /** The ydernumre that count for the cluster as soon as they are added. */
    Set<String> confirmedAtOnce(long clusterId, Collection<String> ydernumre) {
        Optional<String> municipality = jdbc.sql("SELECT municipality_code FROM cluster WHERE id = ?")
                .param(clusterId)
                .query(String.class)
                .optional();
        NationalRegister national = register.getIfAvailable();
        if (ydernumre.isEmpty() || municipality.isEmpty() || municipality.get() == null || national == null) {
            return Set.of();
        }
        Map<String, String> registered = national.municipalities(ydernumre);
        Set<String> elsewhere = Set.copyOf(
                jdbc.sql("SELECT ydernummer FROM practice WHERE confirmed AND cluster_id <> ? AND ydernummer = ANY (?)")
                        .params(clusterId, ydernumre.toArray(String[]::new))
                        .query(String.class)
                        .list());
        return ydernumre.stream()
                .filter(y -> municipality.get().equals(registered.get(y)) && !elsewhere.contains(y))
                .collect(Collectors.toSet());
    }

    /** The practices waiting for this consultant: of clusters in their provider's region, or all for the national unit. */
    List<PendingPracticeView> pending(SamspilPrincipal user) {
        return jdbc.sql("""
                        SELECT p.id, c.id, c.name, p.ydernummer, p.name,
                               (SELECT string_agg(o.name, ', ' ORDER BY o.name)
                                FROM practice x JOIN cluster o ON o.id = x.cluster_id
                                WHERE x.ydernummer = p.ydernummer AND x.id <> p.id)
                        FROM practice p JOIN cluster c ON c.id = p.cluster_id
                        WHERE NOT p.confirmed AND (? OR c.region_code IN (SELECT coalesce(v.region_code, c.region_code)
                                                                        FROM provider v WHERE v.code = ?))
                        ORDER BY c.name, p.ydernummer""")
                .params(user.isAdmin(), user.providerCode())
                .query((rs, n) -> new PendingPracticeView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    boolean mayDecide(SamspilPrincipal user) {
        return user.isAdmin() || user.is(Role.CONSULTANT);
    }

    /**
     * Confirms (or, {@code confirm} false, refuses and removes) a waiting practice of the consultant's.
     *
     * @return the message key of the outcome
     */
    @Transactional
    Optional<String> decide(SamspilPrincipal user, long practiceId, boolean confirm) {
        Optional<PendingPracticeView> practice =
                pending(user).stream().filter(p -> p.id() == practiceId).findFirst();
        if (practice.isEmpty()) {
            return Optional.empty();
        }
        if (!confirm) {
            jdbc.sql("DELETE FROM practice WHERE id = ? AND NOT confirmed")
                    .param(practiceId)
                    .update();
            return Optional.of("practice.pending.refused");
        }
        boolean taken = jdbc.sql("SELECT count(*) FROM practice WHERE confirmed AND ydernummer = ?")
                        .param(practice.get().ydernummer())
                        .query(Integer.class)
                        .single()
                > 0;
        if (taken) {
            return Optional.of("practice.pending.takenElsewhere");
        }
        jdbc.sql("UPDATE practice SET confirmed = true WHERE id = ?")
                .param(practiceId)
                .update();
        return Optional.of("practice.pending.confirmed");
    }
}
