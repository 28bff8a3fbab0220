package dk.samspil.start;

import dk.samspil.deck.DeckOverview;
import dk.samspil.ordering.OrderViews.OrderLine;
import dk.samspil.ordering.OrderViews.TaskView;
import dk.samspil.survey.SurveyOverview;
import java.time.LocalDate;

/**
 * One order on a start page: its line, the next task not done (anyone's), the next task of the reader's own side,
 * the survey's response rate (null before there is a survey) and the deck's state. Public for the pages' expressions.
 */
public record OrderRow(
        OrderLine line, TaskView nextTask, TaskView ownTask, SurveyOverview.Progress survey, DeckOverview.State deck) {

    private static final LocalDate NEVER = LocalDate.of(9999, 12, 31);

    public boolean active() {
        return line.status().open();
    }

    /** The day the order next needs something: its next task's due date; overdue tasks come first by nature. */
    public LocalDate needsBy() {
        return nextTask == null || !active() ? NEVER : nextTask.due();
    }

    public boolean ownTaskOverdue(LocalDate today) {
        return ownTask != null && ownTask.overdue(today);
    }

    /** Where the next step of the reader's side is done. */
    public String ownTaskPath() {
        return ownTask == null ? "/bestillinger/" + line.id() : ownTask.page(line.clusterId());
    }
}
