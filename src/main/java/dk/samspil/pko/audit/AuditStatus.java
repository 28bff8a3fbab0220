package dk.samspil.pko.audit;

/**
 * The three steps of seed 003: planned, the request to the administrative management sent, its answer (approved or
 * refused), and completed — when the cases are gone and only the result remains.
 */
enum AuditStatus {
    PLANNED,
    REQUESTED,
    APPROVED,
    REFUSED,
    COMPLETED;

    /** A request (by link) or a letter may be recorded until the management has approved. */
    boolean awaitsApproval() {
        return this == PLANNED || this == REQUESTED || this == REFUSED;
    }
}
