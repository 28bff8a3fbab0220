package dk.samspil.publishing;

import dk.samspil.platform.RuleViolation;
import dk.samspil.publishing.NewsletterRequests.Author;
import dk.samspil.publishing.NewsletterRequests.RequestView;
import dk.samspil.security.Access;
import dk.samspil.security.SamspilPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator's PKOrientering (/nyhedsmails/pkorientering): which quarter's issue is due, this year's issues, the
 * departments' contributions received, and the issue compiled from those chosen. Only for a coordinator with a
 * hospital unit; everyone else gets 404.
 */
@Controller
class PkOrienteringController {

    static final String PAGE = "publishing/pkorientering";

    private final PkOrientering pkOrientering;
    private final NewsletterAuthors authors;
    private final NewsletterAudiences audiences;
    private final Access access;
    private final Clock clock;

    PkOrienteringController(
            PkOrientering pkOrientering,
            NewsletterAuthors authors,
            NewsletterAudiences audiences,
            Access access,
            Clock clock) {
        this.pkOrientering = pkOrientering;
        this.authors = authors;
        this.audiences = audiences;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/nyhedsmails/pkorientering")
    String page(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        long unit = unit(user);
        Author coordinator = authors.requireAuthor(user);
        LocalDate today = LocalDate.now(clock);
        var issues = pkOrientering.issues(unit);
        model.addAttribute("unitName", audiences.units(coordinator.regionCode()).getOrDefault(unit, ""));
        model.addAttribute("due", pkOrientering.due(issues, today));
        model.addAttribute("quarters", pkOrientering.year(issues, today));
        model.addAttribute("issues", issues);
        model.addAttribute("waiting", pkOrientering.waiting(unit));
        return PAGE;
    }

    @PostMapping("/nyhedsmails/pkorientering")
    String compile(
            @AuthenticationPrincipal SamspilPrincipal user,
            @RequestParam(name = "kvartal", required = false) String quarter,
            @RequestParam(name = "bidrag", required = false) List<String> chosen,
            RedirectAttributes redirect) {
        long unit = unit(user);
        Author coordinator = authors.requireAuthor(user);
        List<Long> ids = new ArrayList<>();
        for (String value : chosen == null ? List.<String>of() : chosen) {
            try {
                ids.add(Long.valueOf(value.strip()));
            } catch (NumberFormatException malformed) {
                return refused(redirect, "publishing.pkorientering.rule.unknownContribution");
            }
        }
        if (ids.size() > 100) {
            return refused(redirect, "publishing.pkorientering.rule.unknownContribution");
        }
        long id;
        try {
            id = pkOrientering.compile(coordinator, unit, quarter, ids, LocalDate.now(clock));
        } catch (RuleViolation refused) {
            return refused(redirect, refused.messageKey());
        }
        redirect.addFlashAttribute("success", "publishing.pkorientering.compiled");
        return "redirect:/nyhedsmails/" + id;
    }

    /** The coordinator sends a waiting contribution back to its author with a comment (required). */
    @PostMapping("/nyhedsmails/pkorientering/{id}/tilbage")
    String sendBack(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @RequestParam(name = "kommentar", required = false) String comment,
            RedirectAttributes redirect) {
        long unit = unit(user);
        Author coordinator = authors.requireAuthor(user);
        RequestView request = authors.readable(user, id);
        access.require(authors.sentToCoordinator(request, user), user, "publishing:" + id + ":return");
        String error = RequestForm.blank(comment)
                ? "publishing.return.comment.required"
                : comment.length() > MAX_COMMENT ? "field.tooLong" : null;
        if (error == null) {
            try {
                pkOrientering.sendBack(request, unit, coordinator, comment.strip());
                redirect.addFlashAttribute("success", "publishing.return.done");
                return "redirect:/nyhedsmails/pkorientering";
            } catch (RuleViolation refused) {
                error = refused.messageKey();
            }
        }
        redirect.addFlashAttribute("error", error);
        redirect.addFlashAttribute("errorAt", "tilbage");
        redirect.addFlashAttribute("returnComment", comment);
        return "redirect:/nyhedsmails/" + id + "#tilbage";
    }

    static final int MAX_COMMENT = 5000;

    private long unit(SamspilPrincipal user) {
        Optional<Long> unit = authors.coordinatedUnit(user);
        access.require(unit.isPresent(), user, "publishing:pkorientering");
        return unit.orElseThrow();
    }

    private static String refused(RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("error", key);
        redirect.addFlashAttribute("errorAt", "bidrag");
        return "redirect:/nyhedsmails/pkorientering#bidrag";
    }
}
