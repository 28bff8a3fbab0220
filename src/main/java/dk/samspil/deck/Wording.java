package dk.samspil.deck;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

/** Every fixed Danish text on the slides, in one place. */
final class Wording {

    static final Locale DANISH = Locale.forLanguageTag("da-DK");

    static final String VENUE_UNKNOWN = "Sted aftales";
    static final String PROGRAMME = "Program";
    static final List<String> PROGRAMME_COLUMNS = List.of("Tidspunkt", "Punkt", "Varighed");
    static final String PURPOSE = "Formål";
    static final String RESPONSE_RATE = "Svarprocent";
    static final String NEW = "Ny";
    static final String SHARE_OF_ANSWERS = "Andel af dem, der svarede (%)";
    static final String MULTIPLE = "Sæt gerne flere kryds – tæller pr. svarmulighed";
    static final String HIDDEN = "Der er for få svar til at vise resultatet af dette spørgsmål.";
    static final String NO_ANSWERS = "Ingen svar på dette spørgsmål.";
    static final String FREE_TEXT = "Svar i fritekst";
    static final String MUNICIPAL_TALK = "Oplæg fra kommunen";
    static final String DIALOGUE = "Dialog";
    static final String GROUP_WORK = "Gruppearbejde";
    static final List<String> GROUP_WORK_PROMPTS = List.of(
            "Sæt jer i grupper på tværs af praksis og kommune.",
            "Vælg et eller to af dagens spørgsmål, og drøft hvad resultaterne betyder hos jer.",
            "Hvad kan I gøre anderledes – hver for sig og sammen?",
            "Skriv jeres vigtigste pointer ned, og fortæl dem kort til de andre grupper.");
    static final String SUMMARY = "Opsamling";
    static final List<String> SUMMARY_PROMPTS = List.of(
            "Hvad var det vigtigste, vi så og hørte i dag?",
            "Hvad overraskede os?",
            "Hvad vil vi gerne ændre – og hvad vil vi holde fast i?");
    static final String FOLLOW_UP = "Opfølgning og aftaler";
    static final String EARLIER_AGREEMENTS = "Aftaler fra mødet sidste år";
    static final List<String> AGREEMENT_COLUMNS = List.of("Hvad", "Hvem", "Hvornår");

    private Wording() {}

    static String clock(LocalTime time) {
        return dk.samspil.platform.DanishFormat.clock(time); // "16.30", as on the pages
    }

    static String startsAt(LocalTime start) {
        return "kl. " + clock(start);
    }

    static String responseRate(int answered, int invited, int percent) {
        return "Svar fra " + answered + " af " + invited + " inviterede (" + percent + " %)";
    }

    static String question(int number, String text) {
        return "Spørgsmål " + number + ": " + text;
    }

    static final String SECTOR_HIDDEN =
            "Vist samlet: for få fra en af sektorerne har svaret til at vise klynge og kommune hver for sig.";

    static String sector(String sector) {
        return "MUNICIPALITY".equals(sector) ? "Kommunen" : "Klyngen";
    }

    static String bySector(List<String> parts) {
        return "Fordelt på sektor – " + String.join(" · ", parts);
    }

    static String answered(int answered) {
        return answered + " har svaret";
    }

    /** Under a then-and-now chart of shares: how many answered each time ("Før: 8 svar · Nu: 4 svar"). */
    static String answeredThenAndNow(int then, int now) {
        return "Før: " + then + " svar · Nu: " + now + " svar";
    }

    static String municipalPlaceholder(String municipality) {
        return municipality + " indsætter sit oplæg her.";
    }

    /** "(1/3)" after a heading that continues over several slides; nothing when it is one slide. */
    static String part(String heading, int index, int count) {
        return count == 1 ? heading : heading + " (" + (index + 1) + "/" + count + ")";
    }
}
