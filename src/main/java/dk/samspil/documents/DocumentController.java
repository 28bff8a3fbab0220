package dk.samspil.documents;

import dk.samspil.documents.OrderDocuments.Document;
import dk.samspil.documents.PackageDocuments.Kind;
import dk.samspil.office.Downloads;
import dk.samspil.ordering.OrderGuard;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.SamspilPrincipal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The order's package documents for everyone who sees the order: each as Word (written on request) and as PDF once
 * the background job has made it; the list refreshes itself (htmx) while PDFs are being made.
 */
@Controller
class DocumentController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final OrderGuard guard;
    private final OrderDocuments documents;

    DocumentController(OrderGuard guard, OrderDocuments documents) {
        this.guard = guard;
        this.documents = documents;
    }

    @GetMapping("/bestillinger/{orderId}/dokumenter")
    String page(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        prepare(model, guard.visible(user, orderId));
        return "documents/documents";
    }

    @GetMapping("/bestillinger/{orderId}/dokumenter/liste")
    String list(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        prepare(model, guard.visible(user, orderId));
        return "documents/documents :: list";
    }

    @GetMapping("/bestillinger/{orderId}/dokumenter/{token}/{stem}.docx")
    ResponseEntity<byte[]> docx(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable String token,
            @PathVariable String stem) {
        OrderView order = guard.visible(user, orderId);
        Kind kind = kind(order, token, stem);
        return Downloads.attachment(documents.docx(order, kind), DOCX, kind.fileStem() + ".docx");
    }

    @GetMapping("/bestillinger/{orderId}/dokumenter/{token}/{stem}.pdf")
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable String token,
            @PathVariable String stem) {
        OrderView order = guard.visible(user, orderId);
        Kind kind = kind(order, token, stem);
        byte[] pdf = documents
                .pdf(order, kind)
                .orElseThrow(() -> new AccessRefusedException("documents:" + orderId + ":pdf"));
        return Downloads.attachment(pdf, MediaType.APPLICATION_PDF, kind.fileStem() + ".pdf");
    }

    private void prepare(Model model, OrderView order) {
        List<Document> list = documents.documents(order);
        model.addAttribute("order", order);
        model.addAttribute("documents", list);
        model.addAttribute("token", documents.linkToken(order));
        model.addAttribute("pdfPossible", documents.pdfPossible());
        model.addAttribute("pending", documents.stillMaking(order, list));
    }

    private Kind kind(OrderView order, String token, String stem) {
        if (!documents.validToken(order, token)) {
            throw new AccessRefusedException("documents:" + order.id());
        }
        return documents.kinds(order).stream()
                .filter(k -> k.fileStem().equals(stem))
                .findFirst()
                .orElseThrow(() -> new AccessRefusedException("documents:" + order.id() + ":" + stem));
    }
}
