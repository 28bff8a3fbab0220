package dk.samspil.pko;

/** The three functions of the scheme (seed 003): practice consultant, practice coordinator, medical coordinator. */
public enum PersonKind {
    CONSULTANT,
    COORDINATOR,
    MEDICAL_COORDINATOR
}
