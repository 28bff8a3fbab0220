package dk.samspil.deck;

import dk.samspil.platform.BundleTexts;
import dk.samspil.platform.DanishFormat;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

/** Every fixed Danish text on the slides, from the deck's bundle ({@code deck.slide.*}). */
final class Wording {

    static final Locale DANISH = BundleTexts.DANISH;
    private static final BundleTexts TEXTS = BundleTexts.of("i18n/deck");

    static final String VENUE_UNKNOWN = text("deck.slide.venue.unknown");
    static final String PROGRAMME = text("deck.slide.programme");
    static final List<String> PROGRAMME_COLUMNS = texts("deck.slide.programme.columns", 3);
    static final String PURPOSE = text("deck.slide.purpose");
    static final String RESPONSE_RATE = text("deck.slide.response.rate");
    static final String NEW = text("deck.slide.new");
    static final String SHARE_OF_ANSWERS = text("deck.slide.share.of.answers");
    static final String MULTIPLE = text("deck.slide.multiple");
    static final String HIDDEN = text("deck.slide.hidden");
    static final String NO_ANSWERS = text("deck.slide.no.answers");
    static final String FREE_TEXT = text("deck.slide.free.text");
    static final String MUNICIPAL_TALK = text("deck.slide.municipal.talk");
    static final String DIALOGUE = text("deck.slide.dialogue");
    static final String GROUP_WORK = text("deck.slide.group.work");
    static final List<String> GROUP_WORK_PROMPTS = texts("deck.slide.group.work.prompts", 4);
    static final String SUMMARY = text("deck.slide.summary");
    static final List<String> SUMMARY_PROMPTS = texts("deck.slide.summary.prompts", 3);
    static final String FOLLOW_UP = text("deck.slide.follow.up");
    static final String EARLIER_AGREEMENTS = text("deck.slide.earlier.agreements");
    static final List<String> AGREEMENT_COLUMNS = texts("deck.slide.agreement.columns", 3);

    private Wording() {}

    static String text(String key, Object... args) {
        return TEXTS.text(key, args);
    }

    static List<String> texts(String key, int count) {
        return TEXTS.texts(key, count);
    }

    static String clock(LocalTime time) {
        return DanishFormat.clock(time); // "16.30", as on the pages
    }

    static String startsAt(LocalTime start) {
        return text("deck.slide.startsAt", clock(start));
    }

    static String responseRate(int answered, int invited, int percent) {
        return text("deck.slide.responseRate", answered, invited, percent);
    }

    static String question(int number, String text) {
        return text("deck.slide.question", number, text);
    }

    static final String SECTOR_HIDDEN = text("deck.slide.sector.hidden");

    static String sector(String sector) {
        return text("MUNICIPALITY".equals(sector) ? "deck.slide.sector.municipality" : "deck.slide.sector.cluster");
    }

    static String bySector(List<String> parts) {
        return text("deck.slide.bySector", String.join(" · ", parts));
    }

    static String answered(int answered) {
        return text("deck.slide.answered", answered);
    }

    /** Under a then-and-now chart of shares: how many answered each time ("Før: 8 svar · Nu: 4 svar"). */
    static String answeredThenAndNow(int then, int now) {
        return text("deck.slide.answeredThenAndNow", then, now);
    }

    static String municipalPlaceholder(String municipality) {
        return text("deck.slide.municipalPlaceholder", municipality);
    }

    /** "(1/3)" after a heading that continues over several slides; nothing when it is one slide. */
    static String part(String heading, int index, int count) {
        return count == 1 ? heading : heading + " (" + (index + 1) + "/" + count + ")";
    }
}
