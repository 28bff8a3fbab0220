package dk.samspil.documents;

import dk.samspil.platform.DanishFormat;
import java.time.LocalDate;
import java.util.List;

/**
 * The fixed Danish texts of the package documents, in one place. The package's own texts come from the catalogue;
 * the planning group's checklist and the deadlines follow KiAP's drejebog (seed 004).
 */
final class DocumentWording {

    static final String CLUSTER = "Klynge";
    static final String DATE = "Dato";
    static final String TIME = "Tidspunkt";
    static final String VENUE = "Sted";
    static final String TIME_AND_PLACE = "Tid og sted";
    static final String PURPOSE = "Formål";
    static final String CONTACT = "Kontakt";
    static final String COORDINATOR = "Klyngens koordinator";
    static final String PROVIDER = "Udbyder af klyngepakken";
    static final String ORDER_LINK = "Bestillingen i Samspil";

    static final String WHO_COMES = "Hvem fra kommunen deltager";
    static final String ROLE = "Kommunens rolle";
    static final String PREPARATION = "Forberedelse til kommunen";
    static final String DELIVERABLES = "Levering af data til klyngemødet";
    static final String DELIVERABLES_INTRO = "Der lægges op til, at kommunen bidrager med følgende til mødet:";
    static final String CLUSTER_WISHES = "Klyngens egne ønsker til kommunens bidrag på klyngemødet";
    static final String SUGGESTED_ACTIONS = "Forslag til handlingsmuligheder efter klyngemødet";
    static final String PRE_MEETING = "Formøde";
    static final String PRE_MEETING_TEXT = "Det anbefales at afholde et formøde mellem de personer fra klyngen og "
            + "kommunen, der skal stå for mødet. På formødet ser I resultaterne igennem sammen og aftaler det endelige "
            + "indhold: hvem skal deltage, hvad skal kommunens oplæg indeholde, og hvad er forventningerne til kommunen i øvrigt.";
    static final String DECK_IS_A_FRAME = "Powerpointen er udelukkende ment som et forslag til en ramme for mødet. "
            + "Det er kommunen og klyngen, der i fællesskab beslutter det endelige indhold.";

    static final String PROGRAMME = "Foreløbigt program";
    static final String PROVISIONAL = "Programmet er foreløbigt. Klyngen og kommunen aftaler det endelige indhold på "
            + "formødet, så der kan komme ændringer.";
    static final List<String> PROGRAMME_COLUMNS = List.of("Tidspunkt", "Punkt", "Varighed");
    static final String QUESTIONNAIRE = "Spørgeskema før mødet";
    static final String PODCAST = "Forbered dig gerne ved at lytte til KiAP's podcast om emnet. Podcasten er en god og "
            + "lettilgængelig måde at forberede sig på til mødet.";
    static final String INVITED_MEMBERS = "Inviterede fra klyngen";
    static final String PARTICIPANTS_EXPECTED = "Vi forventer, at kommunens medarbejdere deltager i alle "
            + "plenumdrøftelser, og naturligvis også når der skal drøftes opsamling og opfølgning til sidst.";

    static final String ROLES = "Roller";
    static final List<String> ROLE_COLUMNS = List.of("Rolle", "Navn");
    static final List<String> ROLE_NAMES = List.of("Mødeleder", "Referent", "Oplægsholder fra kommunen");
    static final String BEFORE = "Før mødet";
    static final String AT_PRE_MEETING = "Til formødet";
    static final List<String> PRE_MEETING_CHECKS = List.of(
            "Se resultaterne igennem sammen: Hvad viser resultaterne, hvad hæfter I jer ved, og hvad vil I gerne fremhæve på mødet?",
            "Hvad vil I gerne have ud af mødet hver især og i fællesskab?",
            "Kan I pege på noget, I ønsker at ændre på, og som I rent faktisk har mulighed for at ændre på?",
            "Overvej hvordan I vil følge op på mødet, så I har svaret klar ved afslutningen af mødet (er der fx noget, der skal videre i KLU?).",
            "Aftal hvem der skal være referent på mødet, så jeres aftaler bliver skrevet ned.");
    static final String PRACTICAL = "Praktisk";
    static final List<String> PRACTICAL_CHECKS = List.of(
            "Lokalet er stort nok til alle deltagerne.",
            "Der er powerpoint-projektor, internetforbindelse, flipover eller tavle og kuglepenne til bordene.");
    static final String DURING = "Under mødet";
    static final List<String> DURING_CHECKS = List.of(
            "Mødelederen holder tiden efter programmet.",
            "Hver blok rundes af med en fælles dialog i plenum. Notér på flipover eller tavle, så alle kan se, hvad der samles op og aftales.",
            "Kommunens medarbejdere deltager i alle plenumdrøftelser.",
            "Referenten skriver aftalerne ned: hvad, hvem og hvornår.");
    static final String AFTER = "Efter mødet";
    static final String SEND_MINUTES = "Send referatet med aftalerne til klyngens medlemmer og kommunens deltagere.";
    static final String COMMENT_QUESTIONNAIRE = "Kommentér udkastet til spørgeskema hurtigst muligt, så eventuelle "
            + "justeringer kommer med i den version, der sendes ud til klyngens medlemmer.";
    static final String AGREE_WITH_MUNICIPALITY =
            "Aftal med kommunen, hvem der deltager, og hvad kommunens oplæg skal indeholde.";

    static final String GROUP = "Gruppens deltagere";
    static final String WRITE_HERE = "Skriv gruppens svar i felterne.";
    static final String AGREEMENTS = "Gruppens aftaler";
    static final List<String> AGREEMENT_COLUMNS = List.of("Hvad", "Hvem", "Hvornår");
    static final String PARKING_LOT = "Parkeringsplads: idéer og uafklarede spørgsmål";

    static final String EXPECTED = "Det forventes af kommunen";
    static final String DEADLINES = "Frister";
    static final String CONTACT_PERSON = "Kommunens kontaktperson";
    static final List<String> CONTACT_PERSON_FIELDS = List.of("Navn", "Stilling", "Telefon", "E-mail");
    static final List<String> FIELD_COLUMNS = List.of("Oplysning", "Udfyldes af kommunen");

    private DocumentWording() {}

    static String fromTo(String cluster, String municipality) {
        return "Fra " + cluster + " til " + municipality;
    }

    static String invitationToMunicipality(String cluster, String municipality, String title) {
        return cluster + " inviterer " + municipality + " til et fælles klyngemøde om " + title + ".";
    }

    static String greetingMembers(String cluster) {
        return "Kære medlemmer af " + cluster;
    }

    static String invitationToMembers(String municipality, String title) {
        return "Vi inviterer til et fælles klyngemøde med " + municipality + " om " + title + ".";
    }

    static String greetingParticipants(String municipality) {
        return "Kære deltagere fra " + municipality;
    }

    static String invitationToParticipants(String cluster, String title) {
        return "Tak fordi I vil deltage i det fælles klyngemøde med " + cluster + " om " + title
                + ". Her er tid, sted og det foreløbige program.";
    }

    static String regards(String sender) {
        return "Med venlig hilsen\n" + sender;
    }

    static String venue(String venue) {
        return venue == null || venue.isBlank() ? "Sted aftales" : venue;
    }

    static String orderBy(int weeks, String date) {
        return "Senest " + weeks + " uger før mødet (" + date + "): bestil klyngepakken.";
    }

    static String preMeetingBy(String date) {
        return "Ca. 1 uge før mødet (" + date + "): formøde mellem klyngen og kommunen.";
    }

    static String finalDeckBy(String date) {
        return "Senest 2 uger før mødet (" + date
                + "): endelig præsentation med resultaterne sendes til klyngen og kommunens deltagere.";
    }

    static String dataBy(String date) {
        return "Til formødet (" + date + "): kommunens tal og bidrag til mødet.";
    }

    static String meeting(String date, String time) {
        return date + ", " + time + ": klyngemødet.";
    }

    static String sendInvitation(boolean podcast) {
        return "Send invitation med program til mødedeltagerne med klyngepakken i pdf"
                + (podcast ? " og link til KiAP's podcast om emnet." : ".");
    }

    static String block(String time, String title) {
        return time + " " + title;
    }

    static String numbered(int number, String text) {
        return number + ". " + text;
    }

    static String subtitle(String title, String cluster, String municipality, LocalDate date) {
        return title + " · " + cluster + " og " + municipality + " · " + DanishFormat.longDate(date);
    }
}
