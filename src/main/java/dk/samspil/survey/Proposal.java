package dk.samspil.survey;

import java.time.OffsetDateTime;

/**
 * A comment or proposed change to the questionnaire from the cluster, the municipality or the provider; a declined
 * one carries the consultant's reason.
 */
record Proposal(
        long id,
        String questionKey,
        String kind,
        String text,
        String authorName,
        String party,
        OffsetDateTime createdAt,
        String status,
        String declineReason) {

    /** A proposed wording of an existing question, which the consultant may use as it stands. */
    public boolean usableWording() {
        return "REWORD".equals(kind) && questionKey != null && "OPEN".equals(status);
    }
}
