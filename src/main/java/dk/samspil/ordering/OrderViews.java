package dk.samspil.ordering;

import dk.samspil.catalog.PackageDefinition.ProgrammeItem;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/** Read models of orders, for pages and for other modules. */
public final class OrderViews {

    private OrderViews() {}

    /**
     * @param packageVersion the version of the package the order was placed with, which it keeps
     * @param version the order's row version: a change made from an older one was made on what someone has changed
     *     meanwhile
     * @param programme the order's own programme once adapted with the cluster; null while it is its package
     *     version's (read it through {@link OrderPackage})
     */
    public record OrderView(
            long id,
            String packageSlug,
            int packageVersion,
            String packageTitle,
            String providerCode,
            long clusterId,
            String clusterName,
            long coordinatorUserId,
            String coordinatorName,
            String coordinatorEmail,
            LocalDate meetingDate,
            LocalTime startTime,
            String venue,
            String firstContact,
            OffsetDateTime callbackAt,
            String callbackNote,
            OffsetDateTime callbackDoneAt,
            OrderStatus status,
            String cancelReason,
            OffsetDateTime orderedAt,
            List<MunicipalityRef> municipalities,
            List<ParticipantView> participants,
            List<ElectiveView> electiveTopics,
            Long followsOrderId,
            String coordinatorPhone,
            String consultantName,
            String consultantEmail,
            OffsetDateTime municipalityContactedAt,
            int version,
            List<ProgrammeItem> programme) {

        /** Whether the order may still change: until its meeting is held, and not when cancelled. */
        public boolean changeable() {
            return status.compareTo(OrderStatus.MEETING_HELD) < 0;
        }

        public boolean involvesMunicipality(String code) {
            return municipalities.stream().anyMatch(m -> m.code().equals(code));
        }

        /** Whether the account is one of the order's named municipal participants. */
        public boolean namesParticipant(long userId) {
            return participants.stream().anyMatch(p -> p.userId() != null && p.userId() == userId);
        }

        public String municipalityNames() {
            return String.join(
                    ", ", municipalities.stream().map(MunicipalityRef::name).toList());
        }
    }

    public record MunicipalityRef(String code, String name) {}

    /** A municipal participant, with the account the order's invitation linked (null until invited). */
    public record ParticipantView(
            long id,
            String name,
            String email,
            String role,
            String municipalityCode,
            OffsetDateTime invitedAt,
            Long userId) {}

    public record ElectiveView(String key, String freeText) {}

    /** @param title the package's own title of a {@code PACKAGE} task; null for the steps every order has */
    public record TaskView(
            long id,
            long orderId,
            Timeline.Step step,
            Party owner,
            LocalDate due,
            OffsetDateTime doneAt,
            String doneBy,
            String title) {

        public boolean done() {
            return doneAt != null;
        }

        /** The message key of a step every order has; a package's own task is named by its title instead. */
        public String labelKey() {
            return "timeline." + step.name();
        }

        /** What tells this task from the order's others: its step, and for a package's task its row too. */
        public String identity() {
            return step == Timeline.Step.PACKAGE ? step.name() + "-" + id : step.name();
        }

        public boolean overdue(LocalDate today) {
            return doneAt == null && due.isBefore(today);
        }

        /** The page where this task is done; the order page's actions for the provider's call-back and mail. */
        public String page(long clusterId) {
            String order = "/bestillinger/" + orderId;
            return switch (step) {
                case QUESTIONNAIRE_COMMENTS, SURVEY_OPEN, SURVEY_CLOSED -> order + "/spoergeskema";
                case MEMBER_EMAILS -> "/klynger/" + clusterId;
                case MUNICIPAL_DATA -> order + "/kommunedata";
                case DATA_IN -> order + "/data";
                case FINAL_DECK -> order + "/praesentation";
                case INVITATIONS -> order + "/dokumenter";
                case PRE_MEETING, MEETING, FOLLOW_UP_MEETING, KLU_AGENDA -> order + "/moede";
                case CALLBACK, MATERIALS_MAIL, FOLLOW_UP_PACKAGE -> order + "#handlinger";
                case FIRST_CONTACT -> order + "#foerste-kontakt";
                case PACKAGE -> order + "#drejebog";
            };
        }
    }

    /** One line of a list of orders, with its count of overdue tasks, its cluster's id and its municipalities. */
    public record OrderLine(
            long id,
            String packageTitle,
            String clusterName,
            String municipalityNames,
            LocalDate meetingDate,
            OrderStatus status,
            OffsetDateTime callbackAt,
            int overdueTasks,
            long clusterId,
            List<MunicipalityRef> municipalities) {}
}
