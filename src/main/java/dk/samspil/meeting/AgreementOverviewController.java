package dk.samspil.meeting;

import static dk.samspil.meeting.MinutesDocument.DANISH;

import dk.samspil.meeting.AgreementOverview.Filter;
import dk.samspil.meeting.AgreementOverview.Line;
import dk.samspil.office.Downloads;
import dk.samspil.office.Spreadsheets;
import dk.samspil.security.Access;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The agreements overview (/aftaler): every agreement of every order the user sees, across meetings, filtered by
 * status, cluster, municipality and overdue, and the same rows as XLSX. Roles that see no orders (PKO, editor) get
 * 404, as for any page that is not theirs.
 */
@Controller
class AgreementOverviewController {

    static final String VIEW = "meeting/agreements";
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final Set<Role> SEEING_ORDERS =
            EnumSet.of(Role.ADMIN, Role.COORDINATOR, Role.MEMBER, Role.CONSULTANT, Role.MUNICIPALITY);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final AgreementOverview overview;
    private final Access access;
    private final MessageSource messages;

    AgreementOverviewController(AgreementOverview overview, Access access, MessageSource messages) {
        this.overview = overview;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/aftaler")
    String page(
            @AuthenticationPrincipal SamspilPrincipal user,
            @RequestParam(required = false) String status,
            @RequestParam(name = "klynge", required = false) Long clusterId,
            @RequestParam(name = "kommune", required = false) String municipalityCode,
            @RequestParam(name = "forfaldne", required = false) Boolean overdueOnly,
            Model model) {
        Filter filter = filter(user, status, clusterId, municipalityCode, overdueOnly);
        AgreementOverview.Result result = overview.of(user, filter);
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("canExport", !user.is(Role.MEMBER));
        model.addAttribute("statuses", AgreementStatus.values());
        model.addAttribute(
                "exportUrl",
                UriComponentsBuilder.fromPath("/aftaler.xlsx")
                        .queryParamIfPresent(
                                "status", Optional.ofNullable(filter.status()).map(Enum::name))
                        .queryParamIfPresent("klynge", Optional.ofNullable(filter.clusterId()))
                        .queryParamIfPresent("kommune", Optional.ofNullable(filter.municipalityCode()))
                        .queryParamIfPresent("forfaldne", Optional.ofNullable(filter.overdueOnly() ? "true" : null))
                        .encode()
                        .build()
                        .toUriString());
        return VIEW;
    }

    @GetMapping("/aftaler.xlsx")
    ResponseEntity<byte[]> xlsx(
            @AuthenticationPrincipal SamspilPrincipal user,
            @RequestParam(required = false) String status,
            @RequestParam(name = "klynge", required = false) Long clusterId,
            @RequestParam(name = "kommune", required = false) String municipalityCode,
            @RequestParam(name = "forfaldne", required = false) Boolean overdueOnly) {
        // A cluster member reads the agreements on the page; exports are for those who work with them.
        access.require(user != null && !user.is(Role.MEMBER), user, "agreements.xlsx");
        AgreementOverview.Result result =
                overview.of(user, filter(user, status, clusterId, municipalityCode, overdueOnly));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(
                text("meeting.overview.col.what"),
                text("meeting.overview.col.who"),
                text("meeting.overview.col.due"),
                text("meeting.overview.col.status"),
                text("meeting.overview.col.overdue"),
                text("meeting.overview.col.package"),
                text("meeting.overview.col.meetingDate"),
                text("meeting.overview.col.cluster"),
                text("meeting.overview.col.municipality")));
        for (Line l : result.lines()) {
            rows.add(List.of(
                    l.what(),
                    MinutesDocument.who(messages, l.ownerPerson(), l.ownerParty()),
                    day(l.due()),
                    text(l.status().key()),
                    l.overdue() ? text("meeting.overview.yes") : "",
                    l.packageTitle(),
                    day(l.meetingDate()),
                    l.clusterName(),
                    l.municipalityNames() == null ? "" : l.municipalityNames()));
        }
        byte[] bytes = Spreadsheets.xlsx(text("meeting.overview.sheet"), rows, 1);
        String name = "aftaler-" + result.today() + ".xlsx";
        return Downloads.attachment(bytes, XLSX, name);
    }

    private Filter filter(
            SamspilPrincipal user, String status, Long clusterId, String municipalityCode, Boolean overdueOnly) {
        access.require(user != null && SEEING_ORDERS.contains(user.role()), user, "agreements");
        return Filter.of(status, clusterId, municipalityCode, overdueOnly);
    }

    private String text(String key) {
        return messages.getMessage(key, null, DANISH);
    }

    private static String day(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }
}
