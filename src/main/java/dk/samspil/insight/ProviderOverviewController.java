package dk.samspil.insight;

import dk.samspil.insight.ProviderOverview.Overview;
import dk.samspil.office.Downloads;
import dk.samspil.security.Access;
import dk.samspil.security.SamspilPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The provider's overview (/udbyder/overblik) and the same as XLSX, for the provider's own consultants only: a
 * consultant sees its own provider's, and every other user gets 404, as for any page that is not theirs.
 */
@Controller
class ProviderOverviewController {

    static final String VIEW = "insight/overview";
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProviderOverview overview;
    private final OverviewWorkbook workbook;
    private final Access access;

    ProviderOverviewController(ProviderOverview overview, OverviewWorkbook workbook, Access access) {
        this.overview = overview;
        this.workbook = workbook;
        this.access = access;
    }

    @GetMapping("/udbyder/overblik")
    String page(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        model.addAttribute("overview", read(user));
        return VIEW;
    }

    @GetMapping("/udbyder/overblik.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal SamspilPrincipal user) {
        Overview read = read(user);
        return Downloads.attachment(workbook.write(read), XLSX, "overblik-" + read.today() + ".xlsx");
    }

    private Overview read(SamspilPrincipal user) {
        access.require(ProviderOverview.hasOverview(user), user, "provider-overview");
        return overview.of(user);
    }
}
