package dk.samspil.publishing;

import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.publishing.NewsletterRequests.RequestView;
import dk.samspil.security.People;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The praksis.dk editors' desk: an approved request sent to the editors (point 7), the queue by latest send date with
 * "Haster" first, the editors' questions to the author inside the request ("Webredaktørerne kontakter dig, hvis der
 * er brug for flere oplysninger") and the author's answers, and the date it is planned for.
 */
@Service
class EditorsDesk {

    record QuestionView(
            long id,
            String question,
            String askedBy,
            String askedAt,
            String answer,
            String answeredBy,
            String answeredAt) {

        public boolean open() {
            return answer == null;
        }
    }

    private final JdbcClient jdbc;
    private final NewsletterRequests requests;
    private final Outbox outbox;
    private final MessageSource messages;
    private final SamspilSettings settings;
    private final People people;

    EditorsDesk(
            JdbcClient jdbc,
            NewsletterRequests requests,
            Outbox outbox,
            MessageSource messages,
            SamspilSettings settings,
            People people) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
        this.people = people;
    }

    /**
     * Who works the desk: a user of the editor role (the security configuration admits only them to /redaktion), who
     * sees every request sent to the editors.
     */
    static boolean isEditor(SamspilPrincipal user) {
        return user != null && user.is(Role.EDITOR);
    }

    /** The editors to tell of what happens to a request at the desk: every active account of the editor role. */
    List<People.Contact> editors() {
        return people.activeContacts(Role.EDITOR);
    }

    /**
     * The approved request to the editors. Fewer than 7 days to the latest date is allowed when the author has
     * confirmed that they know ("helst en uge før" is advice, not a rule).
     */
    @Transactional
    void submit(RequestView request, boolean shortNoticeConfirmed, LocalDate today) {
        if (request.latestDate().isBefore(today)) {
            throw new RuleViolation("latestDate", "publishing.request.latestDate.past");
        }
        boolean shortNotice = request.shortNotice(today);
        if (shortNotice && !shortNoticeConfirmed) {
            throw new RuleViolation("confirmShortNotice", "publishing.submit.shortNotice.confirm");
        }
        int changed = jdbc.sql("""
                        UPDATE publishing_request SET status = 'RECEIVED', submitted_at = now(), short_notice_confirmed = ?
                        WHERE id = ? AND status = 'APPROVED'""").params(shortNotice, request.id()).update();
        if (changed == 0) {
            throw new RuleViolation("submit", "publishing.submit.notApproved");
        }
    }

    /** The requests at the desk: "Haster" first, then by the latest send date. */
    List<RequestView> queue() {
        return ids("""
                SELECT id FROM publishing_request WHERE status IN ('RECEIVED', 'QUESTIONS', 'SCHEDULED')
                ORDER BY urgent DESC, latest_date, submitted_at, id""");
    }

    /** The latest sent, newest first. */
    List<RequestView> sent(int limit) {
        return jdbc
                .sql("SELECT id FROM publishing_request WHERE status = 'SENT' ORDER BY sent_at DESC, id DESC LIMIT ?")
                .param(limit)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> requests.find(id).orElseThrow())
                .toList();
    }

    private List<RequestView> ids(String sql) {
        return jdbc.sql(sql).query(Long.class).list().stream()
                .map(id -> requests.find(id).orElseThrow())
                .toList();
    }

    /** How many requests each author sent to the editors marked "Haster" in the last 12 months. */
    Map<Long, Integer> urgentUses(List<RequestView> shown) {
        Long[] authors =
                shown.stream().map(RequestView::authorUserId).distinct().toArray(Long[]::new);
        return jdbc.sql("""
                        SELECT author_user_id, count(*) FROM publishing_request
                        WHERE urgent AND submitted_at > now() - interval '12 months' AND author_user_id = ANY (?)
                        GROUP BY author_user_id""").param(authors).query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<QuestionView> questions(long requestId) {
        return jdbc.sql("""
                        SELECT id, question, asked_by,
                               to_char(asked_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY HH24.MI'), answer, answered_by,
                               to_char(answered_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY HH24.MI')
                        FROM publishing_question WHERE request_id = ? ORDER BY asked_at, id""")
                .param(requestId)
                .query((rs, n) -> new QuestionView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    /** An editor's question: the request waits for the author's answer, and the author is mailed. */
    @Transactional
    void ask(RequestView request, String question, String editorName) {
        int changed = jdbc.sql("""
                        UPDATE publishing_request SET status = 'QUESTIONS'
                        WHERE id = ? AND status IN ('RECEIVED', 'QUESTIONS', 'SCHEDULED')""").param(request.id()).update();
        if (changed == 0) {
            throw new RuleViolation("question", "publishing.desk.rule.notAtDesk");
        }
        jdbc.sql("INSERT INTO publishing_question (request_id, question, asked_by) VALUES (?, ?, ?)")
                .params(request.id(), question, editorName)
                .update();
        Object[] args = {
            request.authorName(),
            request.headline(),
            editorName,
            question,
            settings.link("/nyhedsmails/" + request.id())
        };
        outbox.enqueue(new OutgoingMail(
                request.authorEmail(),
                messages.getMessage("publishing.desk.mail.question.subject", args, NewsletterApprovals.DANISH),
                messages.getMessage("publishing.desk.mail.question.body", args, NewsletterApprovals.DANISH),
                "publishing:" + request.id() + ":question"));
    }

    /** The author's answer; when no question is left open the request is back with the editors as received. */
    @Transactional
    void answer(RequestView request, long questionId, String answer, String authorName) {
        int answered = jdbc.sql("""
                        UPDATE publishing_question SET answer = ?, answered_by = ?, answered_at = now()
                        WHERE id = ? AND request_id = ? AND answer IS NULL""")
                .params(answer, authorName, questionId, request.id())
                .update();
        if (answered == 0) {
            throw new RuleViolation("answer-" + questionId, "publishing.question.rule.answered");
        }
        jdbc.sql("""
                        UPDATE publishing_request r SET status = 'RECEIVED'
                        WHERE r.id = ? AND r.status = 'QUESTIONS' AND NOT EXISTS (SELECT 1 FROM publishing_question q
                            WHERE q.request_id = r.id AND q.answer IS NULL)""").param(request.id()).update();
    }

    /** The day the editors plan to send it (not after the latest date the author asked for, and not in the past). */
    @Transactional
    void schedule(RequestView request, LocalDate day, LocalDate today) {
        if (day.isBefore(today)) {
            throw new RuleViolation("scheduledFor", "publishing.desk.schedule.past");
        }
        if (day.isAfter(request.latestDate())) {
            throw new RuleViolation("scheduledFor", "publishing.desk.schedule.afterLatest");
        }
        int changed = jdbc.sql("""
                        UPDATE publishing_request SET status = 'SCHEDULED', scheduled_for = ?
                        WHERE id = ? AND status IN ('RECEIVED', 'SCHEDULED')""").params(day, request.id()).update();
        if (changed == 0) {
            throw new RuleViolation("scheduledFor", "publishing.desk.schedule.openQuestions");
        }
    }
}
