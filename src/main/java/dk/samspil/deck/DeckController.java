package dk.samspil.deck;

import dk.samspil.platform.DocumentVersions.Version;
import dk.samspil.ordering.OrderGuard;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.SamspilPrincipal;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The order's deck page: every version with its downloads for everyone who sees the order; generating and sending
 * for the provider's consultant. While a version is being made, the list refreshes itself (htmx).
 */
@Controller
class DeckController {

    static final MediaType PPTX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.presentationml.presentation");

    private final OrderGuard guard;
    private final Decks decks;

    DeckController(OrderGuard guard, Decks decks) {
        this.guard = guard;
        this.decks = decks;
    }

    @GetMapping("/bestillinger/{orderId}/praesentation")
    String page(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        OrderView order = guard.visible(user, orderId);
        model.addAttribute("order", order);
        model.addAttribute("canManage", Orders.canManage(user, order));
        model.addAttribute("versions", decks.versions(orderId));
        return "deck/decks";
    }

    /** The list of versions alone, for the page's polling while one is being made. */
    @GetMapping("/bestillinger/{orderId}/praesentation/versioner")
    String versions(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        OrderView order = guard.visible(user, orderId);
        model.addAttribute("order", order);
        model.addAttribute("canManage", Orders.canManage(user, order));
        model.addAttribute("versions", decks.versions(orderId));
        return "deck/decks :: versions";
    }

    @PostMapping("/bestillinger/{orderId}/praesentation")
    String generate(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, RedirectAttributes redirect) {
        OrderView order = guard.managed(user, orderId);
        Version version = decks.request(order, user.getUsername());
        redirect.addFlashAttribute("success", "deck.requested");
        redirect.addFlashAttribute("successArgs", new Object[] {version.version()});
        return "redirect:/bestillinger/" + orderId + "/praesentation";
    }

    @PostMapping("/bestillinger/{orderId}/praesentation/{token}/send")
    String send(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, @PathVariable String token,
            RedirectAttributes redirect) {
        OrderView order = guard.managed(user, orderId);
        Version version = decks.find(orderId, token).orElseThrow(() -> new AccessRefusedException("deck:" + orderId));
        if (!version.ready()) {
            redirect.addFlashAttribute("error", "deck.notReady");
            return "redirect:/bestillinger/" + orderId + "/praesentation";
        }
        int recipients = decks.send(order, version, user.getUsername());
        redirect.addFlashAttribute("success", "deck.sent");
        redirect.addFlashAttribute("successArgs", new Object[] {version.version(), recipients});
        return "redirect:/bestillinger/" + orderId + "/praesentation";
    }

    @GetMapping("/bestillinger/{orderId}/praesentation/{token}.pptx")
    ResponseEntity<byte[]> pptx(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, @PathVariable String token) {
        OrderView order = guard.visible(user, orderId);
        Version version = decks.find(orderId, token).filter(Version::ready).orElseThrow(() -> new AccessRefusedException("deck:" + orderId));
        return download(decks.pptx(version).orElseThrow(), PPTX, fileName(order, version, "pptx"));
    }

    @GetMapping("/bestillinger/{orderId}/praesentation/{token}.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, @PathVariable String token) {
        OrderView order = guard.visible(user, orderId);
        Version version = decks.find(orderId, token).filter(Version::ready).orElseThrow(() -> new AccessRefusedException("deck:" + orderId));
        return download(decks.pdf(version).orElseThrow(() -> new AccessRefusedException("deck:" + orderId + ":pdf")),
                MediaType.APPLICATION_PDF, fileName(order, version, "pdf"));
    }

    private static String fileName(OrderView order, Version version, String extension) {
        String cluster = order.clusterName().replaceAll("[^\\p{L}\\p{N} ._-]", "").strip();
        return "Klyngemøde " + cluster + " " + order.meetingDate() + " v" + version.version() + "." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
