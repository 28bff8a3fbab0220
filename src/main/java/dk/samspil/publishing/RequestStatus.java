package dk.samspil.publishing;

/**
 * Where a newsletter request is: written (DRAFT), with its approvers (APPROVAL), sent back by a refusal (REFUSED),
 * approved and ready for the editors (APPROVED), then at the editors' desk: received, questions to the author,
 * scheduled, sent (and published when chosen). A contribution to PKOrientering goes to the unit's coordinator
 * instead of the editors (CONTRIBUTED) and is taken into a quarter's issue (INCLUDED).
 */
enum RequestStatus {
    DRAFT,
    APPROVAL,
    REFUSED,
    APPROVED,
    RECEIVED,
    QUESTIONS,
    SCHEDULED,
    SENT,
    CONTRIBUTED,
    INCLUDED;

    /** The author may change the text: before the approvers are asked, or after one of them refused. */
    public boolean editable() {
        return this == DRAFT || this == REFUSED;
    }

    /** On the editors' desk, not yet sent. */
    public boolean atDesk() {
        return this == RECEIVED || this == QUESTIONS || this == SCHEDULED;
    }
}
