package dk.samspil.pko;

/**
 * A person of the scheme in one region; {@code userId} is their account when they have one. {@code specialPost}
 * is {@code PREHOSPITAL} or {@code MEDICINE} for the special consultant posts of the org chart, else null.
 */
public record PkoPerson(
        long id,
        String regionCode,
        PersonKind kind,
        String specialPost,
        String name,
        String email,
        String phone,
        String practice,
        Long userId,
        boolean active) {

    public boolean isMedicalCoordinator() {
        return kind == PersonKind.MEDICAL_COORDINATOR;
    }

    public boolean isCoordinator() {
        return kind == PersonKind.COORDINATOR;
    }

    public boolean isConsultant() {
        return kind == PersonKind.CONSULTANT;
    }
}
