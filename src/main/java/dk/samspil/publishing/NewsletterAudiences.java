package dk.samspil.publishing;

import dk.samspil.directory.Directory;
import dk.samspil.directory.RegisterNames;
import dk.samspil.directory.Views.RegionView;
import dk.samspil.pko.PkoPeople;
import dk.samspil.publishing.NewsletterRequests.RequestView;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** The region's municipalities and hospital units the author chooses from, and an audience in words. */
@Component
class NewsletterAudiences {

    private final Directory directory;
    private final PkoPeople people;
    private final MessageSource messages;

    NewsletterAudiences(Directory directory, PkoPeople people, MessageSource messages) {
        this.directory = directory;
        this.people = people;
        this.messages = messages;
    }

    /** The form's rules against the region's municipalities and units (and the units with a coordinator). */
    void check(RequestForm form, BindingResult result, String regionCode, LocalDate today) {
        form.check(
                result,
                today,
                municipalities(regionCode).keySet(),
                new HashSet<>(units(regionCode).keySet()),
                coordinatedUnits(regionCode));
    }

    /** What the form offers: the region's municipalities and units, and the region's name. */
    void options(Model model, String regionCode) {
        model.addAttribute("municipalityOptions", municipalities(regionCode));
        model.addAttribute("unitOptions", units(regionCode));
        model.addAttribute("coordinatedUnits", coordinatedUnits(regionCode));
        model.addAttribute("regionName", regionName(regionCode));
    }

    /** The region's hospital units that have a coordinator to receive contributions to PKOrientering. */
    Set<Long> coordinatedUnits(String regionCode) {
        Set<Long> units = new HashSet<>();
        for (Long unit : units(regionCode).keySet()) {
            if (!people.coordinatorsOf(unit).isEmpty()) {
                units.add(unit);
            }
        }
        return units;
    }

    /** The region's municipalities, code → name, by name. */
    Map<String, String> municipalities(String regionCode) {
        RegisterNames names = directory.names();
        Map<String, String> inRegion = new LinkedHashMap<>();
        List<String> codes = List.of(directory.municipalityCodesIn(regionCode));
        names.municipalities().forEach((code, name) -> {
            if (codes.contains(code)) {
                inRegion.put(code, name);
            }
        });
        return inRegion;
    }

    /** The region's hospital units, id → name, by name. */
    Map<Long, String> units(String regionCode) {
        Map<Long, String> inRegion = new LinkedHashMap<>();
        directory.names().hospitalUnits().forEach((id, unit) -> {
            if (regionCode.equals(unit.regionCode())) {
                inRegion.put(id, unit.name());
            }
        });
        return inRegion;
    }

    String regionName(String regionCode) {
        return directory.regions().stream()
                .filter(region -> region.code().equals(regionCode))
                .map(RegionView::name)
                .findFirst()
                .orElse(regionCode);
    }

    /** Each request's audience in words, by request id. */
    Map<Long, String> describe(List<RequestView> requests) {
        Map<Long, String> texts = new java.util.HashMap<>();
        requests.forEach(request -> texts.put(request.id(), describe(request)));
        return texts;
    }

    /** "Aarhus, Favrskov", "Regionshospitalet Randers' optageområde" or "Hele Region Midtjylland". */
    String describe(RequestView request) {
        RegisterNames names = directory.names();
        Locale danish = NewsletterApprovals.DANISH;
        return switch (request.audience()) {
            case MUNICIPALITIES ->
                request.municipalities().stream()
                        .map(names::municipality)
                        .sorted()
                        .collect(Collectors.joining(", "));
            case CATCHMENT ->
                messages.getMessage(
                        "publishing.audience.catchmentOf",
                        new Object[] {names.hospitalUnit(request.hospitalUnitId())},
                        danish);
            case REGION ->
                messages.getMessage(
                        "publishing.audience.regionOf", new Object[] {regionName(request.regionCode())}, danish);
        };
    }
}
