package dk.samspil.ordering;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The municipality's answer at the first contact (seed 004: "afklares, hvorvidt kommunen kan deltage"). */
enum FirstContactAnswer {
    JOINS,
    DECLINES,
    UNDECIDED;

    /** The recorded first contact: who made it, when, the answer, and who wrote it into Samspil. */
    public record FirstContact(
            String madeBy,
            LocalDate madeOn,
            FirstContactAnswer answer,
            String note,
            String recordedBy,
            OffsetDateTime recordedAt) {}
}
