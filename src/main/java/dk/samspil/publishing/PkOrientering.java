package dk.samspil.publishing;

import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.pko.PkoPeople;
import dk.samspil.pko.PkoPerson;
import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.publishing.NewsletterRequests.Approver;
import dk.samspil.publishing.NewsletterRequests.Author;
import dk.samspil.publishing.NewsletterRequests.Draft;
import dk.samspil.publishing.NewsletterRequests.RequestView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PKOrientering, the coordinators' newsletter to their hospital unit's catchment area "fire gange årligt": a
 * department's contribution reaches the coordinator through its hospital practice consultant and goes the way of a
 * request (written, approved), then to the coordinator instead of the editors; the coordinator sees which quarter's
 * issue is due and compiles it from the contributions received, as a request of their own to the unit's catchment
 * area, which then goes through approval to the editors, who send it and publish it under the hospital unit.
 */
@Service
class PkOrientering {

    /** A quarter of a year: the issue "fire gange årligt". */
    record Quarter(int year, int quarter) {

        static Quarter of(LocalDate day) {
            return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
        }

        Quarter next() {
            return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
        }

        public LocalDate lastDay() {
            return LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
        }

        public String lastDayText() {
            return NewsletterRequests.DATE.format(lastDay());
        }

        /** The quarter as the compile form names it (2027-1), so a form shown before another compile is refused. */
        public String key() {
            return year + "-" + quarter;
        }

        public String quarterText() {
            return String.valueOf(quarter);
        }

        public String yearText() {
            return String.valueOf(year);
        }
    }

    /** A compiled issue: its quarter and the request that carries it. */
    record Issue(Quarter quarter, RequestView request) {}

    /** A quarter of the year shown with its issue, if any; {@code due} for the quarter to compile next. */
    record QuarterRow(Quarter quarter, Issue issue, boolean due, boolean past) {}

    private final JdbcClient jdbc;
    private final NewsletterRequests requests;
    private final NewsletterAudiences audiences;
    private final PkoPeople people;
    private final Outbox outbox;
    private final MessageSource messages;
    private final SamspilSettings settings;

    PkOrientering(
            JdbcClient jdbc,
            NewsletterRequests requests,
            NewsletterAudiences audiences,
            PkoPeople people,
            Outbox outbox,
            MessageSource messages,
            SamspilSettings settings) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.audiences = audiences;
        this.people = people;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
    }

    /** The approved contribution to the unit's coordinators, who get a mail. */
    @Transactional
    void contribute(RequestView request) {
        int changed = jdbc.sql("""
                        UPDATE publishing_request SET status = 'CONTRIBUTED', submitted_at = now()
                        WHERE id = ? AND status = 'APPROVED' AND contribution_to IS NOT NULL""").param(request.id()).update();
        if (changed == 0) {
            throw new RuleViolation("submit", "publishing.submit.notApproved");
        }
        String unitName = audiences.units(request.regionCode()).getOrDefault(request.contributionTo(), "");
        for (PkoPerson coordinator : people.coordinatorsOf(request.contributionTo())) {
            Object[] args = {
                coordinator.name(),
                request.headline(),
                request.authorName(),
                unitName,
                settings.link("/nyhedsmails/pkorientering")
            };
            outbox.enqueue(new OutgoingMail(
                    coordinator.email(),
                    message("publishing.pkorientering.mail.subject", args),
                    message("publishing.pkorientering.mail.body", args),
                    "publishing:" + request.id() + ":contribution"));
        }
    }

    /** A contribution sent back to its author by the unit's coordinator: the comment, who, when (Danish time). */
    record ReturnView(String comment, String returnedBy, String returnedAt) {}

    /**
     * The unit's coordinator sends a contribution waiting for an issue back to its author with a comment: the author
     * may change it (it is editable again, as after a refusal) and has it approved once more before it returns. The
     * author gets a mail with the comment.
     */
    @Transactional
    void sendBack(RequestView request, long unitId, Author coordinator, String comment) {
        int changed = jdbc.sql("""
                        UPDATE publishing_request SET status = 'REFUSED'
                        WHERE id = ? AND status = 'CONTRIBUTED' AND contribution_to = ?""").params(request.id(), unitId).update();
        if (changed == 0) {
            throw new RuleViolation("tilbage", "publishing.return.rule.notWaiting");
        }
        jdbc.sql("INSERT INTO publishing_contribution_return (request_id, comment, returned_by) VALUES (?, ?, ?)")
                .params(request.id(), comment, coordinator.name())
                .update();
        Object[] args = {
            request.authorName(),
            request.headline(),
            coordinator.name(),
            comment,
            settings.link("/nyhedsmails/" + request.id())
        };
        outbox.enqueue(new OutgoingMail(
                request.authorEmail(),
                message("publishing.return.mail.subject", args),
                message("publishing.return.mail.body", args),
                "publishing:" + request.id() + ":return"));
    }

    /** The times the contribution was sent back to its author, oldest first. */
    List<ReturnView> returns(long requestId) {
        return jdbc.sql("""
                        SELECT comment, returned_by,
                               to_char(returned_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY HH24.MI')
                        FROM publishing_contribution_return WHERE request_id = ? ORDER BY returned_at, id""")
                .param(requestId)
                .query((rs, n) -> new ReturnView(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The contributions waiting for the unit's next issue, by the latest date their senders asked for. */
    List<RequestView> waiting(long unitId) {
        return jdbc.sql("""
                        SELECT id FROM publishing_request WHERE contribution_to = ? AND status = 'CONTRIBUTED'
                        ORDER BY latest_date, submitted_at, id""").param(unitId).query(Long.class).list().stream()
                .map(id -> requests.find(id).orElseThrow())
                .toList();
    }

    /** The unit's issues, newest quarter first. */
    List<Issue> issues(long unitId) {
        return jdbc.sql("""
                        SELECT request_id, year, quarter FROM publishing_issue WHERE hospital_unit_id = ?
                        ORDER BY year DESC, quarter DESC""")
                .param(unitId)
                .query((rs, n) -> new Issue(
                        new Quarter(rs.getInt(2), rs.getInt(3)),
                        requests.find(rs.getLong(1)).orElseThrow()))
                .list();
    }

    /** The quarter whose issue is to be compiled next: this quarter, unless its issue exists, then the next free. */
    Quarter due(List<Issue> issues, LocalDate today) {
        Set<Quarter> made = issues.stream().map(Issue::quarter).collect(Collectors.toSet());
        Quarter quarter = Quarter.of(today);
        while (made.contains(quarter)) {
            quarter = quarter.next();
        }
        return quarter;
    }

    /** The four quarters of this year with their issues, and which is due. */
    List<QuarterRow> year(List<Issue> issues, LocalDate today) {
        Map<Quarter, Issue> byQuarter = issues.stream().collect(Collectors.toMap(Issue::quarter, i -> i));
        Quarter due = due(issues, today);
        Quarter now = Quarter.of(today);
        List<QuarterRow> rows = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            Quarter quarter = new Quarter(today.getYear(), q);
            rows.add(new QuarterRow(quarter, byQuarter.get(quarter), quarter.equals(due), q < now.quarter()));
        }
        return rows;
    }

    /**
     * The due quarter's issue, compiled from the chosen contributions (in the order shown): a request of the
     * coordinator's own to the unit's catchment area, on praksis.dk under the unit, with the region's medical
     * coordinator proposed as approver. The contributions are marked as included in it.
     */
    @Transactional
    long compile(Author coordinator, long unitId, String shownQuarter, List<Long> chosenIds, LocalDate today) {
        Quarter quarter = due(issues(unitId), today);
        if (!quarter.key().equals(shownQuarter)) {
            throw new RuleViolation("bidrag", "publishing.pkorientering.rule.quarterChanged");
        }
        List<RequestView> waiting = waiting(unitId);
        Set<Long> chosen = new LinkedHashSet<>(chosenIds);
        Set<Long> known = waiting.stream().map(RequestView::id).collect(Collectors.toSet());
        if (!known.containsAll(chosen)) {
            throw new RuleViolation("bidrag", "publishing.pkorientering.rule.unknownContribution");
        }
        List<RequestView> included =
                waiting.stream().filter(r -> chosen.contains(r.id())).toList();
        String unitName = audiences.units(coordinator.regionCode()).getOrDefault(unitId, "");
        Object[] names = {quarter.quarterText(), quarter.yearText(), unitName, coordinator.name()};
        StringBuilder body = new StringBuilder(message("publishing.pkorientering.intro", names));
        StringBuilder summary = new StringBuilder(message("publishing.pkorientering.summaryIntro", names));
        Set<String> consultants = new LinkedHashSet<>();
        for (RequestView contribution : included) {
            body.append("\n\n")
                    .append(contribution.headline())
                    .append("\n\n")
                    .append(contribution.body())
                    .append("\n\n")
                    .append(message("publishing.pkorientering.from", new Object[] {contribution.sender()}));
            summary.append("\n- ").append(contribution.headline());
            consultants.add(contribution.authorName());
        }
        List<Approver> approvers = people.medicalCoordinators(coordinator.regionCode()).stream()
                .limit(1)
                .map(p -> new Approver(Party.MEDICAL_COORDINATOR, p.name(), p.email()))
                .toList();
        Draft draft = new Draft(
                message("publishing.pkorientering.headline", names),
                body.toString(),
                true,
                summary.toString(),
                Audience.CATCHMENT,
                unitId,
                List.of(),
                message("publishing.pkorientering.sender", names),
                consultants.isEmpty() ? null : String.join(", ", consultants),
                quarter.lastDay().isBefore(today) ? today : quarter.lastDay(),
                false,
                null,
                approvers,
                null);
        long id = requests.create(coordinator, draft);
        try {
            jdbc.sql("INSERT INTO publishing_issue (request_id, hospital_unit_id, year, quarter) VALUES (?, ?, ?, ?)")
                    .params(id, unitId, quarter.year(), quarter.quarter())
                    .update();
        } catch (DuplicateKeyException twice) {
            throw new RuleViolation("bidrag", "publishing.pkorientering.rule.issueExists");
        }
        if (!included.isEmpty()) {
            int marked = jdbc.sql("""
                            UPDATE publishing_request SET status = 'INCLUDED', included_in = ?
                            WHERE id = ANY (?) AND status = 'CONTRIBUTED' AND contribution_to = ?""")
                    .params(id, included.stream().map(RequestView::id).toArray(Long[]::new), unitId)
                    .update();
            if (marked != included.size()) {
                throw new RuleViolation("bidrag", "publishing.pkorientering.rule.unknownContribution");
            }
        }
        return id;
    }

    private String message(String key, Object[] args) {
        return messages.getMessage(key, args, NewsletterApprovals.DANISH);
    }
}
