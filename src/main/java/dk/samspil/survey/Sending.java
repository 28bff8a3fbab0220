package dk.samspil.survey;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.MemberView;
import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.ordering.OrderProgress;
import dk.samspil.ordering.OrderStatus;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.ParticipantView;
import dk.samspil.ordering.Orders;
import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.platform.Tokens;
import dk.samspil.servicedata.OrderFigures;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending the frozen version to the cluster's members and, where chosen, the order's municipal participants (one
 * personal link each, through the outbox; the invitation says which sector it went to), reminding
 * those who have not answered (by hand and on the chosen days before the deadline), closing at the deadline or by
 * hand, and reopening before the deck is final.
 */
@Configuration(proxyBeanMethods = false)
class Sending {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** The counts of the response-rate view: never who answered what; per sector for the consultant. */
    public record ResponseRate(int invited, int answered, int bounced, List<SectorRate> sectors) {
        public int percent() {
            return invited == 0 ? 0 : Math.round(100f * answered / invited);
        }

        /** Whether the survey went to more than one sector (then the consultant sees the counts per sector). */
        public boolean bySector() {
            return sectors.size() > 1;
        }

        /** Whether anyone of the sector (by name) was invited. */
        public boolean includes(String sector) {
            return sectors.stream().anyMatch(s -> s.sector().name().equals(sector));
        }
    }

    /** Invited and answered (response marks) in one sector: counts of people, nothing of what they answered. */
    public record SectorRate(Sector sector, int invited, int answered) {
        public int percent() {
            return invited == 0 ? 0 : Math.round(100f * answered / invited);
        }
    }

    /** Someone to invite: a cluster member (with the letter of their practice, if any) or a municipal participant. */
    private record Recipient(String name, String email, Sector sector, String practiceName, String letter) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Orders orders;
    private final OrderProgress progress;
    private final Directory directory;
    private final Outbox outbox;
    private final MessageSource messages;
    private final SamspilSettings samspil;
    private final SurveySettings settings;
    private final Clock clock;
    private final Surveys surveys;
    private final OrderFigures figures;

    Sending(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Orders orders,
            OrderProgress progress,
            Directory directory,
            Outbox outbox,
            MessageSource messages,
            SamspilSettings samspil,
            SurveySettings settings,
            Clock clock,
            Surveys surveys,
            OrderFigures figures) {
        this.surveys = surveys;
        this.figures = figures;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.orders = orders;
        this.progress = progress;
        this.directory = directory;
        this.outbox = outbox;
        this.messages = messages;
        this.samspil = samspil;
        this.settings = settings;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(COPENHAGEN));
    }

    /** Sends to the package's default audience (see {@link #defaultAudience}). */
    int send(SurveyView survey, LocalDate closesOn, String reminderDays, String by) {
        return send(survey, closesOn, reminderDays, by, null);
    }

    /**
     * Sends the frozen version to the chosen sectors: the cluster's members and/or the order's municipal participants,
     * one personal link each (someone who is both is invited once, as a member).
     *
     * @param audience the sectors to invite; null for the package's default
     * @return how many were invited
     */
    int send(SurveyView survey, LocalDate closesOn, String reminderDays, String by, Set<Sector> audience) {
        if (survey.status() != SurveyStatus.FROZEN) {
            throw new RuleViolation("survey.send.notFrozen");
        }
        if (closesOn == null || !closesOn.isAfter(today())) {
            throw new RuleViolation("survey.send.closesOn");
        }
        OrderView order = orders.find(survey.orderId()).orElseThrow();
        Set<Sector> sectors = audience == null ? defaultAudience(order) : audience;
        if (sectors.isEmpty()) {
            throw new RuleViolation("survey.send.noAudience");
        }
        List<Recipient> recipients = recipients(order, sectors);
        if (sectors.contains(Sector.CLUSTER) && recipients.stream().noneMatch(r -> r.sector() == Sector.CLUSTER)) {
            throw new RuleViolation("survey.send.noMembers");
        }
        if (recipients.isEmpty()) {
            throw new RuleViolation("survey.send.noParticipants");
        }
        Integer invited = transaction.execute(status -> {
            guarded(
                    jdbc.sql("""
                            UPDATE survey SET status = 'OPEN', closes_on = ?, reminder_days = ?, opened_at = now()
                            WHERE id = ? AND status = 'FROZEN'""")
                            .params(closesOn, normaliseDays(reminderDays), survey.id())
                            .update(),
                    "survey.send.notFrozen");
            int count = invite(order, survey.id(), recipients, closesOn);
            progress.surveyOpened(order.id(), by);
            return count;
        });
        return invited == null ? 0 : invited;
    }

    /** The sectors a survey goes to unless the sender chooses: both for the packages configured so, else the cluster. */
    Set<Sector> defaultAudience(OrderView order) {
        return settings.municipalAudience().contains(order.packageSlug())
                ? EnumSet.allOf(Sector.class)
                : EnumSet.of(Sector.CLUSTER);
    }

    /** Invites the recipients not invited yet, in random order (ids and places say nothing about the lists). */
    private int invite(OrderView order, long surveyId, List<Recipient> recipients, LocalDate closesOn) {
        List<Recipient> shuffled = new ArrayList<>(recipients);
        Collections.shuffle(shuffled);
        int count = 0;
        for (Recipient recipient : shuffled) {
            String token = Tokens.newToken();
            Long invitation = jdbc.sql("""
                            INSERT INTO survey_invitation (survey_id, email, token_hash, sector) VALUES (?, ?, ?, ?)
                            ON CONFLICT DO NOTHING RETURNING id""")
                    .params(
                            surveyId,
                            recipient.email(),
                            Tokens.hash(token),
                            recipient.sector().name())
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (invitation != null) {
                outbox.enqueueSecret(invitationMail(order, surveyId, recipient, token, closesOn, invitation));
                count++;
            }
        }
        return count;
    }

    /** The members (if chosen) and the municipal participants with an e-mail (if chosen), each address once. */
    private List<Recipient> recipients(OrderView order, Set<Sector> sectors) {
        Map<String, Recipient> byEmail = new LinkedHashMap<>();
        if (sectors.contains(Sector.CLUSTER)) {
            Map<Long, String> letters = practiceLetters(order);
            for (MemberView member : directory.members(order.clusterId())) {
                byEmail.putIfAbsent(
                        member.email().toLowerCase(Locale.ROOT),
                        new Recipient(
                                member.name(),
                                member.email(),
                                Sector.CLUSTER,
                                member.practiceName(),
                                member.practiceId() == null ? null : letters.get(member.practiceId())));
            }
        }
        if (sectors.contains(Sector.MUNICIPALITY)) {
            for (ParticipantView participant : participants(order)) {
                byEmail.putIfAbsent(
                        participant.email().toLowerCase(Locale.ROOT),
                        new Recipient(participant.name(), participant.email(), Sector.MUNICIPALITY, null, null));
            }
        }
        return List.copyOf(byEmail.values());
    }

    private static List<ParticipantView> participants(OrderView order) {
        return order.participants().stream()
                .filter(p -> p.email() != null && !p.email().isBlank())
                .toList();
    }

    /** Reminds those who have not answered (never those who have); the reminder points to the link of the invitation. */
    int remind(SurveyView survey) {
        return remind(survey, today(), EnumSet.allOf(Sector.class), false);
    }

    /**
     * Reminds those of the chosen sectors who have not answered; with the municipality chosen, its participants not
     * invited yet (added to the order since, or left out at sending) get their invitation now.
     *
     * @return how many mails were sent
     */
    int remind(SurveyView survey, Set<Sector> audience) {
        if (audience.isEmpty()) {
            throw new RuleViolation("survey.send.noAudience");
        }
        return remind(survey, today(), audience, true);
    }

    private int remind(SurveyView survey, LocalDate day, Set<Sector> audience, boolean inviteNew) {
        if (survey.status() != SurveyStatus.OPEN) {
            throw new RuleViolation("survey.remind.notOpen");
        }
        OrderView order = orders.find(survey.orderId()).orElseThrow();
        Integer sent = transaction.execute(status -> {
            List<String> emails = jdbc.sql("""
                            SELECT i.email FROM survey_invitation i WHERE i.survey_id = ? AND i.sector = ANY (?)
                              AND NOT EXISTS (SELECT 1 FROM survey_response_mark m WHERE m.invitation_id = i.id)""")
                    .params(survey.id(), audience.stream().map(Sector::name).toArray(String[]::new))
                    .query(String.class)
                    .list();
            emails.forEach(email -> outbox.enqueue(reminderMail(order, email, survey.closesOn(), survey.id())));
            jdbc.sql("""
                            INSERT INTO survey_reminder (survey_id, sent_on, recipients) VALUES (?, ?, ?)
                            ON CONFLICT (survey_id, sent_on) DO UPDATE SET recipients = survey_reminder.recipients + EXCLUDED.recipients""").params(survey.id(), day, emails.size()).update();
            int invited = inviteNew && audience.contains(Sector.MUNICIPALITY)
                    ? invite(order, survey.id(), recipients(order, EnumSet.of(Sector.MUNICIPALITY)), survey.closesOn())
                    : 0;
            return emails.size() + invited;
        });
        return sent == null ? 0 : sent;
    }

    void close(SurveyView survey, String by) {
        if (survey.status() != SurveyStatus.OPEN) {
            throw new RuleViolation("survey.close.notOpen");
        }
        transaction.executeWithoutResult(status -> {
            guarded(
                    jdbc.sql("UPDATE survey SET status = 'CLOSED', closed_at = now() WHERE id = ? AND status = 'OPEN'")
                            .param(survey.id())
                            .update(),
                    "survey.close.notOpen");
            progress.surveyClosed(survey.orderId(), by);
        });
    }

    void reopen(SurveyView survey, LocalDate closesOn) {
        OrderView order = orders.find(survey.orderId()).orElseThrow();
        if (survey.status() != SurveyStatus.CLOSED || order.status().compareTo(OrderStatus.DECK_READY) >= 0) {
            throw new RuleViolation("survey.reopen.notAllowed");
        }
        if (closesOn == null || !closesOn.isAfter(today())) {
            throw new RuleViolation("survey.send.closesOn");
        }
        transaction.executeWithoutResult(status -> {
            guarded(
                    jdbc.sql(
                                    "UPDATE survey SET status = 'OPEN', closes_on = ?, closed_at = NULL WHERE id = ? AND status = 'CLOSED'")
                            .params(closesOn, survey.id())
                            .update(),
                    "survey.reopen.notAllowed");
            progress.surveyReopened(survey.orderId(), null);
        });
    }

    /**
     * A status change is written only from the status it was checked in ({@code WHERE ... AND status = ?}): when two
     * people act at once, the second finds no row (PostgreSQL re-reads the row after the first commits) and is refused
     * like anyone acting too late, and its transaction, with every invitation of it, is rolled back.
     */
    static void guarded(int rowsChanged, String refusal) {
        if (rowsChanged == 0) {
            throw new RuleViolation(refusal);
        }
    }

    /** How many members the survey would be sent to now. */
    int memberCount(OrderView order) {
        return directory.members(order.clusterId()).size();
    }

    /** How many of the order's municipal participants have an e-mail to be invited at. */
    int participantCount(OrderView order) {
        return participants(order).size();
    }

    ResponseRate responseRate(long surveyId) {
        List<SectorRate> sectors = jdbc.sql("""
                        SELECT i.sector, count(*), count(m.invitation_id) FROM survey_invitation i
                        LEFT JOIN survey_response_mark m ON m.invitation_id = i.id
                        WHERE i.survey_id = ? GROUP BY i.sector ORDER BY i.sector""")
                .param(surveyId)
                .query((rs, n) -> new SectorRate(Sector.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
                .list();
        int invited = sectors.stream().mapToInt(SectorRate::invited).sum();
        int answered = sectors.stream().mapToInt(SectorRate::answered).sum();
        return new ResponseRate(invited, answered, outbox.failedCount(invitationReference(surveyId)), sectors);
    }

    @Bean
    RecurringTask<Void> surveyDeadlineJob() {
        return Tasks.recurring("survey-deadlines-and-reminders", FixedDelay.of(settings.jobInterval()))
                .execute((instance, context) -> deadlinesAndReminders(today()));
    }

    /** Closes surveys past their deadline and sends the reminders due today (once a day). */
    void deadlinesAndReminders(LocalDate today) {
        List<Long> orderIds = jdbc.sql("SELECT order_id FROM survey WHERE status = 'OPEN' AND closes_on < ?")
                .param(today)
                .query(Long.class)
                .list();
        orderIds.forEach(orderId -> surveys.find(orderId).ifPresent(survey -> close(survey, "Samspil (frist)")));
        jdbc.sql("SELECT order_id, closes_on, reminder_days FROM survey WHERE status = 'OPEN'")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3)})
                .list()
                .forEach(row -> {
                    LocalDate closes = (LocalDate) row[1];
                    boolean due = Arrays.stream(((String) row[2]).split(","))
                            .filter(s -> !s.isBlank())
                            .anyMatch(days -> closes.minusDays(Integer.parseInt(days.trim()))
                                    .equals(today));
                    long orderId = (Long) row[0];
                    surveys.find(orderId).ifPresent(survey -> {
                        boolean sentToday =
                                jdbc.sql("SELECT count(*) FROM survey_reminder WHERE survey_id = ? AND sent_on = ?")
                                                .params(survey.id(), today)
                                                .query(Integer.class)
                                                .single()
                                        > 0;
                        if (due && !sentToday) {
                            remind(survey, today, EnumSet.allOf(Sector.class), false);
                        }
                    });
                });
    }

    static String invitationReference(long surveyId) {
        return "survey:" + surveyId + ":invitation:";
    }

    static String normaliseDays(String days) {
        if (days == null || days.isBlank()) {
            return "";
        }
        return String.join(
                ",",
                Arrays.stream(days.split("[,; ]+"))
                        .filter(s -> s.matches("\\d{1,2}"))
                        .distinct()
                        .toList());
    }

    private OutgoingMail invitationMail(
            OrderView order, long surveyId, Recipient recipient, String token, LocalDate closesOn, long invitation) {
        Object[] args = {
            recipient.name(),
            order.clusterName(),
            order.packageTitle(),
            samspil.link("/s/" + token),
            DATE.format(closesOn),
            order.municipalityNames()
        };
        String body = messages.getMessage("survey.mail.invitation.body", args, DANISH);
        if (recipient.letter() != null) {
            body += "\n\n"
                    + messages.getMessage(
                            "survey.mail.invitation.letter",
                            new Object[] {recipient.practiceName(), recipient.letter()},
                            DANISH);
        }
        return new OutgoingMail(
                recipient.email(),
                messages.getMessage("survey.mail.invitation.subject", args, DANISH),
                body,
                invitationReference(surveyId) + invitation);
    }

    /** Practice id → the letter its figures are shown under, when the package has service data. */
    private Map<Long, String> practiceLetters(OrderView order) {
        Map<Long, String> letters = new HashMap<>();
        if (!figures.usesServiceData(order)) {
            return letters;
        }
        Map<String, String> byYdernummer = figures.letters(order);
        directory.practices(order.clusterId()).forEach(p -> {
            if (byYdernummer.containsKey(p.ydernummer())) {
                letters.put(p.id(), byYdernummer.get(p.ydernummer()));
            }
        });
        return letters;
    }

    private OutgoingMail reminderMail(OrderView order, String to, LocalDate closesOn, long surveyId) {
        Object[] args = {order.clusterName(), order.packageTitle(), DATE.format(closesOn)};
        return new OutgoingMail(
                to,
                messages.getMessage("survey.mail.reminder.subject", args, DANISH),
                messages.getMessage("survey.mail.reminder.body", args, DANISH),
                "survey:" + surveyId + ":reminder");
    }
}
