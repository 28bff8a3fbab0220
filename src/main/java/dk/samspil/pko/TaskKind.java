package dk.samspil.pko;

import java.util.Arrays;
import java.util.List;

/**
 * What hours are registered for: the handbook's "typiske opgaver" of the consultant, the coordinator and the
 * medical coordinator (seed 003), each list its own, plus "andet". Labels are {@code pko.task.<NAME>}.
 */
enum TaskKind {
    AUDIT(PersonKind.CONSULTANT),
    COLLABORATION_MEETING(PersonKind.CONSULTANT),
    EVENING_MEETING_INPUT(PersonKind.CONSULTANT),
    NEWS_MAIL(PersonKind.CONSULTANT),
    ANONYMOUS_CASES(PersonKind.CONSULTANT),
    COLLEAGUES(PersonKind.CONSULTANT),
    COLLEAGUE_QUESTIONS(PersonKind.CONSULTANT),
    SPECIALTY_COUNCIL(PersonKind.CONSULTANT),
    WORKING_GROUP(PersonKind.CONSULTANT),
    HEALTH_CLUSTER(PersonKind.CONSULTANT),
    PATHWAY(PersonKind.CONSULTANT),

    EVENING_MEETING_LEAD(PersonKind.COORDINATOR),
    CONSULTANT_MEETINGS(PersonKind.COORDINATOR),
    SPARRING(PersonKind.COORDINATOR),
    ATTACHMENT_INTERVIEWS(PersonKind.COORDINATOR),
    PATHWAY_UPDATE(PersonKind.COORDINATOR),
    AUDIT_PLANNING(PersonKind.COORDINATOR),
    PKORIENTERING(PersonKind.COORDINATOR),
    COORDINATORS_MEETING(PersonKind.COORDINATOR),

    PATHWAYS_CURRENT(PersonKind.MEDICAL_COORDINATOR),
    NEWS_MAIL_QUALITY(PersonKind.MEDICAL_COORDINATOR),
    COORDINATOR_MEETINGS(PersonKind.MEDICAL_COORDINATOR),
    COORDINATION(PersonKind.MEDICAL_COORDINATOR),
    AUDIT_WITH_MANAGEMENT(PersonKind.MEDICAL_COORDINATOR),
    STORE_PRAKSISDAG(PersonKind.MEDICAL_COORDINATOR),
    REGIONAL_FORA(PersonKind.MEDICAL_COORDINATOR),
    OTHER_PROFESSIONS(PersonKind.MEDICAL_COORDINATOR),
    PLO_M_OBSERVER(PersonKind.MEDICAL_COORDINATOR),
    KEU_OBSERVER(PersonKind.MEDICAL_COORDINATOR),

    OTHER(null);

    private final PersonKind kind;

    TaskKind(PersonKind kind) {
        this.kind = kind;
    }

    /** The person's own list, "andet" last. */
    public static List<TaskKind> of(PersonKind person) {
        return Arrays.stream(values())
                .filter(t -> t.kind == null || t.kind == person)
                .toList();
    }

    public boolean belongsTo(PersonKind person) {
        return kind == null || kind == person;
    }
}
