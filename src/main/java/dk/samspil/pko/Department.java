package dk.samspil.pko;

/** A department of a hospital unit (reference data of the scheme). */
public record Department(
        long id, long hospitalUnitId, String hospitalUnitName, String regionCode, String name, boolean active) {

    /** "Hjertesygdomme, Aarhus Universitetshospital". */
    public String label() {
        return name + ", " + hospitalUnitName;
    }
}
