package dk.samspil.documents;

import dk.samspil.platform.BundleTexts;
import dk.samspil.platform.DanishFormat;
import java.time.LocalDate;
import java.util.List;

/**
 * The fixed Danish texts of the package documents, in one place. The package's own texts come from the catalogue;
 * the planning group's checklist and the deadlines follow KiAP's drejebog (seed 004).
 */
final class DocumentWording {

    private static final BundleTexts TEXTS = BundleTexts.of("i18n/documents");

    static final String CLUSTER = text("documents.doc.cluster");
    static final String DATE = text("documents.doc.date");
    static final String TIME = text("documents.doc.time");
    static final String VENUE = text("documents.doc.venue");
    static final String TIME_AND_PLACE = text("documents.doc.time.and.place");
    static final String PURPOSE = text("documents.doc.purpose");
    static final String CONTACT = text("documents.doc.contact");
    static final String COORDINATOR = text("documents.doc.coordinator");
    static final String PROVIDER = text("documents.doc.provider");
    static final String ORDER_LINK = text("documents.doc.order.link");

    static final String WHO_COMES = text("documents.doc.who.comes");
    static final String ROLE = text("documents.doc.role");
    static final String PREPARATION = text("documents.doc.preparation");
    static final String DELIVERABLES = text("documents.doc.deliverables");
    static final String DELIVERABLES_INTRO = text("documents.doc.deliverables.intro");
    static final String CLUSTER_WISHES = text("documents.doc.cluster.wishes");
    static final String SUGGESTED_ACTIONS = text("documents.doc.suggested.actions");
    static final String PRE_MEETING = text("documents.doc.pre.meeting");
    static final String PRE_MEETING_TEXT = text("documents.doc.pre.meeting.text");
    static final String DECK_IS_A_FRAME = text("documents.doc.deck.is.a.frame");

    static final String PROGRAMME = text("documents.doc.programme");
    static final String PROVISIONAL = text("documents.doc.provisional");
    static final List<String> PROGRAMME_COLUMNS = texts("documents.doc.programme.columns", 3);
    static final String QUESTIONNAIRE = text("documents.doc.questionnaire");
    static final String PODCAST = text("documents.doc.podcast");
    static final String INVITED_MEMBERS = text("documents.doc.invited.members");
    static final String PARTICIPANTS_EXPECTED = text("documents.doc.participants.expected");

    static final String ROLES = text("documents.doc.roles");
    static final List<String> ROLE_COLUMNS = texts("documents.doc.role.columns", 2);
    static final List<String> ROLE_NAMES = texts("documents.doc.role.names", 3);
    static final String BEFORE = text("documents.doc.before");
    static final String AT_PRE_MEETING = text("documents.doc.at.pre.meeting");
    static final List<String> PRE_MEETING_CHECKS = texts("documents.doc.pre.meeting.checks", 5);
    static final String PRACTICAL = text("documents.doc.practical");
    static final List<String> PRACTICAL_CHECKS = texts("documents.doc.practical.checks", 2);
    static final String DURING = text("documents.doc.during");
    static final List<String> DURING_CHECKS = texts("documents.doc.during.checks", 4);
    static final String AFTER = text("documents.doc.after");
    static final String SEND_MINUTES = text("documents.doc.send.minutes");
    static final String COMMENT_QUESTIONNAIRE = text("documents.doc.comment.questionnaire");
    static final String AGREE_WITH_MUNICIPALITY = text("documents.doc.agree.with.municipality");

    static final String GROUP = text("documents.doc.group");
    static final String WRITE_HERE = text("documents.doc.write.here");
    static final String AGREEMENTS = text("documents.doc.agreements");
    static final List<String> AGREEMENT_COLUMNS = texts("documents.doc.agreement.columns", 3);
    static final String PARKING_LOT = text("documents.doc.parking.lot");

    static final String EXPECTED = text("documents.doc.expected");
    static final String DEADLINES = text("documents.doc.deadlines");
    static final String CONTACT_PERSON = text("documents.doc.contact.person");
    static final List<String> CONTACT_PERSON_FIELDS = texts("documents.doc.contact.person.fields", 4);
    static final List<String> FIELD_COLUMNS = texts("documents.doc.field.columns", 2);

    private DocumentWording() {}

    static String text(String key, Object... args) {
        return TEXTS.text(key, args);
    }

    static List<String> texts(String key, int count) {
        return TEXTS.texts(key, count);
    }

    static String fromTo(String cluster, String municipality) {
        return text("documents.doc.fromTo", cluster, municipality);
    }

    static String invitationToMunicipality(String cluster, String municipality, String title) {
        return text("documents.doc.invitationToMunicipality", cluster, municipality, title);
    }

    static String greetingMembers(String cluster) {
        return text("documents.doc.greetingMembers", cluster);
    }

    static String invitationToMembers(String municipality, String title) {
        return text("documents.doc.invitationToMembers", municipality, title);
    }

    static String greetingParticipants(String municipality) {
        return text("documents.doc.greetingParticipants", municipality);
    }

    static String invitationToParticipants(String cluster, String title) {
        return text("documents.doc.invitationToParticipants", cluster, title);
    }

    static String regards(String sender) {
        return text("documents.doc.regards", sender);
    }

    static String venue(String venue) {
        return venue == null || venue.isBlank() ? text("documents.doc.venueUnknown") : venue;
    }

    static String orderBy(int weeks, String date) {
        return text("documents.doc.orderBy", weeks, date);
    }

    static String preMeetingBy(String date) {
        return text("documents.doc.preMeetingBy", date);
    }

    static String finalDeckBy(String date) {
        return text("documents.doc.finalDeckBy", date);
    }

    static String dataBy(String date) {
        return text("documents.doc.dataBy", date);
    }

    static String meeting(String date, String time) {
        return text("documents.doc.meeting", date, time);
    }

    static String sendInvitation(boolean podcast) {
        return text(podcast ? "documents.doc.sendInvitationWithPodcast" : "documents.doc.sendInvitation");
    }

    static String block(String time, String title) {
        return time + " " + title;
    }

    static String numbered(int number, String text) {
        return number + ". " + text;
    }

    static String subtitle(String title, String cluster, String municipality, LocalDate date) {
        return text("documents.doc.subtitle", title, cluster, municipality, DanishFormat.longDate(date));
    }
}
