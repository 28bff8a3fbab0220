package dk.samspil.publishing;

import dk.samspil.platform.RuleViolation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The care pathway descriptions (forløbsbeskrivelser): "en kort beskrivelse af faglig baggrund, udredning i almen
 * praksis, henvisning til hospital, behandling i speciallægeregi og efterfølgende kontrolbehov for en defineret
 * patientgruppe". Every save is a new version; the approvals are {@link PathwayApprovals}, the way to the editors
 * and the public page {@link PathwayPublishing}.
 */
@Service
class Pathways {

    /** The template's five sections, in the template's order (the columns of a version). */
    static final List<String> SECTIONS = List.of("background", "workup", "referral", "treatment", "followup");

    /** The five sections' texts. */
    record Sections(String background, String workup, String referral, String treatment, String followup) {

        List<String> texts() {
            return List.of(background, workup, referral, treatment, followup);
        }
    }

    record VersionView(int number, Sections sections, String editedBy, String editedAt) {}

    record PathwayView(
            long id,
            String regionCode,
            String patientGroup,
            String specialty,
            long ownerPersonId,
            String ownerName,
            LocalDate reviewDate,
            PathwayStatus status,
            ChangeKind changeKind,
            boolean extraWork,
            int version,
            int approvalRound,
            Integer roundVersion,
            Integer approvedVersion,
            String approvedAt,
            Boolean newsMail,
            Long newsRequestId,
            Integer publishedVersion,
            String publishedAt) {

        public String reviewDateText() {
            return NewsletterRequests.DATE.format(reviewDate);
        }

        public boolean overdue(LocalDate today) {
            return reviewDate.isBefore(today);
        }

        /** Regionally valid and not yet sent to the editors with a decision on a news mail. */
        public boolean awaitsEditors() {
            return status == PathwayStatus.CURRENT && newsMail == null;
        }
    }

    /** A new description: who starts it and for which patient group and Specialråd. */
    record Start(
            String regionCode,
            String patientGroup,
            String specialty,
            long ownerPersonId,
            String ownerName,
            LocalDate reviewDate,
            long userId) {}

    private static final String SELECT = """
            SELECT p.*, to_char(p.approved_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY') AS approved,
                   to_char(p.published_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY') AS published
            FROM publishing_pathway p""";

    private final JdbcClient jdbc;

    Pathways(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    long start(Start start, Sections sections, String editedBy) {
        long id = jdbc.sql("""
                        INSERT INTO publishing_pathway (region_code, patient_group, specialty, owner_person_id, owner_name,
                            review_date, created_by_user_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        start.regionCode(),
                        start.patientGroup(),
                        start.specialty(),
                        start.ownerPersonId(),
                        start.ownerName(),
                        start.reviewDate(),
                        start.userId())
                .query(Long.class)
                .single();
        insertVersion(id, 1, sections, editedBy);
        return id;
    }

    /**
     * A change saved as the next version, when the one changed is still the newest ({@code baseVersion}, so two
     * authors cannot overwrite each other). A change to a regionally valid description says whether it is
     * significant and whether it means extra work in general practice. True when the change restarts an approval
     * chain that was under way.
     */
    @Transactional
    boolean edit(
            long id,
            int baseVersion,
            Heading heading,
            Sections sections,
            ChangeKind kind,
            boolean extraWork,
            String editedBy) {
        PathwayView before = find(id).orElseThrow();
        ChangeKind next = before.approvedVersion() == null ? ChangeKind.NEW : kind;
        int changed = jdbc.sql("""
                        UPDATE publishing_pathway SET version = version + 1, change_kind = ?, extra_work = ?,
                            patient_group = ?, specialty = ?, review_date = ?,
                            status = CASE WHEN status = 'CURRENT' THEN 'DRAFT' ELSE status END
                        WHERE id = ? AND version = ?""")
                .params(
                        next.name(),
                        extraWork,
                        heading.patientGroup(),
                        heading.specialty(),
                        heading.reviewDate(),
                        id,
                        baseVersion)
                .update();
        if (changed == 0) {
            throw new RuleViolation("sections", "publishing.pathway.rule.stale");
        }
        insertVersion(id, baseVersion + 1, sections, editedBy);
        return before.status() == PathwayStatus.APPROVAL;
    }

    /**
     * A new owner, who answers for keeping the description current ("Ansvar for at forløbsbeskrivelserne er
     * ajourførte"); the text, its version and its approvals are not touched.
     */
    @Transactional
    void changeOwner(long id, long ownerPersonId, String ownerName) {
        jdbc.sql("UPDATE publishing_pathway SET owner_person_id = ?, owner_name = ? WHERE id = ?")
                .params(ownerPersonId, ownerName, id)
                .update();
    }

    /** The patient group, its Specialråd and the review date ("Ansvar for at forløbsbeskrivelserne er ajourførte"). */
    record Heading(String patientGroup, String specialty, LocalDate reviewDate) {}

    private void insertVersion(long id, int number, Sections s, String editedBy) {
        jdbc.sql("""
                        INSERT INTO publishing_pathway_version (pathway_id, number, background, workup, referral, treatment,
                            followup, edited_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, number, s.background(), s.workup(), s.referral(), s.treatment(), s.followup(), editedBy)
                .update();
    }

    Optional<PathwayView> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?")
                .param(id)
                .query(Pathways::view)
                .optional();
    }

    /** The region's descriptions, by patient group. */
    List<PathwayView> inRegion(String regionCode) {
        return jdbc.sql(SELECT + " WHERE p.region_code = ? ORDER BY lower(p.patient_group), p.id")
                .param(regionCode)
                .query(Pathways::view)
                .list();
    }

    /** The region's descriptions whose review date has passed, the oldest first. */
    List<PathwayView> overdue(String regionCode, LocalDate today) {
        return jdbc.sql(SELECT + " WHERE p.region_code = ? AND p.review_date < ? ORDER BY p.review_date, p.id")
                .params(regionCode, today)
                .query(Pathways::view)
                .list();
    }

    /** The published descriptions of the region, by patient group. */
    List<PathwayView> published(String regionCode) {
        return jdbc.sql(SELECT + """
                         WHERE p.region_code = ? AND p.published_version IS NOT NULL
                        ORDER BY lower(p.patient_group), p.id""").param(regionCode).query(Pathways::view).list();
    }

    Optional<VersionView> version(long id, int number) {
        return jdbc.sql("""
                        SELECT number, background, workup, referral, treatment, followup, edited_by,
                               to_char(edited_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY HH24.MI')
                        FROM publishing_pathway_version WHERE pathway_id = ? AND number = ?""").params(id, number).query(Pathways::version).optional();
    }

    /** Every version, the newest first. */
    List<VersionView> versions(long id) {
        return jdbc.sql("""
                        SELECT number, background, workup, referral, treatment, followup, edited_by,
                               to_char(edited_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY HH24.MI')
                        FROM publishing_pathway_version WHERE pathway_id = ? ORDER BY number DESC""").param(id).query(Pathways::version).list();
    }

    private static VersionView version(ResultSet rs, int row) throws SQLException {
        return new VersionView(
                rs.getInt(1),
                new Sections(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                rs.getString(7),
                rs.getString(8));
    }

    private static PathwayView view(ResultSet rs, int row) throws SQLException {
        return new PathwayView(
                rs.getLong("id"),
                rs.getString("region_code"),
                rs.getString("patient_group"),
                rs.getString("specialty"),
                rs.getLong("owner_person_id"),
                rs.getString("owner_name"),
                rs.getObject("review_date", LocalDate.class),
                PathwayStatus.valueOf(rs.getString("status")),
                ChangeKind.valueOf(rs.getString("change_kind")),
                rs.getBoolean("extra_work"),
                rs.getInt("version"),
                rs.getInt("approval_round"),
                rs.getObject("round_version", Integer.class),
                rs.getObject("approved_version", Integer.class),
                rs.getString("approved"),
                rs.getObject("news_mail", Boolean.class),
                rs.getObject("news_request_id", Long.class),
                rs.getObject("published_version", Integer.class),
                rs.getString("published"));
    }

    /** DRAFT: the authors write; APPROVAL: the chain is asked; CURRENT: "regionalt gældende". */
    enum PathwayStatus {
        DRAFT,
        APPROVAL,
        CURRENT
    }

    /** What the version asked for approval is: a new description, a significant change ("væsentlig") or a minor one. */
    enum ChangeKind {
        NEW,
        SIGNIFICANT,
        MINOR;

        /** "Regionen og PLO-M godkender alle nye forløbsbeskrivelser og alle væsentlige ændringer". */
        boolean needsRegionAndPloM() {
            return this != MINOR;
        }
    }
}
