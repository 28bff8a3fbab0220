package dk.samspil.catalog;

import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.ClusterView;
import dk.samspil.directory.Views.ProviderContact;
import dk.samspil.directory.Views.RegionView;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import java.time.LocalTime;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The public catalogue: the list of packages and one page per package. */
@Controller
class CatalogController {

    static final String LIST_VIEW = "catalog/list";
    static final String PACKAGE_VIEW = "catalog/package-page";
    /** The programme's clock times are shown for an example start; the order sets the real one. */
    static final LocalTime EXAMPLE_START = LocalTime.of(16, 0);

    private final Catalog catalog;
    private final Directory directory;
    private final PackageAttachments attachments;

    CatalogController(Catalog catalog, Directory directory, PackageAttachments attachments) {
        this.attachments = attachments;
        this.directory = directory;
        this.catalog = catalog;
    }

    @GetMapping("/pakker")
    String list(Model model) {
        model.addAttribute("packages", catalog.all());
        return LIST_VIEW;
    }

    @GetMapping("/pakker/{slug}")
    String show(@PathVariable String slug, @AuthenticationPrincipal SamspilPrincipal user, Model model) {
        PackageDefinition definition =
                catalog.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("p", definition);
        model.addAttribute("materials", attachments.of(slug));
        ProviderContact provider = directory
                .providerContact(definition.provider())
                .orElse(new ProviderContact(definition.provider(), definition.provider(), null, null, null, null));
        model.addAttribute("providerName", provider.name());
        model.addAttribute("provider", provider);
        model.addAttribute(
                "providerRegion",
                provider.regionCode() == null
                        ? null
                        : directory.regions().stream()
                                .filter(r -> r.code().equals(provider.regionCode()))
                                .map(RegionView::name)
                                .findFirst()
                                .orElse(provider.regionCode()));
        if (user != null && user.is(Role.COORDINATOR) && user.clusterId() != null) {
            String clusterRegion = directory
                    .cluster(user.clusterId())
                    .map(ClusterView::regionCode)
                    .orElse(null);
            model.addAttribute("orderableHere", catalog.orderableIn(definition, clusterRegion));
        }
        model.addAttribute("schedule", definition.scheduleFrom(EXAMPLE_START));
        model.addAttribute("exampleStart", EXAMPLE_START);
        return PACKAGE_VIEW;
    }
}
