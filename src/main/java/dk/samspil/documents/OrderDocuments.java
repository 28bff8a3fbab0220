package dk.samspil.documents;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.documents.PackageDocuments.Facts;
import dk.samspil.documents.PackageDocuments.Kind;
import dk.samspil.office.OfficeConverter;
import dk.samspil.ordering.OrderPackage;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.platform.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An order's package documents (invitations, programme, checklist, dialogue sheet, fact sheet, the municipality's
 * drejebog): Word files written on request from the package and the order's facts, and their PDFs made in the
 * background by LibreOffice whenever the facts they were made from have changed.
 */
@Service
class OrderDocuments {

    /** One document of the order: its PDF when one matches the order as it is now. */
    public record Document(Kind kind, String title, boolean pdfReady, OffsetDateTime pdfMadeAt) {}

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Orders orders;
    private final OfficeConverter office;
    private final SamspilSettings settings;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<OneTimeTask<Long>> task;
    /** Per order, the facts its PDFs were last attempted for: a PDF LibreOffice cannot make is not retried at every look. */
    private final Map<Long, String> attempted = new ConcurrentHashMap<>();

    OrderDocuments(
            JdbcClient jdbc,
            Catalog catalog,
            Orders orders,
            OfficeConverter office,
            SamspilSettings settings,
            ObjectProvider<SchedulerClient> scheduler,
            @Qualifier("documentPdfTask") ObjectProvider<OneTimeTask<Long>> task) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.orders = orders;
        this.office = office;
        this.settings = settings;
        this.scheduler = scheduler;
        this.task = task;
    }

    public List<Kind> kinds(OrderView order) {
        return PackageDocuments.kinds(pkg(order));
    }

    /** The documents with the state of their PDFs; PDFs missing or made from older facts are asked for. */
    public List<Document> documents(OrderView order) {
        String hash = factsHash(order);
        Map<String, OffsetDateTime> made = new HashMap<>();
        jdbc.sql("SELECT kind, made_at FROM order_document_pdf WHERE order_id = ? AND facts_hash = ?")
                .params(order.id(), hash)
                .query((rs, n) -> made.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
                .list();
        List<Document> documents = kinds(order).stream()
                .map(kind -> new Document(kind, kind.title(), made.containsKey(kind.name()), made.get(kind.name())))
                .toList();
        if (stillMaking(order, hash, documents)) {
            scheduler
                    .getObject()
                    .scheduleIfNotExists(task.getObject().instance("order-" + order.id(), order.id()), Instant.now());
        }
        return documents;
    }

    /** The unguessable part of the order's document addresses, made the first time. */
    public String linkToken(OrderView order) {
        return jdbc.sql("SELECT token FROM order_document_link WHERE order_id = ?")
                .param(order.id())
                .query(String.class)
                .optional()
                .orElseGet(() -> {
                    jdbc.sql("INSERT INTO order_document_link (order_id, token) VALUES (?, ?) ON CONFLICT DO NOTHING")
                            .params(order.id(), Tokens.newToken())
                            .update();
                    return jdbc.sql("SELECT token FROM order_document_link WHERE order_id = ?")
                            .param(order.id())
                            .query(String.class)
                            .single();
                });
    }

    /** Whether the token is the order's document token. */
    public boolean validToken(OrderView order, String token) {
        return Tokens.wellFormed(token)
                && jdbc.sql("SELECT count(*) FROM order_document_link WHERE order_id = ? AND token = ?")
                                .params(order.id(), token)
                                .query(Integer.class)
                                .single()
                        > 0;
    }

    /** Whether PDFs of the order are still being made (missing, possible here, and not yet attempted for these facts). */
    public boolean stillMaking(OrderView order, List<Document> documents) {
        return stillMaking(order, factsHash(order), documents);
    }

    private boolean stillMaking(OrderView order, String hash, List<Document> documents) {
        return office.available()
                && !hash.equals(attempted.get(order.id()))
                && documents.stream().anyMatch(d -> !d.pdfReady());
    }

    /** Whether PDFs can be made here at all. */
    public boolean pdfPossible() {
        return office.available();
    }

    public byte[] docx(OrderView order, Kind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PackageDocuments.write(kind, pkg(order), facts(order), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public Optional<byte[]> pdf(OrderView order, Kind kind) {
        return jdbc.sql("SELECT pdf FROM order_document_pdf WHERE order_id = ? AND kind = ? AND facts_hash = ?")
                .params(order.id(), kind.name(), factsHash(order))
                .query(byte[].class)
                .optional();
    }

    /** Makes the PDFs that are missing or stale; run by the scheduler. */
    void makePdfs(long orderId) {
        OrderView order = orders.find(orderId).orElse(null);
        if (order == null) {
            return;
        }
        String hash = factsHash(order);
        for (Kind kind : kinds(order)) {
            boolean fresh = jdbc.sql(
                                    "SELECT count(*) FROM order_document_pdf WHERE order_id = ? AND kind = ? AND facts_hash = ?")
                            .params(orderId, kind.name(), hash)
                            .query(Integer.class)
                            .single()
                    > 0;
            if (!fresh) {
                office.toPdf(docx(order, kind), "docx")
                        .ifPresent(pdf -> jdbc.sql("""
                                INSERT INTO order_document_pdf (order_id, kind, facts_hash, pdf) VALUES (?, ?, ?, ?)
                                ON CONFLICT (order_id, kind) DO UPDATE SET facts_hash = excluded.facts_hash, pdf = excluded.pdf,
                                    made_at = now()""")
                                .params(orderId, kind.name(), hash, pdf)
                                .update());
            }
        }
        attempted.put(orderId, hash);
    }

    Facts facts(OrderView order) {
        PackageDefinition pkg = pkg(order);
        return new Facts(
                order.clusterName(),
                order.municipalityNames(),
                order.meetingDate(),
                order.startTime(),
                order.venue(),
                order.coordinatorName(),
                "KIAP".equals(pkg.provider()) ? "KiAP" : pkg.provider(),
                settings.link("/bestillinger/" + order.id()),
                null);
    }

    private String factsHash(OrderView order) {
        // The order's own programme, once adapted, is a fact its documents are made from too.
        return Tokens.hash(
                order.packageSlug() + "|" + facts(order) + "|" + OrderPackage.electiveTitles(pkg(order), order)
                        + (order.programme() == null ? "" : "|" + order.programme()));
    }

    private PackageDefinition pkg(OrderView order) {
        return OrderPackage.of(catalog, order);
    }
}
