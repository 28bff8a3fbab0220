package dk.samspil.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.ordering.OrderPackage;
import dk.samspil.ordering.Orders;
import dk.samspil.survey.Surveys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A provider's consultant edits its packages in the browser: a new package as a copy, the programme and a question
 * changed, rules at the field, published as a version a coordinator orders; an edit after that changes the
 * catalogue, never the order placed before; two editors of one draft do not overwrite each other.
 */
@SamspilTest
class PackageEditorTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    Catalog catalog;

    @Autowired
    Orders orders;

    @Autowired
    Surveys surveys;

    @Autowired
    JdbcClient jdbc;

    /** The copies published here leave the catalogue again, so other tests see the shipped packages alone. */
    @AfterEach
    void withdrawTheCopies() {
        jdbc.sql("UPDATE catalog_package SET status = 'WITHDRAWN' WHERE slug LIKE '%-kopi-%'")
                .update();
    }

    @Test
    void aConsultantCopiesEditsAndPublishesAPackageThatACoordinatorOrders() throws Exception {
        String slug = "akut-kopi-" + System.nanoTime();
        long draft = copy("akutfunktioner", slug, "Akutfunktioner i vores region");
        Document form = page("/udbyder/pakker/kladder/" + draft, "konsulent");
        assertThat(form.select("#title").val()).isEqualTo("Akutfunktioner i vores region");
        assertThat(form.select("#status option[selected]").val()).isEqualTo("IN_PREPARATION");

        // The programme's first block gets ten minutes more without the meeting getting longer: refused at the field.
        FormPost longer = fill(form).param("programme[0].minutes", "20").param("status", "OFFERED");
        Document refused = Jsoup.parse(perform(longer.param("handling", "udgiv"), "konsulent")
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#meetingMinutes-error").text())
                .contains("Programmets minutter giver 160, men mødet varer 150 minutter");
        assertThat(refused.select("#programme0\\.minutes").val())
                .as("what was typed stays")
                .isEqualTo("20");
        assertThat(catalog.find(slug)).as("nothing published").isEmpty();

        // A scale question without options, a text question with some: each refused at its field.
        Document bad = Jsoup.parse(perform(
                        fill(form)
                                .param("questions[0].options", "")
                                .param("questions[1].type", "TEXT")
                                .param("questions[1].options", "Ja\nNej")
                                .param("handling", "gem"),
                        "konsulent")
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(bad.select("#questions0\\.options-error").text()).contains("mindst to");
        assertThat(bad.select("#questions1\\.options-error").text()).contains("ingen svarmuligheder");

        // The first block gets 20 minutes and the introduction 0 → removed; the first question is reworded.
        String newQuestion = "Hvor godt kender du akutfunktionen i din egen kommune?";
        MvcResult published = perform(
                fill(form)
                        .param("programme[0].minutes", "20")
                        .param("programme[1].minutes", String.valueOf(minutes(form, 1) - 10))
                        .param("questions[0].text", newQuestion)
                        .param(
                                "municipalityPreparation",
                                "Find kommunens tal for akutfunktionen\r\n\r\nAftal, hvem der holder oplægget")
                        .param("status", "OFFERED")
                        .param("handling", "udgiv"),
                "konsulent");
        assertThat(published.getResponse().getRedirectedUrl()).isEqualTo("/udbyder/pakker");
        PackageDefinition first = catalog.find(slug).orElseThrow();
        assertThat(first.provider()).isEqualTo("KIAP");
        assertThat(first.programme().get(0).minutes()).isEqualTo(20);
        assertThat(first.programme().get(1).items())
                .as("an item keeps its contents")
                .isEqualTo(catalog.find("akutfunktioner")
                        .orElseThrow()
                        .programme()
                        .get(1)
                        .items());
        assertThat(first.questionnaire().questions().get(0).text()).isEqualTo(newQuestion);
        assertThat(first.municipalityPreparation())
                .containsExactly("Find kommunens tal for akutfunktionen", "Aftal, hvem der holder oplægget");
        assertThat(first.participants())
                .as("what was not changed stays")
                .isEqualTo(catalog.find("akutfunktioner").orElseThrow().participants());
        assertThat(first.questionnaire().questions().get(0).key())
                .as("the question keeps its key")
                .isEqualTo(catalog.find("akutfunktioner")
                        .orElseThrow()
                        .questionnaire()
                        .questions()
                        .get(0)
                        .key());
        assertThat(page("/pakker", "koordinator").text()).contains("Akutfunktioner i vores region");

        long order = OrderFixtures.placeOrder(
                mvc, users, slug, OrderFixtures.today().plusWeeks(10), "redigeret@aarhus.example.dk");

        // Edited again and published: the catalogue shows the new title, the order keeps its version.
        long again = draftOf(slug);
        perform(
                fill(page("/udbyder/pakker/kladder/" + again, "konsulent"))
                        .param("title", "Akutfunktioner – anden udgave")
                        .param("handling", "udgiv"),
                "konsulent");
        assertThat(catalog.find(slug).orElseThrow().title()).isEqualTo("Akutfunktioner – anden udgave");
        var placed = orders.find(order).orElseThrow();
        assertThat(placed.packageTitle()).isEqualTo("Akutfunktioner i vores region");
        assertThat(OrderPackage.of(catalog, placed).programme().get(0).minutes())
                .isEqualTo(20);
        assertThat(surveys.forOrder(order, slug).questions().get(0).text()).isEqualTo(newQuestion);

        Document versions = page("/udbyder/pakker/" + slug + "/versioner", "konsulent");
        assertThat(versions.text())
                .contains("Ændret fra version 1 til version 2", "Titel", "Akutfunktioner i vores region")
                .contains("Akutfunktioner – anden udgave");
    }

    /**
     * The akut package's second question is a grid (seed 002: the same scale for four patient groups); its rows are
     * edited one per line like the options, a grid with one row is refused at the field; the shipped questionnaire is
     * a draft until the provider confirms it.
     */
    @Test
    void aGridsRowsAreEditedAndTheShippedQuestionnaireIsADraftUntilConfirmed() throws Exception {
        assertThat(page("/pakker/akutfunktioner", "koordinator")
                        .select("#spoergeskema")
                        .text())
                .contains("Spørgeskemaet er et udkast", "Rækker: Akut sygdom · Kronisk sygdom");
        String slug = "grid-kopi-" + System.nanoTime();
        long draft = copy("akutfunktioner", slug, "Akutfunktioner med skema");
        Document form = page("/udbyder/pakker/kladder/" + draft, "konsulent");
        assertThat(form.select("#questions1\\.type option[selected]").val()).isEqualTo("GRID");
        assertThat(form.select("#questions1\\.rows").first().wholeText())
                .isEqualTo("Akut sygdom\nKronisk sygdom\nPsykisk sygdom\nKomplekse tilstande");
        assertThat(form.select("#questionnaireConfirmed").hasAttr("checked")).isFalse();

        Document oneRow = Jsoup.parse(
                perform(fill(form).param("questions[1].rows", "Kun én gruppe").param("handling", "gem"), "konsulent")
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(oneRow.select("#questions1\\.rows-error").text()).contains("mindst to rækker");
        assertThat(oneRow.select("#questions1\\.rows").first().wholeText()).isEqualTo("Kun én gruppe");

        perform(
                fill(form)
                        .param(
                                "questions[1].rows",
                                "Akut sygdom\nKronisk sygdom\nPsykisk sygdom\nKomplekse tilstande\nDemens")
                        .param("questions[4].type", "GRID")
                        .param("questions[4].rows", "Dag\n  \nNat")
                        .param("questionnaireConfirmed", "true")
                        .param("status", "OFFERED")
                        .param("handling", "udgiv"),
                "konsulent");
        PackageDefinition published = catalog.find(slug).orElseThrow();
        assertThat(published.questionnaire().draft()).as("confirmed").isFalse();
        assertThat(published.questionnaire().questions().get(1).rows())
                .endsWith("Demens")
                .hasSize(5);
        PackageDefinition.Question made = published.questionnaire().questions().get(4);
        assertThat(made.type()).isEqualTo(PackageDefinition.QuestionType.GRID);
        assertThat(made.rows()).containsExactly("Dag", "Nat");
        assertThat(page("/pakker/" + slug, "koordinator")
                        .select("#spoergeskema")
                        .text())
                .doesNotContain("Spørgeskemaet er et udkast")
                .contains("Rækker: Dag · Nat");
    }

    /**
     * An item's contents are edited as the package page shows them (a heading, its points starting with "- "), an
     * entry keeping what it shows when its heading is reworded; the dialogue questions one per line; the elective
     * topics one title per line, each keeping its key (orders name them by it) and the free-text one by its own field.
     */
    @Test
    void anItemsContentsAndTheElectiveTopicsAreEditedAsText() throws Exception {
        PackageDefinition shipped = catalog.find("medicinhaandtering").orElseThrow();
        String slug = "medicin-indhold-kopi-" + System.nanoTime();
        MvcResult made = mvc.perform(post("/udbyder/pakker/medicinhaandtering/kopi")
                        .param("title", "Medicinhåndtering med eget indhold")
                        .param("slug", slug)
                        .with(csrf())
                        .with(users.as("midtkraft")))
                .andReturn();
        Document form = page(made.getResponse().getRedirectedUrl(), "midtkraft");
        assertThat(form.select("#programme1\\.contents").first().wholeText())
                .startsWith("Korte fælles oplæg\n- Fælles medicinkort (FMK)")
                .contains("\n\nGennemgang af resultater fra spørgeskemaet\n- ");
        assertThat(form.select("#electives").first().wholeText())
                .startsWith("PN-medicin\nHåndkøbsmedicin og kosttilskud");
        assertThat(form.select("#electivesOther").val()).isEqualTo("Andet valgt af mødeplanlægningsgruppen");

        // A point before any heading, more topics to choose than there are: each at its field, the text kept.
        String pointFirst = "- Et punkt uden overskrift";
        Document refused = Jsoup.parse(perform(
                        fill(form)
                                .param("programme[1].contents", pointFirst)
                                .param("electivesChoose", "9")
                                .param("handling", "gem"),
                        "midtkraft")
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#programme1\\.contents-error").text()).contains("begynde med en overskrift");
        assertThat(refused.select("#programme1\\.contents").first().wholeText()).isEqualTo(pointFirst);
        assertThat(refused.select("#electivesChoose-error").text()).contains("mellem 1 og 5");

        perform(
                fill(form)
                        .param(
                                "programme[1].contents",
                                "Oplæg om FMK og LMK\n- Videoerne om systemerne\n\n"
                                        + "Gennemgang af resultater fra spørgeskemaet\n- Kendskab til FMK\n-   \n"
                                        + "Gruppearbejde <i>ved bordene</i>\n- Dialogarket")
                        .param("programme[1].dialogue", "Hvor opstår fejlene?\n\nHvem retter dem?")
                        .param("electives", "PN-medicin\nDosisdispensering\nHåndkøbsmedicin og kosttilskud")
                        .param("electivesOther", "")
                        .param("electivesChoose", "2")
                        .param("handling", "udgiv"),
                "midtkraft");
        PackageDefinition published = catalog.find(slug).orElseThrow();
        var item = published.programme().get(1);
        assertThat(item.items())
                .extracting(PackageDefinition.ProgrammeEntry::heading)
                .containsExactly(
                        "Oplæg om FMK og LMK",
                        "Gennemgang af resultater fra spørgeskemaet",
                        "Gruppearbejde <i>ved bordene</i>");
        assertThat(item.items().get(0).points()).containsExactly("Videoerne om systemerne");
        assertThat(item.items().get(1).points()).as("an empty point left out").containsExactly("Kendskab til FMK");
        assertThat(item.items().get(1).shows())
                .as("the survey results stay with their entry")
                .isEqualTo(shipped.programme().get(1).items().get(1).shows());
        assertThat(item.dialogueQuestions()).containsExactly("Hvor opstår fejlene?", "Hvem retter dem?");
        assertThat(published.programme().get(2).items())
                .as("an item not touched keeps its contents")
                .isEqualTo(shipped.programme().get(2).items());
        assertThat(published.electiveTopics().choose()).isEqualTo(2);
        assertThat(published.electiveTopics().options())
                .extracting(PackageDefinition.ElectiveOption::key)
                .containsExactly("pn-medicin", "dosisdispensering", "haandkoebsmedicin-kosttilskud");
        assertThat(published.electiveTopics().options()).noneMatch(PackageDefinition.ElectiveOption::freeText);
        Document shown = page("/pakker/" + slug, "koordinator");
        assertThat(shown.text()).contains("Oplæg om FMK og LMK", "Dosisdispensering", "Hvem retter dem?");
        assertThat(shown.html()).doesNotContain("<i>ved bordene</i>");
    }

    /** A withdrawn package leaves the catalogue and cannot be ordered; the orders placed before go on. */
    @Test
    void aWithdrawnPackageCannotBeOrderedAndItsOrdersGoOn() throws Exception {
        String slug = "forebyg-kopi-" + System.nanoTime();
        long draft = copy("forebyggelse-rehabilitering", slug, "Forebyggelse, vores udgave");
        perform(
                fill(page("/udbyder/pakker/kladder/" + draft, "konsulent"))
                        .param("status", "OFFERED")
                        .param("handling", "udgiv"),
                "konsulent");
        long order = OrderFixtures.placeOrder(
                mvc, users, slug, OrderFixtures.today().plusWeeks(10), "tilbagetrukket@aarhus.example.dk");

        perform(
                fill(page("/udbyder/pakker/kladder/" + draftOf(slug), "konsulent"))
                        .param("status", "WITHDRAWN")
                        .param("handling", "udgiv"),
                "konsulent");
        assertThat(page("/pakker", "koordinator").text()).doesNotContain("Forebyggelse, vores udgave");
        Document withdrawn = page("/pakker/" + slug, "koordinator");
        assertThat(withdrawn.text()).contains("trukket tilbage");
        assertThat(withdrawn.select("a[href^=/bestillinger/ny]")).isEmpty();
        assertThat(mvc.perform(get("/bestillinger/ny?pakke=" + slug).with(users.as("koordinator")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(page("/bestillinger/" + order, "koordinator").text()).contains("Forebyggelse, vores udgave");
    }

    /** The package's own drejebog tasks are edited with the package (seed 000's medicine package has four). */
    @Test
    void aPackagesOwnDrejebogTasksAreEditedWithIt() throws Exception {
        String slug = "medicin-kopi-" + System.nanoTime();
        MvcResult made = mvc.perform(post("/udbyder/pakker/medicinhaandtering/kopi")
                        .param("title", "Medicinhåndtering, vores udgave")
                        .param("slug", slug)
                        .with(csrf())
                        .with(users.as("midtkraft")))
                .andReturn();
        String draft = made.getResponse().getRedirectedUrl();
        Document form = page(draft, "midtkraft");
        assertThat(form.select("#drejebog0\\.weeks").val()).isEqualTo("17");
        assertThat(form.select("#drejebog3\\.after").hasAttr("checked")).isTrue();

        Document added = Jsoup.parse(perform(fill(form).param("handling", "nyOpgave"), "midtkraft")
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        Document refused = Jsoup.parse(perform(
                        fill(added)
                                .param("drejebog[4].title", "Send dialogarket til kommunen")
                                .param("drejebog[4].weeks", "200")
                                .param("handling", "gem"),
                        "midtkraft")
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#drejebog4\\.weeks-error").text()).contains("mellem 0 og 104");
        perform(
                fill(refused)
                        .param("drejebog[0].weeks", "16")
                        .param("drejebog[4].weeks", "3")
                        .param("handling", "udgiv"),
                "midtkraft");
        PackageDefinition published = catalog.find(slug).orElseThrow();
        assertThat(published.drejebog()).hasSize(5);
        assertThat(published.drejebog().get(0).weeksBefore()).isEqualTo(16);
        assertThat(published.drejebog().get(3).weeksAfter()).isEqualTo(2);
        assertThat(published.drejebog().get(4))
                .isEqualTo(new PackageDefinition.DrejebogTask(
                        "Send dialogarket til kommunen", PackageDefinition.TaskOwner.CLUSTER, 3, null));
    }

    @Test
    void twoEditorsOfOneDraftDoNotOverwriteEachOther() throws Exception {
        String slug = "dosis-kopi-" + System.nanoTime();
        long draft = copy("dosisdispensering", slug, "Dosis, første titel");
        Document karin = page("/udbyder/pakker/kladder/" + draft, "konsulent");
        Document admin = page("/udbyder/pakker/kladder/" + draft, "admin");
        perform(fill(admin).param("title", "Administratorens titel").param("handling", "gem"), "admin");

        Document conflict =
                Jsoup.parse(perform(fill(karin).param("title", "Karins titel").param("handling", "gem"), "konsulent")
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(conflict.select("#conflict").text()).contains("gemt af en anden");
        assertThat(conflict.select("#title").val())
                .as("her text stays in the field")
                .isEqualTo("Karins titel");
        assertThat(conflict.text()).contains("Gemt af den anden: Administratorens titel");
        assertThat(drafts(slug)).as("the other's save stands").isEqualTo("Administratorens titel");

        // Saving again, knowingly, saves hers.
        perform(fill(conflict).param("handling", "gem"), "konsulent");
        assertThat(drafts(slug)).isEqualTo("Karins titel");
    }

    @Test
    void anotherProvidersConsultantGets404OnEveryEditorAddress() throws Exception {
        String slug = "attest-kopi-" + System.nanoTime();
        long draft = copy("akutfunktioner", slug, "KiAPs kopi");
        for (String path : List.of(
                "/udbyder/pakker/kladder/" + draft,
                "/udbyder/pakker/akutfunktioner/kopi",
                "/udbyder/pakker/akutfunktioner/versioner")) {
            assertThat(mvc.perform(get(path).with(users.as("midtkraft")))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(path)
                    .isEqualTo(404);
        }
        for (String path : List.of(
                "/udbyder/pakker/kladder/" + draft,
                "/udbyder/pakker/kladder/" + draft + "/slet",
                "/udbyder/pakker/akutfunktioner/ret",
                "/udbyder/pakker/akutfunktioner/kopi")) {
            assertThat(mvc.perform(post(path)
                                    .param("title", "Overtaget")
                                    .param("slug", "overtaget-" + System.nanoTime())
                                    .with(csrf())
                                    .with(users.as("midtkraft")))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(drafts(slug)).isEqualTo("KiAPs kopi");
        assertThat(page("/udbyder/pakker", "midtkraft").text())
                .contains("Medicinhåndtering i samarbejde med kommunen")
                .doesNotContain("KiAPs kopi");
        for (String role : List.of("koordinator", "kommune", "medlem", "pko", "redaktoer")) {
            assertThat(mvc.perform(get("/udbyder/pakker").with(users.as(role)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(role)
                    .isEqualTo(404);
        }
    }

    @Test
    void aCopyNeedsAFreeAddress() throws Exception {
        Document taken = Jsoup.parse(mvc.perform(post("/udbyder/pakker/akutfunktioner/kopi")
                        .param("title", "Kopi")
                        .param("slug", "dosisdispensering")
                        .with(csrf())
                        .with(users.as("konsulent")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(taken.select("#slug-error").text()).contains("findes allerede");
        Document invalid = Jsoup.parse(mvc.perform(post("/udbyder/pakker/akutfunktioner/kopi")
                        .param("title", "")
                        .param("slug", "Store Bogstaver!")
                        .with(csrf())
                        .with(users.as("konsulent")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(invalid.select("#slug-error").text()).contains("små bogstaver");
        assertThat(invalid.select("#title-error").text()).contains("Skriv en tekst");
    }

    /** A package file exported and read back is the same package, for every shipped package. */
    @Test
    void everyShippedPackageMakesTheRoundTripThroughItsPackageFile() throws Exception {
        for (String slug : List.of(
                "akutfunktioner",
                "forebyggelse-rehabilitering",
                "medicinhaandtering",
                "dosisdispensering",
                "attester")) {
            MvcResult file = mvc.perform(
                            get("/udbyder/pakker/" + slug + "/pakke.yaml").with(users.as("admin")))
                    .andReturn();
            assertThat(file.getResponse().getHeader("Content-Disposition")).contains(slug + ".yaml");
            PackageDefinition read =
                    CatalogLoader.parse(slug, file.getResponse().getContentAsByteArray());
            assertThat(read).as(slug).isEqualTo(catalog.find(slug).orElseThrow());
        }
    }

    @Test
    void aPackageFileBecomesADraftAndABadOneChangesNothing() throws Exception {
        String yaml = mvc.perform(
                        get("/udbyder/pakker/akutfunktioner/pakke.yaml").with(users.as("konsulent")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String slug = "fil-kopi-" + System.nanoTime();
        String renamed = yaml.replaceFirst("(?m)^slug: .*$", "slug: \"" + slug + "\"");
        int drafts = jdbc.sql("SELECT count(*) FROM catalog_package_draft")
                .query(Integer.class)
                .single();

        assertThat(importError("konsulent", "noget: [ikke lukket".getBytes(StandardCharsets.UTF_8)))
                .contains("kan ikke læses som en pakkefil", "linje");
        assertThat(importError(
                        "konsulent",
                        renamed.replaceFirst("(?m)^meetingMinutes: .*$", "meetingMinutes: 90")
                                .getBytes(StandardCharsets.UTF_8)))
                .contains("Programmets minutter giver 150, men mødet varer 90 minutter");
        assertThat(importError(
                        "konsulent",
                        renamed.replaceFirst("(?m)^title:", "titel:").getBytes(StandardCharsets.UTF_8)))
                .as("a field of another name")
                .contains("kan ikke læses som en pakkefil");
        String medicine = mvc.perform(
                        get("/udbyder/pakker/medicinhaandtering/pakke.yaml").with(users.as("midtkraft")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(importError("konsulent", medicine.getBytes(StandardCharsets.UTF_8)))
                .contains("en anden udbyder (MIDTKRAFT)");
        assertThat(importError("konsulent", new byte[600 * 1024])).contains("for stor");
        assertThat(jdbc.sql("SELECT count(*) FROM catalog_package_draft")
                        .query(Integer.class)
                        .single())
                .as("nothing made from a bad file")
                .isEqualTo(drafts);

        MvcResult good = mvc.perform(multipart("/udbyder/pakker/import")
                        .file(new MockMultipartFile(
                                "file", slug + ".yaml", "application/yaml", renamed.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())
                        .with(users.as("konsulent")))
                .andReturn();
        assertThat(good.getResponse().getRedirectedUrl()).startsWith("/udbyder/pakker/kladder/");
        assertThat(jdbc.sql("SELECT definition ->> 'title' FROM catalog_package_draft WHERE slug = ?")
                        .param(slug)
                        .query(String.class)
                        .single())
                .isEqualTo(catalog.find("akutfunktioner").orElseThrow().title());
    }

    /** The message at the file field after an upload ("" when the upload made a draft). */
    private String importError(String user, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/udbyder/pakker/import")
                        .file(new MockMultipartFile("file", "pakke.yaml", "application/yaml", content))
                        .with(csrf())
                        .with(users.as(user)))
                .andReturn();
        if (result.getResponse().getRedirectedUrl() != null) {
            return "";
        }
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select("#file-error")
                .text();
    }

    private long copy(String source, String slug, String title) throws Exception {
        MvcResult made = mvc.perform(post("/udbyder/pakker/" + source + "/kopi")
                        .param("title", title)
                        .param("slug", slug)
                        .with(csrf())
                        .with(users.as("konsulent")))
                .andReturn();
        String location = made.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/udbyder/pakker/kladder/");
        return Long.parseLong(location.substring("/udbyder/pakker/kladder/".length()));
    }

    private long draftOf(String slug) throws Exception {
        MvcResult made = mvc.perform(
                        post("/udbyder/pakker/" + slug + "/ret").with(csrf()).with(users.as("konsulent")))
                .andReturn();
        String location = made.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring("/udbyder/pakker/kladder/".length()));
    }

    private String drafts(String slug) {
        return jdbc.sql("SELECT definition ->> 'title' FROM catalog_package_draft WHERE slug = ?")
                .param(slug)
                .query(String.class)
                .single();
    }

    private static int minutes(Document form, int item) {
        return Integer.parseInt(form.select("#programme" + item + "\\.minutes").val());
    }

    /** The form posted as the page has it (every input, select and textarea with its value), to be changed. */
    private static FormPost fill(Document page) {
        Element form = page.select("form[action^=/udbyder/pakker/kladder/]").first();
        FormPost post = new FormPost(form.attr("action"));
        for (Element field : form.select("input[name], select[name], textarea[name]")) {
            String name = field.attr("name");
            if (name.startsWith("_")) {
                continue;
            }
            if (field.is("input[type=checkbox]")) {
                if (field.hasAttr("checked")) {
                    post.values.put(name, field.val());
                }
            } else if (field.is("select")) {
                Element selected = field.selectFirst("option[selected]");
                post.values.put(
                        name, selected == null ? field.select("option").first().val() : selected.val());
            } else {
                post.values.put(name, field.is("textarea") ? field.wholeText() : field.val());
            }
        }
        return post;
    }

    /** A form's fields by name, one value each: {@link #param} sets one. */
    private static final class FormPost {
        private final String action;
        private final java.util.Map<String, String> values = new java.util.LinkedHashMap<>();

        FormPost(String action) {
            this.action = action;
        }

        FormPost param(String name, String value) {
            values.put(name, value);
            return this;
        }

        MockHttpServletRequestBuilder request() {
            MockHttpServletRequestBuilder request = post(action).with(csrf());
            values.forEach(request::param);
            return request;
        }
    }

    private MvcResult perform(FormPost form, String user) throws Exception {
        return perform(form.request(), user);
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(users.as(user))).andReturn();
    }

    private Document page(String path, String user) throws Exception {
        MvcResult result = mvc.perform(get(path).with(users.as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
