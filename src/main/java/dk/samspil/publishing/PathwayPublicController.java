package dk.samspil.publishing;

import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public page of a region's care pathways (/forloeb/{region}): the regionally valid descriptions as they were
 * approved and sent to the editors, each with its five sections, owner and review date. No sign-in; a client asking
 * too often is answered 429. A pathway not published, or of another region, is 404.
 */
@Controller
class PathwayPublicController {

    static final String LIST = "publishing/pathway-public";
    static final String ITEM = "publishing/pathway-public-item";

    private final Pathways pathways;
    private final NewsletterAudiences audiences;
    private final PathwayGuard guard;
    private final ClientAddress clientAddress;

    PathwayPublicController(
            Pathways pathways, NewsletterAudiences audiences, PathwayGuard guard, ClientAddress clientAddress) {
        this.pathways = pathways;
        this.audiences = audiences;
        this.guard = guard;
        this.clientAddress = clientAddress;
    }

    @GetMapping("/forloeb/{region}")
    String list(@PathVariable String region, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (!guard.allow(clientAddress.of(request))) {
            return tooMany(response);
        }
        String name = regionName(region);
        model.addAttribute("regionName", name);
        model.addAttribute("regionCode", region);
        model.addAttribute("pathways", pathways.published(region));
        return LIST;
    }

    @GetMapping("/forloeb/{region}/{id}")
    String item(
            @PathVariable String region,
            @PathVariable long id,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!guard.allow(clientAddress.of(request))) {
            return tooMany(response);
        }
        String name = regionName(region);
        var pathway = pathways.find(id)
                .filter(p -> p.regionCode().equals(region) && p.publishedVersion() != null)
                .orElseThrow(() -> new AccessRefusedException("pathway:" + id));
        var version = pathways.version(id, pathway.publishedVersion()).orElseThrow();
        model.addAttribute("regionName", name);
        model.addAttribute("regionCode", region);
        model.addAttribute("pathway", pathway);
        model.addAttribute("sections", PathwayPage.sections(version.sections()));
        return ITEM;
    }

    private String regionName(String region) {
        String name = region.matches("\\d{4}") ? audiences.regionName(region) : null;
        if (name == null || name.equals(region)) {
            throw new AccessRefusedException("pathway-region:" + region);
        }
        return name;
    }

    private static String tooMany(HttpServletResponse response) {
        response.setStatus(429);
        return "publishing/pathway-too-many";
    }
}
