package dk.samspil.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to a cluster and its practices and members. Returns the message key of a conflict, if any. */
@Service
class ClusterRegister {

    private final JdbcClient jdbc;
    private final PracticeConfirmation confirmation;

    ClusterRegister(JdbcClient jdbc, PracticeConfirmation confirmation) {
        this.jdbc = jdbc;
        this.confirmation = confirmation;
    }

    @Transactional
    long createCluster(ClusterForm form) {
        return jdbc.sql("INSERT INTO cluster (name, region_code, municipality_code) VALUES (?, ?, ?) RETURNING id")
                .params(form.getName().trim(), form.getRegionCode(), blankToNull(form.getMunicipalityCode()))
                .query(Long.class)
                .single();
    }

    @Transactional
    void updateCluster(long clusterId, ClusterForm form) {
        jdbc.sql(
                        "UPDATE cluster SET name = ?, region_code = ?, municipality_code = ?, version = version + 1 WHERE id = ?")
                .params(form.getName().trim(), form.getRegionCode(), blankToNull(form.getMunicipalityCode()), clusterId)
                .update();
    }

    boolean clusterNameTaken(String name, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM cluster WHERE lower(name) = lower(?) AND id <> ?")
                        .params(name.trim(), exceptId == null ? -1L : exceptId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Saves the practice; a new ydernummer counts once confirmed ({@link PracticeConfirmation}). Whether another
     * cluster has the ydernummer is never the answer: only the cluster's own duplicate is a conflict.
     *
     * @return the message key of the conflict, or empty when saved
     */
    @Transactional
    Optional<String> savePractice(long clusterId, Long practiceId, PracticeForm form) {
        String ydernummer = form.getYdernummer().trim();
        if (jdbc.sql("SELECT count(*) FROM practice WHERE cluster_id = ? AND ydernummer = ? AND id <> ?")
                        .params(clusterId, ydernummer, practiceId == null ? -1L : practiceId)
                        .query(Integer.class)
                        .single()
                > 0) {
            return Optional.of("practice.ydernummer.duplicate");
        }
        boolean confirmed =
                confirmation.confirmedAtOnce(clusterId, List.of(ydernummer)).contains(ydernummer);
        if (practiceId == null) {
            jdbc.sql(
                            "INSERT INTO practice (cluster_id, ydernummer, name, listed_patients, confirmed) VALUES (?, ?, ?, ?, ?)")
                    .params(clusterId, ydernummer, form.getName().trim(), form.getListedPatients(), confirmed)
                    .update();
        } else {
            // A changed ydernummer is a new claim; the same one keeps its confirmation.
            jdbc.sql("""
                            UPDATE practice SET confirmed = CASE WHEN ydernummer = ? THEN confirmed ELSE ? END,
                                ydernummer = ?, name = ?, listed_patients = ? WHERE id = ? AND cluster_id = ?""")
                    .params(
                            ydernummer,
                            confirmed,
                            ydernummer,
                            form.getName().trim(),
                            form.getListedPatients(),
                            practiceId,
                            clusterId)
                    .update();
        }
        return Optional.empty();
    }

    @Transactional
    void deletePractice(long clusterId, long practiceId) {
        jdbc.sql("DELETE FROM practice WHERE id = ? AND cluster_id = ?")
                .params(practiceId, clusterId)
                .update();
    }

    @Transactional
    Optional<String> saveMember(long clusterId, Long memberId, MemberForm form) {
        Long practiceId = form.getPracticeId();
        if (practiceId != null
                && jdbc.sql("SELECT count(*) FROM practice WHERE id = ? AND cluster_id = ?")
                                .params(practiceId, clusterId)
                                .query(Integer.class)
                                .single()
                        == 0) {
            return Optional.of("member.practice.unknown");
        }
        String email = form.getEmail().trim();
        if (jdbc.sql("SELECT count(*) FROM member WHERE cluster_id = ? AND lower(email) = lower(?) AND id <> ?")
                        .params(clusterId, email, memberId == null ? -1L : memberId)
                        .query(Integer.class)
                        .single()
                > 0) {
            return Optional.of("member.email.duplicate");
        }
        if (memberId == null) {
            jdbc.sql("INSERT INTO member (cluster_id, name, email, practice_id) VALUES (?, ?, ?, ?)")
                    .params(clusterId, form.getName().trim(), email, practiceId)
                    .update();
        } else {
            jdbc.sql("UPDATE member SET name = ?, email = ?, practice_id = ? WHERE id = ? AND cluster_id = ?")
                    .params(form.getName().trim(), email, practiceId, memberId, clusterId)
                    .update();
        }
        return Optional.empty();
    }

    @Transactional
    void deleteMember(long clusterId, long memberId) {
        jdbc.sql("DELETE FROM member WHERE id = ? AND cluster_id = ?")
                .params(memberId, clusterId)
                .update();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
