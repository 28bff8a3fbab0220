package dk.samspil.documents;

import static dk.samspil.documents.DocumentWording.*;

import dk.samspil.catalog.PackageDefinition;
import dk.samspil.documents.PackageDocuments.Facts;
import dk.samspil.office.DocxBuilder;

/** The invitation to the municipality and the invitations with the provisional programme. */
final class Invitations {

    private Invitations() {}

    /** From the cluster to the municipality: what the package is, when, who comes, what is asked of them. */
    static void toMunicipality(DocumentSections sections) {
        DocxBuilder doc = sections.doc();
        PackageDefinition pkg = sections.pkg();
        Facts facts = sections.facts();
        doc.paragraph(fromTo(facts.cluster(), facts.municipality()));
        doc.paragraph(invitationToMunicipality(facts.cluster(), facts.municipality(), pkg.title()));
        if (pkg.focus() != null) {
            doc.paragraph(pkg.focus());
        }
        sections.purpose();
        sections.timeAndPlace();
        sections.bulletSection(WHO_COMES, pkg.participants().municipality());
        sections.tickSection(ROLE, pkg.municipalityRole());
        sections.bulletSection(PREPARATION, pkg.municipalityPreparation());
        sections.bulletSection(DELIVERABLES, pkg.municipalityDeliverables());
        sections.bulletSection(CLUSTER_WISHES, pkg.clusterWishes());
        doc.heading(2, PRE_MEETING);
        doc.paragraph(PRE_MEETING_TEXT);
        doc.bullets(sections.deadlines(false));
        doc.paragraph(DECK_IS_A_FRAME);
        sections.contact();
        doc.paragraph(regards(sections.sender()));
    }

    static void toMembers(DocumentSections sections) {
        DocxBuilder doc = sections.doc();
        PackageDefinition pkg = sections.pkg();
        Facts facts = sections.facts();
        doc.paragraph(greetingMembers(facts.cluster()));
        doc.paragraph(invitationToMembers(facts.municipality(), pkg.title()));
        sections.timeAndPlace();
        sections.purpose();
        sections.programme();
        String intro = pkg.questionnaire().intro();
        if (intro != null && !intro.isBlank()) {
            doc.heading(2, QUESTIONNAIRE);
            doc.paragraph(intro);
        }
        if (pkg.podcast()) {
            doc.paragraph(PODCAST);
        }
        sections.bulletSection(INVITED_MEMBERS, facts.members());
        sections.contact();
        doc.paragraph(regards(sections.sender()));
    }

    static void toParticipants(DocumentSections sections) {
        DocxBuilder doc = sections.doc();
        PackageDefinition pkg = sections.pkg();
        Facts facts = sections.facts();
        doc.paragraph(greetingParticipants(facts.municipality()));
        doc.paragraph(invitationToParticipants(facts.cluster(), pkg.title()));
        sections.timeAndPlace();
        sections.purpose();
        sections.programme();
        sections.tickSection(ROLE, pkg.municipalityRole());
        doc.paragraph(PARTICIPANTS_EXPECTED);
        if (pkg.podcast()) {
            doc.paragraph(PODCAST);
        }
        sections.contact();
        doc.paragraph(regards(sections.sender()));
    }
}
