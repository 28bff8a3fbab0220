package dk.samspil.meeting;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.meeting.Meetings.Heading;
import dk.samspil.meeting.Meetings.MeetingView;
import dk.samspil.office.DocumentVersions;
import dk.samspil.office.DocumentVersions.Version;
import dk.samspil.office.GeneratedDocuments;
import dk.samspil.office.OfficeConverter;
import dk.samspil.ordering.OrderProgress;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.platform.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referat of an order's meeting: each "make" is a new version kept with the meeting, written as Word from the
 * meeting as it stands and converted to PDF in the background. Sending mails everyone of the meeting a link and
 * records that the meeting was held.
 */
@Service
public class Minutes extends GeneratedDocuments {

    /** How long a member's personal link to the referat opens it. */
    static final Duration LINK_LIFETIME = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Orders orders;
    private final Meetings meetings;
    private final OfficeConverter office;
    private final Outbox outbox;
    private final OrderProgress progress;
    private final SamspilSettings settings;
    private final MessageSource messages;
    private final MinutesDocument document;

    Minutes(
            JdbcClient jdbc,
            Orders orders,
            Meetings meetings,
            OfficeConverter office,
            Outbox outbox,
            OrderProgress progress,
            SamspilSettings settings,
            MessageSource messages,
            ObjectProvider<SchedulerClient> scheduler,
            @Qualifier("minutesTask") ObjectProvider<OneTimeTask<Long>> task,
            Clock clock) {
        super(new DocumentVersions(jdbc, "MINUTES"), scheduler, task);
        this.jdbc = jdbc;
        this.clock = clock;
        this.orders = orders;
        this.meetings = meetings;
        this.office = office;
        this.outbox = outbox;
        this.progress = progress;
        this.settings = settings;
        this.messages = messages;
        this.document = new MinutesDocument(messages);
    }

    /** Asks for a new version of the meeting's referat; it is made in the background. */
    public Version request(long meetingId, String by) {
        return newVersion(meetingId, by);
    }

    /** Writes the version's Word file from the meeting as it is now, then its PDF; run by the scheduler. */
    void build(long id) {
        store.make(
                id,
                meetingId -> meetings.meeting(meetingId).map(meeting -> {
                    byte[] docx = document.write(meeting);
                    return new DocumentVersions.Made(
                            docx, office.toPdf(docx, "docx").orElse(null), null);
                }));
    }

    /** The Word file of a ready version. */
    public Optional<byte[]> docx(Version version) {
        return document(version);
    }

    /**
     * Mails a link to the referat: for an order's meeting, the coordinator and every municipal participant a link to
     * the meeting page, and every member recorded as present (they sign in nowhere) a personal link to this version;
     * for a hosted meeting, those present with an account a link to the meeting page and the others present a
     * personal link. An order's meeting is then recorded as held. Returns the number of recipients.
     */
    @Transactional
    public int send(MeetingView meeting, Version version, String by) {
        if (!version.ready() || version.ownerId() != meeting.id()) {
            throw new IllegalStateException("Only finished minutes of this meeting can be sent");
        }
        OrderView order = meeting.order();
        // An order's coordinator and municipal contacts, a hosted meeting's people with an account who were present:
        // a link to the meeting page, where they sign in. Everyone else present: a personal link to the file.
        Set<String> accounts = order == null ? meetings.accountEmails(meeting.id()) : Set.of();
        List<String> withAccount = order == null
                ? meetings.presentEmails(meeting.id()).stream()
                        .map(String::strip)
                        .filter(e -> accounts.contains(e.toLowerCase(Locale.ROOT)))
                        .distinct()
                        .toList()
                : orders.meetingEmails(order).stream()
                        .map(String::strip)
                        .distinct()
                        .toList();
        List<String> personal = meetings.presentEmails(meeting.id()).stream()
                .map(String::strip)
                .filter(e -> withAccount.stream().noneMatch(e::equalsIgnoreCase))
                .distinct()
                .toList();
        Heading heading = meeting.heading();
        Object[] args = {
            heading.title(),
            heading.backLabel(),
            heading.date().format(MinutesDocument.DATE),
            version.version(),
            settings.link(order == null ? "/moeder/" + meeting.id() : "/bestillinger/" + order.id() + "/moede")
        };
        String hosted = order == null ? "Hosted" : "";
        String subject = messages.getMessage("meeting.minutes.mail.subject" + hosted, args, MinutesDocument.DANISH);
        String reference =
                (order == null ? "meeting:" + meeting.id() : "order:" + order.id()) + ":minutes:" + version.version();
        for (String to : withAccount) {
            outbox.enqueue(new OutgoingMail(
                    to,
                    subject,
                    messages.getMessage("meeting.minutes.mail.body" + hosted, args, MinutesDocument.DANISH),
                    reference));
        }
        for (String to : personal) {
            String token = Tokens.newToken();
            jdbc.sql("INSERT INTO meeting_minutes_link (token_hash, version_id, email, expires_at) VALUES (?, ?, ?, ?)")
                    .params(
                            Tokens.hash(token),
                            version.id(),
                            to,
                            OffsetDateTime.now(clock).plus(LINK_LIFETIME))
                    .update();
            Object[] link = {
                args[0], args[1], args[2], args[3], settings.link("/referat/" + token), LINK_LIFETIME.toDays()
            };
            outbox.enqueue(new OutgoingMail(
                    to,
                    subject,
                    messages.getMessage("meeting.minutes.mail.personal" + hosted, link, MinutesDocument.DANISH),
                    reference));
        }
        store.sent(version.id(), by);
        if (order != null) {
            progress.meetingHeld(order.id(), by);
        }
        return withAccount.size() + personal.size();
    }

    /** The version a member's personal link opens, while it lasts. */
    public Optional<Version> byPersonalLink(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT version_id FROM meeting_minutes_link WHERE token_hash = ? AND expires_at > ?")
                .params(Tokens.hash(token), OffsetDateTime.now(clock))
                .query(Long.class)
                .optional()
                .flatMap(this::find);
    }
}
