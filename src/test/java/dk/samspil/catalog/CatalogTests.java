package dk.samspil.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.samspil.SamspilTest;
import dk.samspil.catalog.PackageDefinition.PackageStatus;
import dk.samspil.catalog.PackageDefinition.QuestionType;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;

@SamspilTest
class CatalogTests {

    @Autowired
    Catalog catalog;

    @Autowired
    CatalogLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsTheFivePackagesOfTheSources() {
        // Other tests publish packages of their own in the shared database: the shipped ones are checked here.
        List<String> shipped = List.of(
                "akutfunktioner", "forebyggelse-rehabilitering", "medicinhaandtering", "dosisdispensering", "attester");
        List<PackageSummary> loaded =
                catalog.all().stream().filter(p -> shipped.contains(p.slug())).toList();
        assertThat(loaded)
                .extracting(PackageSummary::slug)
                .containsExactlyInAnyOrder(
                        "akutfunktioner",
                        "forebyggelse-rehabilitering",
                        "medicinhaandtering",
                        "dosisdispensering",
                        "attester");
        assertThat(catalog.find("attester"))
                .get()
                .extracting(PackageDefinition::status)
                .isEqualTo(PackageStatus.IN_PREPARATION);
        assertThat(loaded).last().extracting(PackageSummary::slug).isEqualTo("attester");
    }

    @Test
    void acuteFunctionPackageHoldsTheSeedsProgrammeAndElevenQuestions() {
        PackageDefinition p = catalog.find("akutfunktioner").orElseThrow();
        assertThat(p.provider()).isEqualTo("KIAP");
        assertThat(p.leadTime().weeks()).isEqualTo(8);
        assertThat(p.leadTime().binding()).isTrue();
        assertThat(p.meetingMinutes()).isEqualTo(150);
        assertThat(p.programme())
                .extracting(PackageDefinition.ProgrammeItem::minutes)
                .containsExactly(10, 65, 15, 40, 20);
        assertThat(p.questionnaire().questions()).hasSize(11);
        assertThat(p.questionnaire().questions().get(0).text())
                .isEqualTo("Hvad er dit kendskab til indholdet i kommunens akutfunktioner?");
        assertThat(p.questionnaire().questions().get(6).type()).isEqualTo(QuestionType.MULTIPLE);
        assertThat(p.questionnaire().questions().get(2).type()).isEqualTo(QuestionType.TEXT);
        assertThat(p.serviceCodes())
                .extracting(PackageDefinition.ServiceCode::code)
                .containsExactly("0124");
        // Seed 002 gives the questions only: the answer options are ours, a draft until KiAP confirms them.
        assertThat(p.questionnaire().draft()).isTrue();
        PackageDefinition.Question needs = p.questionnaire().questions().get(1);
        assertThat(needs.type())
                .as("seed 002's question 2 asks the same scale for four patient groups")
                .isEqualTo(QuestionType.GRID);
        assertThat(needs.rows())
                .containsExactly("Akut sygdom", "Kronisk sygdom", "Psykisk sygdom", "Komplekse tilstande");
    }

    @Test
    void preventionPackageHasTheEightQuestionsOfTheSlides() {
        PackageDefinition p = catalog.find("forebyggelse-rehabilitering").orElseThrow();
        assertThat(p.questionnaire().questions()).hasSize(8);
        assertThat(p.questionnaire().questions().get(0).text())
                .startsWith(
                        "I hvilken grad kender du til indholdet i kommunes forebyggelses- og rehabiliteringstilbud");
    }

    @Test
    void medicinePackageOffersTwoOfFiveElectiveTopicsAndRecommendsFourMonths() {
        PackageDefinition p = catalog.find("medicinhaandtering").orElseThrow();
        assertThat(p.provider()).isEqualTo("MIDTKRAFT");
        assertThat(p.electiveTopics().choose()).isEqualTo(2);
        assertThat(p.electiveTopics().options()).hasSize(5);
        assertThat(p.fixedTopics()).hasSize(4);
        assertThat(p.materials()).hasSize(8);
        assertThat(p.leadTime().binding()).isFalse();
        assertThat(p.questionnaire().draft()).isTrue();
    }

    @Test
    void doseDispensingPackageListsTheSixSuggestedActions() {
        PackageDefinition p = catalog.find("dosisdispensering").orElseThrow();
        assertThat(p.suggestedActions()).hasSize(6);
        assertThat(p.municipalityDeliverables()).isNotEmpty();
    }

    /**
     * What the deck and the survey read of a programme is said by fields, not read out of its prose: every block a
     * question names is a numbered block of the programme, and the entries marked as the municipality's talk or as
     * going through results and data are where the packages' texts say so.
     */
    @Test
    void theProgrammesBlocksRolesAndContentsAreExplicitFields() {
        for (PackageSummary summary : catalog.all()) {
            PackageDefinition p = catalog.find(summary.slug()).orElseThrow();
            java.util.Set<Integer> blocks = p.programme().stream()
                    .map(PackageDefinition.ProgrammeItem::block)
                    .filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.toSet());
            p.questionnaire().questions().stream()
                    .filter(q -> q.block() != null)
                    .forEach(q -> assertThat(blocks)
                            .as(p.slug() + " question " + q.number() + " names a block of the programme")
                            .contains(q.block()));
        }
        PackageDefinition acute = catalog.find("akutfunktioner").orElseThrow();
        assertThat(acute.programme())
                .extracting(PackageDefinition.ProgrammeItem::block)
                .containsExactly(null, 1, null, 2, 3);
        PackageDefinition.ProgrammeItem second = acute.programme().get(3);
        assertThat(second.items().get(0).municipalTalk()).isTrue();
        assertThat(second.items().get(1).shows()).containsExactly(PackageDefinition.EntryShows.SURVEY_RESULTS);
        assertThat(acute.programme().get(1).items().get(0).shows())
                .containsExactly(
                        PackageDefinition.EntryShows.SURVEY_RESULTS, PackageDefinition.EntryShows.REGISTER_DATA);
    }

    /** The places of the chosen elective topics are fields of the programme, not words in its headings. */
    @Test
    void electiveTopicsTakeTheirPlacesByFieldNotByHeading() {
        PackageDefinition medicine = catalog.find("medicinhaandtering").orElseThrow();
        PackageDefinition.ProgrammeItem electives = medicine.programme().stream()
                .filter(item -> item.electivesTitle() != null)
                .findFirst()
                .orElseThrow();
        assertThat(electives.items())
                .extracting(PackageDefinition.ProgrammeEntry::elective)
                .containsExactly(1, 2);

        PackageDefinition ordered = medicine.withElectives(List.of("Demens", "Palliation"));
        PackageDefinition.ProgrammeItem named =
                ordered.programme().get(medicine.programme().indexOf(electives));
        assertThat(named.title()).isEqualTo("Blok 3: Demens; Palliation");
        assertThat(named.items())
                .extracting(PackageDefinition.ProgrammeEntry::heading)
                .containsExactly("Demens", "Palliation");
        // Every other item and entry is as the package has it.
        assertThat(ordered.programme()).hasSameSizeAs(medicine.programme());
        for (int i = 0; i < medicine.programme().size(); i++) {
            if (medicine.programme().get(i) != electives) {
                assertThat(ordered.programme().get(i))
                        .isEqualTo(medicine.programme().get(i));
            }
        }
        // One topic chosen: the second place keeps the package's heading.
        assertThat(medicine.withElectives(List.of("Demens"))
                        .programme()
                        .get(medicine.programme().indexOf(electives))
                        .items())
                .extracting(PackageDefinition.ProgrammeEntry::heading)
                .containsExactly("Demens", "Valgfrit emne 2");
    }

    @Test
    void programmeGetsClockTimesFromTheStartTime() {
        PackageDefinition p = catalog.find("akutfunktioner").orElseThrow();
        assertThat(p.scheduleFrom(LocalTime.of(16, 0)))
                .extracting(PackageDefinition.ScheduledItem::to)
                .containsExactly(
                        LocalTime.of(16, 10),
                        LocalTime.of(17, 15),
                        LocalTime.of(17, 30),
                        LocalTime.of(18, 10),
                        LocalTime.of(18, 30));
    }

    @Test
    void loadingAgainChangesNothing() throws Exception {
        Resource[] files = {
            new ClassPathResource("catalog/akutfunktioner.yaml"), new ClassPathResource("catalog/attester.yaml")
        };
        int versionBefore = version("akutfunktioner");
        assertThat(loader.load(files)).isZero();
        assertThat(version("akutfunktioner")).isEqualTo(versionBefore);
    }

    @Test
    void changedFileUpdatesThePackageInPlace() throws Exception {
        ClassPathResource original = new ClassPathResource("catalog/attester.yaml");
        String yaml = original.getContentAsString(StandardCharsets.UTF_8);
        int versionBefore = version("attester");
        try {
            String changed = yaml.replaceFirst("title: .*", "title: \"Attester – ny udgave\"");
            assertThat(loader.load(named(changed, "attester.yaml"))).isEqualTo(1);
            assertThat(catalog.find("attester"))
                    .get()
                    .extracting(PackageDefinition::title)
                    .isEqualTo("Attester – ny udgave");
            assertThat(version("attester")).isEqualTo(versionBefore + 1);
            // The version before is kept, for the orders placed with it.
            assertThat(catalog.find("attester", versionBefore))
                    .get()
                    .extracting(PackageDefinition::title)
                    .isNotEqualTo("Attester – ny udgave");
            assertThat(catalog.title("attester", versionBefore + 1)).contains("Attester – ny udgave");
            assertThat(jdbc.sql("SELECT count(*) FROM catalog_package WHERE slug = 'attester'")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        } finally {
            loader.load(original);
        }
        assertThat(catalog.find("attester"))
                .get()
                .extracting(PackageDefinition::title)
                .isEqualTo("Attester");
    }

    @Test
    void refusesAPackageWhoseProgrammeDoesNotAddUp() throws Exception {
        String yaml = new ClassPathResource("catalog/akutfunktioner.yaml")
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("meetingMinutes: 150", "meetingMinutes: 120");
        assertThatThrownBy(() -> CatalogLoader.parse("broken.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("programme minutes");
    }

    private int version(String slug) {
        return jdbc.sql("SELECT version FROM catalog_package WHERE slug = ?")
                .param(slug)
                .query(Integer.class)
                .single();
    }

    private static Resource named(String content, String filename) {
        return CatalogFixtures.named(content, filename);
    }
}
