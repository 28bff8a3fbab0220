package dk.samspil.deck;

import dk.samspil.catalog.Catalog;
import dk.samspil.office.DocumentVersions.Version;
import dk.samspil.office.Downloads;
import dk.samspil.ordering.OrderGuard;
import dk.samspil.ordering.OrderPackage;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.security.Access;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The order's deck page: every version with its downloads for everyone who sees the order; generating and sending
 * for the provider's consultant. While a version is being made, the list refreshes itself (htmx). The order's
 * municipality uploads the slides of its talks here; the deck copies them in the talk's place.
 */
@Controller
class DeckController {

    static final MediaType PPTX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.presentationml.presentation");

    private final OrderGuard guard;
    private final Decks decks;
    private final MunicipalTalks talks;
    private final Catalog catalog;
    private final Access access;

    DeckController(OrderGuard guard, Decks decks, MunicipalTalks talks, Catalog catalog, Access access) {
        this.guard = guard;
        this.decks = decks;
        this.talks = talks;
        this.catalog = catalog;
        this.access = access;
    }

    @GetMapping("/bestillinger/{orderId}/praesentation")
    String page(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        OrderView order = guard.readable(user, orderId);
        model.addAttribute("order", order);
        model.addAttribute("canManage", Orders.canManage(user, order));
        model.addAttribute("versions", decks.versions(orderId));
        model.addAttribute("talkBlocks", talkBlocks(order));
        model.addAttribute("canUploadTalk", canUploadTalk(user, order));
        model.addAttribute("talkMaxSlides", MunicipalTalks.MAX_SLIDES);
        return "deck/decks";
    }

    /** A programme block with a talk by the municipality, and its uploaded slides if any. */
    record TalkBlock(int position, String title, MunicipalTalks.Talk talk) {}

    private List<TalkBlock> talkBlocks(OrderView order) {
        var programme = OrderPackage.of(catalog, order).programme();
        Map<Integer, MunicipalTalks.Talk> uploaded = talks.talks(order.id());
        List<TalkBlock> blocks = new ArrayList<>();
        for (int i = 0; i < programme.size(); i++) {
            if (DeckAssembler.hasMunicipalTalk(programme.get(i))) {
                blocks.add(new TalkBlock(i, programme.get(i).title(), uploaded.get(i)));
            }
        }
        return blocks;
    }

    /** The order's municipality uploads its own talk; the provider's consultant may do it on its behalf. */
    private static boolean canUploadTalk(SamspilPrincipal user, OrderView order) {
        return Orders.canManage(user, order)
                || (user.is(Role.MUNICIPALITY) && order.involvesMunicipality(user.municipalityCode()));
    }

    private OrderView talkWriter(SamspilPrincipal user, long orderId, int block) {
        OrderView order = guard.visible(user, orderId);
        access.require(
                canUploadTalk(user, order) && talkBlocks(order).stream().anyMatch(b -> b.position() == block),
                user,
                "order:" + orderId + ":municipal-talk:" + block);
        return order;
    }

    @PostMapping("/bestillinger/{orderId}/praesentation/oplaeg/{block}")
    String uploadTalk(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable int block,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        OrderView order = talkWriter(user, orderId, block);
        try {
            MunicipalTalks.Talk talk = talks.save(
                    orderId,
                    block,
                    file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(),
                    user.displayName());
            redirect.addFlashAttribute("success", "deck.talk.saved");
            redirect.addFlashAttribute("successArgs", new Object[] {talk.fileName(), talk.slides()});
            return "redirect:/bestillinger/" + orderId + "/praesentation#talk-" + block;
        } catch (MunicipalTalks.Refused refused) {
            model.addAttribute("talkError", refused.messageKey);
            model.addAttribute("talkErrorBlock", block);
            return page(user, order.id(), model);
        }
    }

    /** Where an upload over the size limit is sent back to (see UploadLimitFilter): the page, the message at the field. */
    @GetMapping("/bestillinger/{orderId}/praesentation/oplaeg/{block}")
    String talkRefused(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable int block,
            Model model,
            RedirectAttributes redirect) {
        talkWriter(user, orderId, block);
        if (model.getAttribute("uploadError") != null) {
            redirect.addFlashAttribute("talkError", "deck.talk.tooLarge");
            redirect.addFlashAttribute("talkErrorBlock", block);
        }
        return "redirect:/bestillinger/" + orderId + "/praesentation#talk-" + block;
    }

    @PostMapping("/bestillinger/{orderId}/praesentation/oplaeg/{block}/fjern")
    String removeTalk(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable int block,
            RedirectAttributes redirect) {
        talkWriter(user, orderId, block);
        talks.remove(orderId, block);
        redirect.addFlashAttribute("success", "deck.talk.removed");
        return "redirect:/bestillinger/" + orderId + "/praesentation#talk-" + block;
    }

    /** The list of versions alone, for the page's polling while one is being made. */
    @GetMapping("/bestillinger/{orderId}/praesentation/versioner")
    String versions(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        OrderView order = guard.readable(user, orderId);
        model.addAttribute("order", order);
        model.addAttribute("canManage", Orders.canManage(user, order));
        model.addAttribute("versions", decks.versions(orderId));
        return "deck/decks :: versions";
    }

    @PostMapping("/bestillinger/{orderId}/praesentation")
    String generate(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, RedirectAttributes redirect) {
        OrderView order = guard.managed(user, orderId);
        Version version = decks.request(order, user.getUsername());
        redirect.addFlashAttribute("success", "deck.requested");
        redirect.addFlashAttribute("successArgs", new Object[] {version.version()});
        return "redirect:/bestillinger/" + orderId + "/praesentation";
    }

    @PostMapping("/bestillinger/{orderId}/praesentation/{token}/send")
    String send(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable String token,
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
    ResponseEntity<byte[]> pptx(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, @PathVariable String token) {
        OrderView order = guard.readable(user, orderId);
        Version version = decks.find(orderId, token)
                .filter(Version::ready)
                .orElseThrow(() -> new AccessRefusedException("deck:" + orderId));
        return Downloads.attachment(decks.pptx(version).orElseThrow(), PPTX, fileName(order, version, "pptx"));
    }

    @GetMapping("/bestillinger/{orderId}/praesentation/{token}.pdf")
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, @PathVariable String token) {
        OrderView order = guard.readable(user, orderId);
        Version version = decks.find(orderId, token)
                .filter(Version::ready)
                .orElseThrow(() -> new AccessRefusedException("deck:" + orderId));
        return Downloads.attachment(
                decks.pdf(version).orElseThrow(() -> new AccessRefusedException("deck:" + orderId + ":pdf")),
                MediaType.APPLICATION_PDF,
                fileName(order, version, "pdf"));
    }

    private static String fileName(OrderView order, Version version, String extension) {
        String cluster =
                order.clusterName().replaceAll("[^\\p{L}\\p{N} ._-]", "").strip();
        return Wording.text(
                "deck.fileName", cluster, order.meetingDate().toString(), String.valueOf(version.version()), extension);
    }
}
