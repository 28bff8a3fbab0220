package dk.samspil.documents;

import dk.samspil.catalog.PackageDefinition;
import dk.samspil.office.DocxBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The package's documents as editable Word files (.docx): invitations, the planning group's checklist, the dialogue
 * sheet, the fact sheet and, where the package has them, the municipality's preparation questions. The texts come
 * from the catalogue; the order adds cluster, municipality, date, time and contacts.
 */
final class PackageDocuments {

    public enum Kind {
        MUNICIPALITY_INVITATION("invitation-kommunen"),
        MEMBER_INVITATION("invitation-program-medlemmer"),
        PARTICIPANT_INVITATION("invitation-program-kommunen"),
        PLANNING_CHECKLIST("tjekliste-planlaegningsgruppe"),
        DIALOGUE_SHEET("dialogark"),
        FACT_SHEET("faktaark-kommunen"),
        MUNICIPAL_DREJEBOG("drejebog-kommunen");

        private final String fileStem;

        Kind(String fileStem) {
            this.fileStem = fileStem;
        }

        /** The document's Danish title (documents.kind.* in the bundle). */
        public String title() {
            return DocumentWording.text("documents.kind." + name());
        }

        /** An ascii-safe file name without extension. */
        public String fileStem() {
            return fileStem;
        }
    }

    /** What an order adds to the package's texts. Any field but cluster/municipality/date/start may be null. */
    public record Facts(
            String cluster,
            String municipality,
            LocalDate date,
            LocalTime start,
            String venue,
            String coordinator,
            String provider,
            String orderLink,
            List<String> members) {
        public Facts {
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(municipality, "municipality");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(start, "start");
            members = members == null
                    ? List.of()
                    : members.stream().filter(Objects::nonNull).toList();
        }
    }

    private PackageDocuments() {}

    /**
     * The kinds this package has: none for a package that cannot be ordered yet; MUNICIPAL_DREJEBOG only where the
     * package has preparation questions for the municipality.
     */
    public static List<Kind> kinds(PackageDefinition pkg) {
        if (!pkg.orderable()) {
            return List.of();
        }
        List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
        if (pkg.municipalityPreparation().isEmpty()) {
            kinds.remove(Kind.MUNICIPAL_DREJEBOG);
        }
        return List.copyOf(kinds);
    }

    public static void write(Kind kind, PackageDefinition pkg, Facts facts, OutputStream out) throws IOException {
        DocxBuilder doc = new DocxBuilder(kind.title() + ": " + pkg.title());
        DocumentSections sections = new DocumentSections(doc, pkg, facts);
        sections.header(kind);
        switch (kind) {
            case MUNICIPALITY_INVITATION -> Invitations.toMunicipality(sections);
            case MEMBER_INVITATION -> Invitations.toMembers(sections);
            case PARTICIPANT_INVITATION -> Invitations.toParticipants(sections);
            case PLANNING_CHECKLIST -> PlanningChecklist.write(sections);
            case DIALOGUE_SHEET -> DialogueSheet.write(sections);
            case FACT_SHEET -> FactSheet.write(sections);
            case MUNICIPAL_DREJEBOG -> MunicipalDrejebog.write(sections);
        }
        doc.write(out);
    }
}
