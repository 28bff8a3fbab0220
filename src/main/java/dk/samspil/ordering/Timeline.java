package dk.samspil.ordering;

import dk.samspil.catalog.PackageDefinition;
import java.time.LocalDate;
import java.util.List;

/**
 * The drejebog as tasks: every step of PRODUCT.md §4 with its owner and when it is due. The one place where the
 * offsets live. From the seeds: the final deck no later than two weeks before the meeting (M − 14 days), the
 * pre-meeting about a week before (M − 7), the follow-up package about a year after (M + 1 year). The offsets of
 * the other steps are our design, chosen so each step leaves time for the next.
 */
public final class Timeline {

    public enum Step {
        CALLBACK(Party.PROVIDER),
        MATERIALS_MAIL(Party.PROVIDER),
        /** Seed 004: "afklares, hvorvidt kommunen kan deltage" — by the side the order names (provider by default). */
        FIRST_CONTACT(Party.PROVIDER),
        MEMBER_EMAILS(Party.CLUSTER),
        QUESTIONNAIRE_COMMENTS(Party.CLUSTER),
        SURVEY_OPEN(Party.PROVIDER),
        SURVEY_CLOSED(Party.PROVIDER),
        DATA_IN(Party.PROVIDER),
        MUNICIPAL_DATA(Party.MUNICIPALITY),
        FINAL_DECK(Party.PROVIDER),
        INVITATIONS(Party.CLUSTER),
        PRE_MEETING(Party.CLUSTER),
        MEETING(Party.CLUSTER),
        FOLLOW_UP_MEETING(Party.CLUSTER),
        KLU_AGENDA(Party.MUNICIPALITY),
        FOLLOW_UP_PACKAGE(Party.CLUSTER),
        /** A task the order's package names in its own drejebog (its title and owner are the package's). */
        PACKAGE(Party.CLUSTER);

        private final Party owner;

        Step(Party owner) {
            this.owner = owner;
        }

        public Party owner() {
            return owner;
        }
    }

    public record PlannedTask(Step step, Party owner, LocalDate due) {}

    /** A task of the package's own drejebog, with its place among them (1, 2, ...). */
    public record PackageTask(int position, String title, Party owner, LocalDate due) {}

    private Timeline() {}

    /** The steps every order has, in order (a package's own tasks come on top). */
    public static List<Step> steps() {
        return List.of(Step.values()).stream()
                .filter(step -> step != Step.PACKAGE)
                .toList();
    }

    /**
     * @param ordered the day the order was placed: nothing is due before it
     * @param callback the day of the agreed call-back
     * @param meeting the meeting date M
     */
    public static List<PlannedTask> plan(LocalDate ordered, LocalDate callback, LocalDate meeting) {
        return steps().stream()
                .map(step -> new PlannedTask(step, step.owner(), due(step, ordered, callback, meeting)))
                .toList();
    }

    /**
     * The package's own tasks for a meeting: due the weeks before or after it the package says; one due before the
     * meeting is never due before the order was placed.
     */
    public static List<PackageTask> packageTasks(
            List<PackageDefinition.DrejebogTask> tasks, LocalDate ordered, LocalDate meeting) {
        List<PackageTask> planned = new java.util.ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            PackageDefinition.DrejebogTask task = tasks.get(i);
            LocalDate due = task.weeksAfter() != null
                    ? meeting.plusWeeks(task.weeksAfter())
                    : meeting.minusWeeks(task.weeksBefore());
            if (due.isBefore(ordered)) {
                due = ordered;
            }
            planned.add(new PackageTask(
                    i + 1, task.title(), Party.valueOf(task.owner().name()), due));
        }
        return planned;
    }

    static LocalDate due(Step step, LocalDate ordered, LocalDate callback, LocalDate meeting) {
        LocalDate due = switch (step) {
            case CALLBACK -> callback;
            case MATERIALS_MAIL -> callback.plusDays(2);
            case FIRST_CONTACT -> callback.plusWeeks(1);
            case MEMBER_EMAILS -> meeting.minusWeeks(7);
            case QUESTIONNAIRE_COMMENTS -> meeting.minusWeeks(6);
            case SURVEY_OPEN -> meeting.minusWeeks(5).minusDays(3);
            case SURVEY_CLOSED -> meeting.minusWeeks(3).minusDays(3);
            case DATA_IN, MUNICIPAL_DATA -> meeting.minusWeeks(3);
            case FINAL_DECK -> meeting.minusWeeks(2);
            case INVITATIONS -> meeting.minusWeeks(2).plusDays(2);
            case PRE_MEETING -> meeting.minusWeeks(1);
            case MEETING -> meeting;
            case FOLLOW_UP_MEETING -> meeting.plusWeeks(6);
            case KLU_AGENDA -> meeting.plusWeeks(8);
            case FOLLOW_UP_PACKAGE -> meeting.plusYears(1);
            case PACKAGE -> throw new IllegalArgumentException("a package's task is due as its package says");
        };
        if (step.ordinal() < Step.MEETING.ordinal()) {
            // Nothing after the call-back is due before it, and nothing before the meeting after it.
            LocalDate floor = step == Step.CALLBACK ? ordered : callback;
            if (due.isBefore(floor)) {
                due = floor;
            }
            if (due.isAfter(meeting)) {
                due = meeting;
            }
        }
        return due;
    }
}
