package dk.samspil.deck;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.office.DocumentVersions;
import dk.samspil.office.DocumentVersions.Version;
import dk.samspil.office.GeneratedDocuments;
import dk.samspil.office.OfficeConverter;
import dk.samspil.ordering.OrderProgress;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.platform.SamspilSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order's meeting decks: each generation is a new version (earlier ones stay downloadable), made in the
 * background by the persistent scheduler (so a restart does not lose it) — the .pptx first, then its PDF through
 * LibreOffice. Sending a version mails the coordinator and the municipal participants a link (not a 20 MB
 * attachment) and ticks the timeline's "final deck" task.
 */
@Service
public class Decks extends GeneratedDocuments {

    /** The deck's kind among the generated documents (office's document_version). */
    static final String KIND = "DECK";

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private final Orders orders;
    private final DeckAssembler assembler;
    private final OfficeConverter office;
    private final Outbox outbox;
    private final OrderProgress progress;
    private final SamspilSettings settings;
    private final DeckSettings deckSettings;
    private final MessageSource messages;
    private final Map<String, DeckWriter> writers = new ConcurrentHashMap<>();
    private volatile DeckWriter bundled;
    private final Timer pptxTime;

    Decks(
            JdbcClient jdbc,
            Orders orders,
            DeckAssembler assembler,
            OfficeConverter office,
            Outbox outbox,
            OrderProgress progress,
            SamspilSettings settings,
            DeckSettings deckSettings,
            MessageSource messages,
            ObjectProvider<SchedulerClient> scheduler,
            @Qualifier("deckGenerationTask") ObjectProvider<OneTimeTask<Long>> task,
            MeterRegistry meters) {
        super(new DocumentVersions(jdbc, KIND), scheduler, task);
        this.orders = orders;
        this.assembler = assembler;
        this.office = office;
        this.outbox = outbox;
        this.progress = progress;
        this.settings = settings;
        this.deckSettings = deckSettings;
        this.messages = messages;
        this.pptxTime = Timer.builder("samspil.deck.generation")
                .description("Writing a deck's .pptx")
                .register(meters);
    }

    /** Asks for a new version of the order's deck; it is made in the background. */
    public Version request(OrderView order, String by) {
        return newVersion(order.id(), by);
    }

    /** Makes the version's .pptx and PDF; called by the scheduler's task. */
    void build(long id) {
        store.make(
                id,
                orderId -> orders.find(orderId).map(order -> {
                    DeckContent content = assembler.assemble(order);
                    ByteArrayOutputStream pptx = new ByteArrayOutputStream(256 * 1024);
                    Timer.Sample sample = Timer.start();
                    try {
                        writer(order.providerCode()).write(content, pptx);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        sample.stop(pptxTime);
                    }
                    byte[] bytes = pptx.toByteArray();
                    return new DocumentVersions.Made(
                            bytes, office.toPdf(bytes, "pptx").orElse(null), DeckWriter.slideCount(content));
                }));
    }

    /** The .pptx of a ready version. */
    public Optional<byte[]> pptx(Version version) {
        return document(version);
    }

    /** Mails the coordinator and the municipal participants a link to the version; ticks "final deck". */
    @Transactional
    public int send(OrderView order, Version version, String by) {
        if (!version.ready()) {
            throw new IllegalStateException("Only a finished deck can be sent");
        }
        List<String> recipients = orders.meetingEmails(order);
        String date = order.meetingDate().format(DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH));
        Object[] args = {
            order.packageTitle(),
            order.clusterName(),
            date,
            version.version(),
            settings.link("/bestillinger/" + order.id() + "/praesentation")
        };
        for (String to : recipients) {
            outbox.enqueue(new OutgoingMail(
                    to,
                    messages.getMessage("deck.mail.subject", args, DANISH),
                    messages.getMessage("deck.mail.body", args, DANISH),
                    "order:" + order.id() + ":deck:" + version.version()));
        }
        store.sent(version.id(), by);
        progress.deckSent(order.id(), by);
        return recipients.size();
    }

    /** The writer on the provider's own template (setting {@code samspil.deck.templates.<PROVIDER>}), else the bundled one. */
    DeckWriter writer(String providerCode) {
        Path configured = deckSettings.templates().get(providerCode);
        if (configured == null) {
            if (bundled == null) {
                bundled = new DeckWriter();
            }
            return bundled;
        }
        return writers.computeIfAbsent(providerCode, code -> {
            Path template = deckSettings.templates().get(code);
            try {
                return new DeckWriter(Files.readAllBytes(template));
            } catch (IOException e) {
                throw new IllegalStateException(
                        "The deck template " + template + " of provider " + code + " cannot be read", e);
            }
        });
    }
}
