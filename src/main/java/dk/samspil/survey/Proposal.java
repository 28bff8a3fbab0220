package dk.samspil.survey;

import java.time.OffsetDateTime;

/** A comment or proposed change to the questionnaire from the cluster, the municipality or the provider. */
public record Proposal(long id, String questionKey, String kind, String text, String authorName, String party,
        OffsetDateTime createdAt, String status) {}
