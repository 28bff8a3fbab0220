package dk.samspil.ordering;

import dk.samspil.catalog.PackageAttachments;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.directory.Directory;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.TaskView;
import dk.samspil.platform.SamspilSettings;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The Danish e-mails of an order, written from the templates in {@code i18n/ordering_da.properties}. */
@Component
class OrderMails {

    static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    private final MessageSource messages;
    private final SamspilSettings settings;
    private final Directory directory;
    private final PackageAttachments attachments;

    OrderMails(MessageSource messages, SamspilSettings settings, Directory directory, PackageAttachments attachments) {
        this.messages = messages;
        this.settings = settings;
        this.directory = directory;
        this.attachments = attachments;
    }

    /** The provider's name and how to reach it, one detail a line: the mails' signature. */
    String signature(String providerCode) {
        return directory
                .providerContact(providerCode)
                .map(contact -> Stream.of(
                                contact.name(),
                                contact.email(),
                                contact.phone() == null
                                        ? null
                                        : messages.getMessage(
                                                "order.mail.phone", new Object[] {contact.phone()}, DANISH),
                                contact.address())
                        .filter(line -> line != null && !line.isBlank())
                        .collect(Collectors.joining("\n")))
                .orElse(providerCode);
    }

    OutgoingMail orderReceived(OrderView order, String to) {
        return mail(
                to,
                "order.mail.received",
                "order:" + order.id() + ":received",
                order.packageTitle(),
                order.clusterName(),
                DATE.format(order.meetingDate()),
                orderLink(order),
                signature(order.providerCode()));
    }

    OutgoingMail newOrderForProvider(OrderView order, String to) {
        return mail(
                to,
                "order.mail.newOrder",
                "order:" + order.id() + ":new",
                order.packageTitle(),
                order.clusterName(),
                DATE.format(order.meetingDate()),
                DATE.format(order.callbackAt().toLocalDate()) + " kl. "
                        + TIME.format(order.callbackAt().toLocalTime()),
                orderLink(order));
    }

    OutgoingMail municipalInvitation(OrderView order, String to, String name, String token) {
        return mail(
                to,
                "order.mail.invitation",
                "order:" + order.id() + ":invitation",
                name,
                order.clusterName(),
                order.packageTitle(),
                DATE.format(order.meetingDate()),
                TIME.format(order.startTime()),
                order.venue(),
                settings.link("/invitation/" + token),
                orderLink(order),
                documentsLink(order));
    }

    /** To a participant who already has an account: where to find the meeting, and no password link. */
    OutgoingMail participantNotice(OrderView order, String to, String name, boolean seesOrder) {
        return mail(
                to,
                seesOrder ? "order.mail.participantNotice" : "order.mail.participantNoticeNoAccess",
                "order:" + order.id() + ":participant-notice",
                name,
                order.clusterName(),
                order.packageTitle(),
                DATE.format(order.meetingDate()),
                TIME.format(order.startTime()),
                order.venue(),
                orderLink(order),
                documentsLink(order));
    }

    /**
     * Seed 004's materials mail: the package, the order's questionnaire to comment on, the pre-meeting advice, the
     * drejebog, the requests. Every link opens for its recipient: the cluster page (member e-mails, provider numbers)
     * only in the coordinator's mail; the podcast only where the package names one.
     */
    OutgoingMail materials(OrderView order, PackageDefinition pkg, String to) {
        String packageLink = settings.link("/pakker/" + pkg.slug());
        boolean coordinator = to.equalsIgnoreCase(order.coordinatorEmail());
        String request = coordinator
                ? messages.getMessage(
                        "order.mail.materials.coordinatorRequest",
                        new Object[] {settings.link("/klynger/" + order.clusterId())},
                        DANISH)
                : messages.getMessage("order.mail.materials.participantRequest", null, DANISH);
        boolean podcast =
                pkg.podcast() && pkg.podcastUrl() != null && !pkg.podcastUrl().isBlank();
        return mail(
                to,
                "order.mail.materials",
                "order:" + order.id() + ":materials",
                order.packageTitle(),
                order.clusterName(),
                DATE.format(order.meetingDate()),
                packageLink,
                settings.link("/bestillinger/" + order.id() + "/spoergeskema"),
                orderLink(order),
                request,
                signature(order.providerCode()),
                documentsLink(order),
                podcast
                        ? messages.getMessage("order.mail.materials.podcast", new Object[] {pkg.podcastUrl()}, DANISH)
                        : "",
                providerMaterials(pkg));
    }

    /** The provider's materials of the package, a line each with where to open it; empty if there are none. */
    private String providerMaterials(PackageDefinition pkg) {
        var lines = attachments.of(pkg.slug()).stream()
                .map(a -> messages.getMessage(
                        "order.mail.materials.attachment",
                        new Object[] {
                            a.title(),
                            a.link() ? a.url() : settings.link("/pakker/" + pkg.slug() + "/materialer/" + a.id())
                        },
                        DANISH))
                .toList();
        return lines.isEmpty()
                ? ""
                : messages.getMessage("order.mail.materials.attachments", null, DANISH) + "\n"
                        + String.join("\n", lines) + "\n";
    }

    /** What changed in the order, a line each with the value before and after, and who changed it. */
    OutgoingMail changed(OrderView order, List<OrderChanges.Diff> diffs, String by, String to, long changeId) {
        String none = messages.getMessage("order.change.none", null, DANISH);
        String lines = diffs.stream()
                .map(d -> messages.getMessage(
                        "order.mail.changed.line",
                        new Object[] {
                            messages.getMessage(
                                    "order.change.field." + d.field().name(), null, DANISH),
                            d.oldValue() == null || d.oldValue().isBlank() ? none : d.oldValue(),
                            d.newValue() == null || d.newValue().isBlank() ? none : d.newValue()
                        },
                        DANISH))
                .collect(Collectors.joining("\n"));
        return mail(
                to,
                "order.mail.changed",
                "order:" + order.id() + ":change:" + changeId,
                order.packageTitle(),
                order.clusterName(),
                DATE.format(order.meetingDate()),
                TIME.format(order.startTime()),
                order.venue(),
                by,
                lines,
                orderLink(order));
    }

    OutgoingMail reminder(OrderView order, TaskView task, String to, boolean overdue) {
        String step = task.title() != null ? task.title() : messages.getMessage(task.labelKey(), null, DANISH);
        return mail(
                to,
                overdue ? "order.mail.overdue" : "order.mail.dueSoon",
                "order:" + order.id() + ":task:" + task.identity() + (overdue ? ":overdue" : ":due"),
                step,
                order.packageTitle(),
                order.clusterName(),
                DATE.format(task.due()),
                orderLink(order));
    }

    private OutgoingMail mail(String to, String key, String reference, Object... args) {
        return new OutgoingMail(
                to,
                messages.getMessage(key + ".subject", args, DANISH),
                messages.getMessage(key + ".body", args, DANISH),
                reference);
    }

    /** The order's package documents: invitations with the programme, checklist, dialogue sheet, fact sheet. */
    private String documentsLink(OrderView order) {
        return settings.link("/bestillinger/" + order.id() + "/dokumenter");
    }

    private String orderLink(OrderView order) {
        return settings.link("/bestillinger/" + order.id());
    }
}
