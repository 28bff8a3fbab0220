package dk.samspil.publishing;

import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.pko.PkoPeople;
import dk.samspil.pko.PkoPerson;
import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.publishing.NewsletterRequests.RequestView;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The medical coordinator's quality check of a newsletter at the editors' desk, when the editors ask for one ("I
 * samarbejde med webredaktørerne af praksis.dk – kvalitetssikre nyhedsmail og sørge for, at de er afstemt med de
 * involverede parter"). The editors' question goes by mail to the region's medical coordinator, who answers on the
 * request's page: in order, or with remarks. The newsletter is not sent while a check is open.
 */
@Service
class QualityChecks {

    record CheckView(
            long id,
            String note,
            String askedBy,
            String askedAt,
            String checkerName,
            String checkerEmail,
            String verdict,
            String comment,
            String checkedAt) {

        public boolean open() {
            return verdict == null;
        }
    }

    private final JdbcClient jdbc;
    private final NewsletterRequests requests;
    private final PkoPeople people;
    private final Outbox outbox;
    private final MessageSource messages;
    private final SamspilSettings settings;
    private final EditorsDesk desk;

    QualityChecks(
            JdbcClient jdbc,
            NewsletterRequests requests,
            PkoPeople people,
            Outbox outbox,
            MessageSource messages,
            SamspilSettings settings,
            EditorsDesk desk) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.people = people;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
        this.desk = desk;
    }

    /** The editors ask the region's medical coordinator to check the text; one check open at a time. */
    @Transactional
    void ask(RequestView request, String note, String editorName) {
        if (!request.status().atDesk()) {
            throw new RuleViolation("kvalitetstjek", "publishing.desk.rule.notAtDesk");
        }
        List<PkoPerson> checkers = people.medicalCoordinators(request.regionCode());
        if (checkers.isEmpty()) {
            throw new RuleViolation("kvalitetstjek", "publishing.quality.noMedicalCoordinator");
        }
        // Lock the request so two editors asking at once make one check.
        jdbc.sql("SELECT id FROM publishing_request WHERE id = ? FOR UPDATE")
                .param(request.id())
                .query(Long.class)
                .single();
        if (open(request.id())) {
            throw new RuleViolation("kvalitetstjek", "publishing.quality.alreadyOpen");
        }
        PkoPerson checker = checkers.get(0);
        jdbc.sql("""
                        INSERT INTO publishing_quality_check (request_id, note, asked_by, checker_name, checker_email)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(request.id(), note, editorName, checker.name(), checker.email())
                .update();
        Object[] args = {
            checker.name(), request.headline(), editorName, note, settings.link("/nyhedsmails/" + request.id())
        };
        outbox.enqueue(new OutgoingMail(
                checker.email(),
                messages.getMessage("publishing.quality.mail.subject", args, NewsletterApprovals.DANISH),
                messages.getMessage("publishing.quality.mail.body", args, NewsletterApprovals.DANISH),
                "publishing:" + request.id() + ":quality"));
    }

    /**
     * The medical coordinator's verdict: in order, or remarks (a comment is then required). Each editor gets a mail
     * with the verdict and the comment and a link to the request on the desk.
     */
    @Transactional
    void answer(RequestView request, long checkId, String checkerEmail, boolean inOrder, String comment) {
        if (!inOrder && (comment == null || comment.isBlank())) {
            throw new RuleViolation("comment", "publishing.quality.comment.required");
        }
        int answered = jdbc.sql("""
                        UPDATE publishing_quality_check SET verdict = ?, comment = ?, checked_at = now()
                        WHERE id = ? AND request_id = ? AND verdict IS NULL AND lower(checker_email) = lower(?)""")
                .params(inOrder ? "OK" : "REMARKS", comment, checkId, request.id(), checkerEmail)
                .update();
        if (answered == 0) {
            throw new RuleViolation("kvalitetstjek", "publishing.quality.rule.answered");
        }
        String checkerName = jdbc.sql("SELECT checker_name FROM publishing_quality_check WHERE id = ?")
                .param(checkId)
                .query(String.class)
                .single();
        String verdict = inOrder ? "OK" : "REMARKS";
        String remarks = comment == null
                ? messages.getMessage("publishing.quality.verdictMail.noComment", null, NewsletterApprovals.DANISH)
                : comment;
        for (var editor : desk.editors()) {
            Object[] args = {
                editor.name(),
                request.headline(),
                checkerName,
                messages.getMessage(
                        "publishing.quality.verdictMail.verdict." + verdict, null, NewsletterApprovals.DANISH),
                remarks,
                settings.link("/redaktion/" + request.id())
            };
            outbox.enqueue(new OutgoingMail(
                    editor.email(),
                    messages.getMessage(
                            "publishing.quality.verdictMail.subject." + verdict, args, NewsletterApprovals.DANISH),
                    messages.getMessage("publishing.quality.verdictMail.body", args, NewsletterApprovals.DANISH),
                    "publishing:" + request.id() + ":quality:" + checkId));
        }
    }

    List<CheckView> of(long requestId) {
        return jdbc.sql("""
                        SELECT id, note, asked_by, to_char(asked_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY HH24.MI'),
                               checker_name, checker_email, verdict, comment,
                               to_char(checked_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY HH24.MI')
                        FROM publishing_quality_check WHERE request_id = ? ORDER BY asked_at, id""")
                .param(requestId)
                .query((rs, n) -> new CheckView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    boolean open(long requestId) {
        return jdbc.sql("SELECT count(*) FROM publishing_quality_check WHERE request_id = ? AND verdict IS NULL")
                        .param(requestId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Whether the address was asked to check the request (the checker may read it). */
    boolean isChecker(long requestId, String email) {
        return email != null
                && jdbc.sql("""
                                SELECT count(*) FROM publishing_quality_check
                                WHERE request_id = ? AND lower(checker_email) = lower(?)""").params(requestId, email).query(Integer.class).single() > 0;
    }

    /** The requests waiting for this address's quality check, by latest send date. */
    List<RequestView> awaiting(String email) {
        return jdbc.sql("""
                        SELECT DISTINCT r.id, r.latest_date FROM publishing_request r
                        JOIN publishing_quality_check q ON q.request_id = r.id
                        WHERE q.verdict IS NULL AND lower(q.checker_email) = lower(?)
                        ORDER BY r.latest_date, r.id""").param(email).query((rs, n) -> rs.getLong(1)).list().stream()
                .map(id -> requests.find(id).orElseThrow())
                .toList();
    }

    /** The requests at the desk with a check still open (marked in the editors' queue). */
    java.util.Set<Long> openAmong(List<RequestView> shown) {
        Long[] ids = shown.stream().map(RequestView::id).toArray(Long[]::new);
        return new java.util.HashSet<>(
                jdbc.sql("""
                        SELECT DISTINCT request_id FROM publishing_quality_check WHERE verdict IS NULL AND request_id = ANY (?)""").param(ids).query(Long.class).list());
    }
}
