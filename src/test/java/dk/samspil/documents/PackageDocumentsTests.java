package dk.samspil.documents;

import static dk.samspil.documents.DocumentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.catalog.PackageDefinition;
import dk.samspil.catalog.PackageDefinition.ItemKind;
import dk.samspil.catalog.PackageDefinition.ProgrammeItem;
import dk.samspil.catalog.PackageDefinition.ScheduledItem;
import dk.samspil.documents.PackageDocuments.Facts;
import dk.samspil.documents.PackageDocuments.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

class PackageDocumentsTests {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH.mm");

    @Test
    void everyDocumentOfEveryOrderablePackageCarriesThePackageAndTheOrder() {
        List<PackageDefinition> orderable =
                packages().stream().filter(PackageDefinition::orderable).toList();
        assertThat(orderable).hasSize(4);
        for (PackageDefinition pkg : orderable) {
            for (Kind kind : PackageDocuments.kinds(pkg)) {
                String text = text(docx(kind, pkg, facts()));
                assertThat(text)
                        .as(pkg.slug() + " " + kind)
                        .contains(kind.title(), pkg.title(), CLUSTER, MUNICIPALITY, DANISH_DATE)
                        .doesNotContain("null");
            }
        }
    }

    @Test
    void invitationsWithProgrammeShowEveryItemWithClockTimesFromTheStart() {
        for (PackageDefinition pkg : orderable()) {
            for (Kind kind : List.of(Kind.MEMBER_INVITATION, Kind.PARTICIPANT_INVITATION)) {
                String text = text(docx(kind, pkg, facts()));
                assertThat(text).contains("foreløbigt", "kl. 16.00–18.30");
                for (ScheduledItem item : pkg.scheduleFrom(START)) {
                    assertThat(text)
                            .as(pkg.slug() + " " + item.item().title())
                            .contains(
                                    CLOCK.format(item.from()) + "–" + CLOCK.format(item.to()),
                                    item.item().title());
                    item.item().items().forEach(entry -> assertThat(text).contains(entry.points()));
                }
            }
        }
    }

    @Test
    void dialogueSheetHasEveryDialogueQuestionAndTheAgreementsTable() {
        for (PackageDefinition pkg : orderable()) {
            String text = text(docx(Kind.DIALOGUE_SHEET, pkg, facts()));
            List<String> questions = pkg.programme().stream()
                    .filter(item -> item.kind() == ItemKind.BLOCK)
                    .map(ProgrammeItem::dialogueQuestions)
                    .flatMap(List::stream)
                    .toList();
            assertThat(questions).isNotEmpty();
            assertThat(text).contains(questions).contains("Gruppens aftaler", "Hvad", "Hvem", "Hvornår");
        }
    }

    @Test
    void theElectiveTopicsChosenNameTheProgrammeInTheInvitationsAndTheDialogueSheet() {
        PackageDefinition medicine = DocumentFixtures.pkg("medicinhaandtering");
        List<String> chosen =
                medicine.electiveTitles(List.of("pn-medicin", "andet"), "Dosisdispensering i hjemmeplejen");
        assertThat(chosen).containsExactly("PN-medicin", "Dosisdispensering i hjemmeplejen");
        PackageDefinition ordered = medicine.withElectives(chosen);
        for (Kind kind : List.of(Kind.MEMBER_INVITATION, Kind.PARTICIPANT_INVITATION, Kind.DIALOGUE_SHEET)) {
            String text = text(docx(kind, ordered, facts()));
            assertThat(text)
                    .as(kind.name())
                    .contains("PN-medicin", "Dosisdispensering i hjemmeplejen")
                    .doesNotContain("Valgfrit emne", "Valgfrie emner");
        }
        assertThat(text(docx(Kind.MEMBER_INVITATION, medicine, facts())))
                .as("without a choice, the package as it is")
                .contains("Valgfrit emne 1");
    }

    @Test
    void drejebogHasEveryPreparationQuestionTheDataToDeliverAndTheContactPerson() {
        PackageDefinition dose = DocumentFixtures.pkg("dosisdispensering");
        String text = text(docx(Kind.MUNICIPAL_DREJEBOG, dose, facts()));
        assertThat(dose.municipalityPreparation()).hasSize(5);
        assertThat(text)
                .contains(dose.municipalityPreparation())
                .contains(dose.municipalityDeliverables())
                .contains("Kommunens kontaktperson", "Hvordan vurderer I patientsikkerheden ved dosisdispensering?");
    }

    @Test
    void checklistHasTheRolesTheFormødeAndTheDeadlinesInWords() {
        String text = text(docx(Kind.PLANNING_CHECKLIST, DocumentFixtures.pkg("akutfunktioner"), facts()));
        assertThat(text)
                .contains(
                        "☐",
                        "Mødeleder",
                        "Referent",
                        "Oplægsholder",
                        "Senest 2 uger før mødet (tirsdag 2. februar 2027): endelig præsentation",
                        "Senest 8 uger før mødet (tirsdag 22. december 2026): bestil klyngepakken.",
                        "Hvad viser resultaterne",
                        "hvordan I vil følge op",
                        "referent",
                        "Sæt resultatet fra klyngemødet på dagsordenen til det næste KLU-møde.");
    }

    @Test
    void municipalityInvitationSaysWhatIsAskedAndSuggestsTheFormøde() {
        PackageDefinition dose = DocumentFixtures.pkg("dosisdispensering");
        String text = text(docx(Kind.MUNICIPALITY_INVITATION, dose, facts()));
        assertThat(text)
                .contains(dose.focus())
                .contains(dose.participants().municipality())
                .contains(dose.municipalityRole())
                .contains(dose.municipalityDeliverables())
                .contains("formøde", "Søren Ødegård", "KiAP", "https://samspil.example/ordrer/42");
    }

    @Test
    void drejebogOnlyForThePackageWithPreparationQuestions() {
        for (PackageDefinition pkg : packages()) {
            List<Kind> kinds = PackageDocuments.kinds(pkg);
            if (pkg.slug().equals("dosisdispensering")) {
                assertThat(kinds).containsExactly(Kind.values());
            } else if (pkg.orderable()) {
                assertThat(kinds).hasSize(6).doesNotContain(Kind.MUNICIPAL_DREJEBOG);
            } else {
                assertThat(kinds).isEmpty();
            }
        }
        assertThat(Kind.values())
                .extracting(Kind::fileStem)
                .allMatch(stem -> stem.matches("[a-z-]+"))
                .doesNotHaveDuplicates();
    }

    @Test
    void missingVenueCoordinatorProviderAndLinkAreLeftOutQuietly() {
        Facts bare = new Facts(CLUSTER, MUNICIPALITY, DATE, START, null, null, null, null, null);
        for (PackageDefinition pkg : orderable()) {
            for (Kind kind : PackageDocuments.kinds(pkg)) {
                String text = text(docx(kind, pkg, bare));
                assertThat(text).contains(CLUSTER).doesNotContain("null");
                if (kind != Kind.DIALOGUE_SHEET) {
                    assertThat(text).as(kind.name()).contains("Sted aftales");
                }
            }
        }
    }

    @Test
    void hostileTextIsWrittenVerbatimAndTheFileStaysValid() throws IOException {
        String script = "<script>alert('x & y')</script>";
        String longName = "Klyngen " + "æøå".repeat(164);
        Facts hostile = new Facts(
                script,
                longName,
                DATE,
                START,
                "]]> <w:p/>",
                "\"Ødegård\" & co\u0001",
                null,
                "javascript:alert(1)",
                List.of(script));
        for (Kind kind : Kind.values()) {
            byte[] docx = docx(kind, DocumentFixtures.pkg("dosisdispensering"), hostile);
            String text = text(docx);
            assertThat(text).contains(script, longName);
            assertThat(documentXml(docx)).contains("&lt;script>").doesNotContain("<script>");
        }
        String invitation =
                text(docx(Kind.MUNICIPALITY_INVITATION, DocumentFixtures.pkg("dosisdispensering"), hostile));
        assertThat(invitation).contains("]]> <w:p/>", "\"Ødegård\" & co", "javascript:alert(1)");
        assertThat(open(docx(Kind.MUNICIPALITY_INVITATION, DocumentFixtures.pkg("dosisdispensering"), hostile))
                        .getHyperlinks())
                .isEmpty();
    }

    @Test
    void documentsAreA4WithRealHeadingsAndDanishText() {
        XWPFDocument document = open(docx(Kind.FACT_SHEET, DocumentFixtures.pkg("akutfunktioner"), facts()));
        assertThat(document.getDocument().getBody().getSectPr().getPgSz().getW())
                .hasToString("11906");
        assertThat(document.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
        assertThat(document.getStyles().getStyle("Heading2").getName()).isEqualTo("heading 2");
        assertThat(document.getParagraphs())
                .first()
                .extracting(XWPFParagraph::getStyle)
                .isEqualTo("Heading1");
        assertThat(document.getParagraphs())
                .filteredOn(p -> "Heading2".equals(p.getStyle()))
                .extracting(XWPFParagraph::getText)
                .contains("Tid og sted", "Formål", "Frister", "Kontakt");
        assertThat(document.getProperties().getCoreProperties().getTitle()).startsWith("Faktaark til kommunen");
    }

    private static List<PackageDefinition> orderable() {
        return packages().stream().filter(PackageDefinition::orderable).toList();
    }

    private static String documentXml(byte[] docx) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no word/document.xml");
    }
}
