package dk.samspil.pko;

import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.MunicipalityView;
import dk.samspil.directory.Views.RegionView;
import dk.samspil.pko.PkoAccess.Viewer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The municipalities a viewer works with in the municipal part of the scheme (collaboration meetings, the
 * correspondence review): a municipal consultant their own; the region's medical coordinator the region's; the
 * administrator every one.
 */
@Component
class PkoMunicipalities {

    private final Directory directory;
    private final PkoPeople people;

    PkoMunicipalities(Directory directory, PkoPeople people) {
        this.directory = directory;
        this.people = people;
    }

    /** Code → name, by name. */
    Map<String, String> of(Viewer viewer) {
        Map<String, String> own = new LinkedHashMap<>();
        List<String> codes = attached(viewer);
        Map<String, String> regions = new LinkedHashMap<>();
        directory.regions().forEach(r -> regions.put(r.name(), r.code()));
        for (MunicipalityView m : directory.municipalities()) {
            boolean inRegion = viewer.region() != null && viewer.region().equals(regions.get(m.regionName()));
            if (viewer.admin() || (viewer.editsRegion() && inRegion) || codes.contains(m.code())) {
                own.put(m.code(), m.name());
            }
        }
        return own;
    }

    /** The municipalities a consultant is attached to now; none for everyone else. */
    List<String> attached(Viewer viewer) {
        return viewer.person() != null
                        && viewer.person().isConsultant()
                        && viewer.person().active()
                ? people.ownMunicipalities(viewer.person().id())
                : List.of();
    }

    /** The region a municipality is in. */
    Optional<String> regionOf(String municipalityCode) {
        return directory.municipalities().stream()
                .filter(m -> m.code().equals(municipalityCode))
                .findFirst()
                .flatMap(m -> directory.regions().stream()
                        .filter(r -> r.name().equals(m.regionName()))
                        .map(RegionView::code)
                        .findFirst());
    }
}
