package dk.samspil.insight;

import dk.samspil.deck.DeckOverview;
import dk.samspil.meeting.AgreementCounts.Counts;
import dk.samspil.survey.SurveyOverview;

/**
 * What a group of orders (a package's, a region's, all of them) has come to: orders, surveys sent and their answers,
 * decks made and sent, meetings held, the meetings' agreements by status and the follow-ups due. Public for the page.
 */
public record Activity(
        String label,
        int orders,
        int surveysSent,
        int invited,
        int answered,
        int decksMade,
        int decksSent,
        int meetingsHeld,
        Counts agreements,
        int followUpsDue) {

    /** One order's activity: its survey (null before there is one), its deck, its meeting and what followed. */
    static Activity of(
            SurveyOverview.Progress survey,
            DeckOverview.Stage deck,
            boolean held,
            Counts agreements,
            int followUpsDue) {
        boolean sent = survey != null && survey.sent();
        boolean made = deck == DeckOverview.Stage.READY || deck == DeckOverview.Stage.SENT;
        return new Activity(
                null,
                1,
                sent ? 1 : 0,
                sent ? survey.invited() : 0,
                sent ? survey.answered() : 0,
                made ? 1 : 0,
                deck == DeckOverview.Stage.SENT ? 1 : 0,
                held ? 1 : 0,
                agreements,
                followUpsDue);
    }

    static Activity empty(String label) {
        return new Activity(label, 0, 0, 0, 0, 0, 0, 0, Counts.NONE, 0);
    }

    /** The response rate of the surveys sent, in whole per cent (0 before anyone is invited). */
    public int responseRate() {
        return invited == 0 ? 0 : Math.round(100f * answered / invited);
    }

    Activity plus(Activity o) {
        return new Activity(
                label,
                orders + o.orders,
                surveysSent + o.surveysSent,
                invited + o.invited,
                answered + o.answered,
                decksMade + o.decksMade,
                decksSent + o.decksSent,
                meetingsHeld + o.meetingsHeld,
                agreements.plus(o.agreements),
                followUpsDue + o.followUpsDue);
    }
}
