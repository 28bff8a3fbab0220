package dk.samspil.directory;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of the registers' organisations, read at once, for other modules that show a name beside their own rows
 * (a municipality's, a hospital unit's, a cluster's, a provider's): they ask this instead of joining the directory's
 * tables. What is not found is named by its key; the comparators sort by name as the database does, unknown last.
 */
public final class RegisterNames {

    /** A hospital unit's name and the region it belongs to. */
    public record Unit(String name, String regionCode) {}

    private final Map<String, String> municipalities;
    private final Map<Long, Unit> hospitalUnits;
    private final Map<Long, String> clusters;
    private final Map<String, String> providers;
    private final Map<String, Integer> municipalityPlaces;
    private final Map<Long, Integer> unitPlaces;

    /** Each map in name order. */
    RegisterNames(
            LinkedHashMap<String, String> municipalities,
            LinkedHashMap<Long, Unit> hospitalUnits,
            LinkedHashMap<Long, String> clusters,
            LinkedHashMap<String, String> providers) {
        this.municipalities = Collections.unmodifiableMap(municipalities);
        this.hospitalUnits = Collections.unmodifiableMap(hospitalUnits);
        this.clusters = Collections.unmodifiableMap(clusters);
        this.providers = Collections.unmodifiableMap(providers);
        this.municipalityPlaces = places(municipalities);
        this.unitPlaces = places(hospitalUnits);
    }

    private static <K> Map<K, Integer> places(Map<K, ?> inOrder) {
        Map<K, Integer> places = new HashMap<>();
        for (K key : inOrder.keySet()) {
            places.put(key, places.size());
        }
        return places;
    }

    public String municipality(String code) {
        return code == null ? null : municipalities.getOrDefault(code, code);
    }

    public String hospitalUnit(Long id) {
        if (id == null) {
            return null;
        }
        Unit unit = hospitalUnits.get(id);
        return unit == null ? String.valueOf(id) : unit.name();
    }

    /** The region of a hospital unit; null if there is no such unit. */
    public String regionOfUnit(Long id) {
        Unit unit = id == null ? null : hospitalUnits.get(id);
        return unit == null ? null : unit.regionCode();
    }

    public String cluster(Long id) {
        return id == null ? null : clusters.getOrDefault(id, String.valueOf(id));
    }

    public String provider(String code) {
        return code == null ? null : providers.getOrDefault(code, code);
    }

    /** Every hospital unit, in name order. */
    public Map<Long, Unit> hospitalUnits() {
        return hospitalUnits;
    }

    /** Every municipality, code → name, in name order. */
    public Map<String, String> municipalities() {
        return municipalities;
    }

    /** Every cluster, id → name, in name order. */
    public Map<Long, String> clusters() {
        return clusters;
    }

    /** Every provider, code → name, in name order. */
    public Map<String, String> providers() {
        return providers;
    }

    /** Municipality codes by the municipalities' names; null and unknown codes last. */
    public Comparator<String> byMunicipalityName() {
        return Comparator.comparing(code ->
                code == null ? Integer.MAX_VALUE : municipalityPlaces.getOrDefault(code, Integer.MAX_VALUE - 1));
    }

    /** Hospital unit ids by the units' names; null and unknown ids last. */
    public Comparator<Long> byUnitName() {
        return Comparator.comparing(
                id -> id == null ? Integer.MAX_VALUE : unitPlaces.getOrDefault(id, Integer.MAX_VALUE - 1));
    }
}
