package dk.samspil.pko;

import java.time.LocalDate;

/**
 * What a person is attached to: a municipality, a department (with its unit) or, for a coordinator, a hospital
 * unit. Exactly one of the three is set.
 */
record Attachment(
        long id,
        long personId,
        String municipalityCode,
        String municipalityName,
        Long departmentId,
        String departmentName,
        Long unitId,
        String unitName,
        LocalDate endsOn) {

    /** Whether the attachment still holds on the day (it has no end, or ends that day or later). */
    public boolean current(LocalDate day) {
        return endsOn == null || !endsOn.isBefore(day);
    }

    /** "Aarhus Kommune", "Hjertesygdomme, Aarhus Universitetshospital" or "Aarhus Universitetshospital". */
    public String label() {
        if (municipalityCode != null) {
            return municipalityName;
        }
        return departmentId != null ? departmentName + ", " + unitName : unitName;
    }

    public boolean isMunicipal() {
        return municipalityCode != null;
    }
}
