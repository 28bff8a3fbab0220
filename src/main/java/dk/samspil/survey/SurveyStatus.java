package dk.samspil.survey;

/** REVIEW: cluster and municipality comment, the consultant edits; FROZEN: ready to send; OPEN; CLOSED. */
public enum SurveyStatus {
    REVIEW,
    FROZEN,
    OPEN,
    CLOSED
}
