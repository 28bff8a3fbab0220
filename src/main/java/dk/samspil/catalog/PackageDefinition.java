package dk.samspil.catalog;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One cluster package as its resource file defines it. Lists are never null; optional texts may be.
 * The record mirrors the YAML schema described in {@code resources/catalog/README.md}.
 */
public record PackageDefinition(
        String slug,
        String title,
        String provider,
        PackageStatus status,
        String summary,
        String focus,
        List<String> purpose,
        List<String> method,
        List<String> dataSources,
        List<ServiceCode> serviceCodes,
        Participants participants,
        int meetingMinutes,
        LeadTime leadTime,
        String typicalStart,
        List<String> materials,
        List<Topic> fixedTopics,
        ElectiveTopics electiveTopics,
        List<ProgrammeItem> programme,
        boolean draftProgramme,
        Questionnaire questionnaire,
        List<String> dataRequirements,
        List<String> municipalityRole,
        List<String> municipalityPreparation,
        List<String> municipalityDeliverables,
        List<String> clusterWishes,
        List<String> suggestedActions,
        List<String> afterMeeting,
        boolean podcast,
        String podcastUrl,
        MunicipalData municipalData,
        List<DrejebogTask> drejebog) {

    public PackageDefinition {
        purpose = nonNull(purpose);
        method = nonNull(method);
        dataSources = nonNull(dataSources);
        serviceCodes = nonNull(serviceCodes);
        participants = participants == null ? new Participants(List.of(), List.of()) : participants;
        materials = nonNull(materials);
        fixedTopics = nonNull(fixedTopics);
        programme = nonNull(programme);
        questionnaire = questionnaire == null ? new Questionnaire(false, null, List.of()) : questionnaire;
        dataRequirements = nonNull(dataRequirements);
        municipalityRole = nonNull(municipalityRole);
        municipalityPreparation = nonNull(municipalityPreparation);
        municipalityDeliverables = nonNull(municipalityDeliverables);
        clusterWishes = nonNull(clusterWishes);
        suggestedActions = nonNull(suggestedActions);
        afterMeeting = nonNull(afterMeeting);
        municipalData = municipalData == null ? MunicipalData.NONE : municipalData;
        drejebog = nonNull(drejebog);
    }

    public boolean orderable() {
        return status == PackageStatus.OFFERED;
    }

    /** The programme with clock times from a start time: the one place this is computed. */
    public List<ScheduledItem> scheduleFrom(LocalTime start) {
        List<ScheduledItem> items = new ArrayList<>();
        LocalTime at = start;
        for (ProgrammeItem item : programme) {
            LocalTime end = at.plusMinutes(item.minutes());
            items.add(new ScheduledItem(item, at, end));
            at = end;
        }
        return items;
    }

    public record ScheduledItem(ProgrammeItem item, LocalTime from, LocalTime to) {}

    /**
     * The titles of an order's chosen elective topics, in the order chosen; an option with free text ("Andet valgt
     * af mødeplanlægningsgruppen") by what the orderer wrote.
     */
    public List<String> electiveTitles(List<String> keys, String otherText) {
        if (electiveTopics == null) {
            return List.of();
        }
        List<String> titles = new ArrayList<>();
        for (String key : keys) {
            electiveTopics.options().stream()
                    .filter(o -> o.key().equals(key))
                    .findFirst()
                    .ifPresent(o -> titles.add(
                            o.freeText() && otherText != null && !otherText.isBlank() ? otherText.strip() : o.title()));
        }
        return titles;
    }

    /**
     * The package as one order has it: the programme's places for elective topics (an entry with {@code elective: n},
     * an item with {@code electivesTitle}) named by the topics chosen, so the programme, the deck, the invitations and
     * the dialogue sheet say what the meeting is about. Without a choice, the package as it is.
     */
    public PackageDefinition withElectives(List<String> titles) {
        if (titles.isEmpty()) {
            return this;
        }
        List<ProgrammeItem> named = new ArrayList<>();
        for (ProgrammeItem item : programme) {
            List<ProgrammeEntry> entries = new ArrayList<>();
            for (ProgrammeEntry entry : item.items()) {
                int n = entry.elective() == null ? 0 : entry.elective();
                entries.add(
                        n >= 1 && n <= titles.size()
                                ? new ProgrammeEntry(
                                        titles.get(n - 1),
                                        entry.points(),
                                        entry.role(),
                                        entry.shows(),
                                        entry.elective())
                                : entry);
            }
            String title = item.electivesTitle() == null
                    ? item.title()
                    : item.electivesTitle().replace("{topics}", String.join("; ", titles));
            named.add(new ProgrammeItem(
                    title,
                    item.minutes(),
                    item.kind(),
                    item.block(),
                    entries,
                    item.dialogueQuestions(),
                    item.electivesTitle()));
        }
        return withProgramme(named);
    }

    /**
     * The package with another programme: an order's own, adapted with the cluster (seed 004: "i fællesskab beslutter
     * det endelige indhold"); everything else as the package version has it.
     */
    public PackageDefinition withProgramme(List<ProgrammeItem> items) {
        return new PackageDefinition(
                slug,
                title,
                provider,
                status,
                summary,
                focus,
                purpose,
                method,
                dataSources,
                serviceCodes,
                participants,
                meetingMinutes,
                leadTime,
                typicalStart,
                materials,
                fixedTopics,
                electiveTopics,
                items,
                draftProgramme,
                questionnaire,
                dataRequirements,
                municipalityRole,
                municipalityPreparation,
                municipalityDeliverables,
                clusterWishes,
                suggestedActions,
                afterMeeting,
                podcast,
                podcastUrl,
                municipalData,
                drejebog);
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Who owns a task of the package's own drejebog. */
    public enum TaskOwner {
        CLUSTER,
        PROVIDER,
        MUNICIPALITY
    }

    /**
     * A task of this package's own drejebog, beside the steps every package has (seed 000: "går i gang ca. fire måneder
     * før", the planning group's meetings, "samler op på guldkorn"): due {@code weeksBefore} the meeting or {@code
     * weeksAfter} it, one of the two.
     */
    public record DrejebogTask(String title, TaskOwner owner, Integer weeksBefore, Integer weeksAfter) {}

    /** Offered (can be ordered), in preparation (shown, not yet orderable), withdrawn (not shown; its orders go on). */
    public enum PackageStatus {
        OFFERED,
        IN_PREPARATION,
        WITHDRAWN
    }

    /**
     * What the municipality delivers for the meeting through Samspil: nothing, referral counts per practice and
     * offer (a file), or the dose-dispensing figures of seed 001 (a form).
     */
    public enum MunicipalData {
        NONE,
        REFERRALS,
        DOSIS
    }

    /**
     * A service of the national service file the package shows.
     *
     * @param measure what the file's count of the code is: services, shown per 1,000 listed patients against the
     *     region and the country (RATE, the default); or patients receiving the service in a month (PATIENTS: KiAP's
     *     figure for dose-dispensing, shown as the number of patients per practice in the latest month, since
     *     patients counted month by month do not add up)
     */
    public record ServiceCode(String code, String name, Measure measure) {

        public ServiceCode {
            measure = measure == null ? Measure.RATE : measure;
        }

        public ServiceCode(String code, String name) {
            this(code, name, Measure.RATE);
        }

        public boolean countsPatients() {
            return measure == Measure.PATIENTS;
        }
    }

    public enum Measure {
        RATE,
        PATIENTS
    }

    public record Participants(List<String> cluster, List<String> municipality) {
        public Participants {
            cluster = nonNull(cluster);
            municipality = nonNull(municipality);
        }
    }

    /** @param binding true: an order later than this is refused; false: a recommendation that warns. */
    public record LeadTime(int weeks, boolean binding, String text) {}

    public record Topic(String title, String description) {}

    public record ElectiveTopics(int choose, List<ElectiveOption> options) {
        public ElectiveTopics {
            options = nonNull(options);
        }
    }

    public record ElectiveOption(String key, String title, boolean freeText) {}

    public enum ItemKind {
        BLOCK,
        BREAK
    }

    /**
     * An item of the programme.
     *
     * @param block the number a questionnaire's question names to put its results in this item ("Blok 2": 2); null
     *     for an item that is no numbered block (an introduction, a break)
     * @param electivesTitle for the item that holds the elective topics: its title once an order has chosen them,
     *     {@code {topics}} standing for the chosen topics' titles ("Blok 3: {topics}"); null for other items
     */
    public record ProgrammeItem(
            String title,
            int minutes,
            ItemKind kind,
            Integer block,
            List<ProgrammeEntry> items,
            List<String> dialogueQuestions,
            String electivesTitle) {
        public ProgrammeItem {
            kind = kind == null ? ItemKind.BLOCK : kind;
            items = nonNull(items);
            dialogueQuestions = nonNull(dialogueQuestions);
        }
    }

    /** Who presents a programme entry, where the package says: the municipality's own talk. */
    public enum EntryRole {
        MUNICIPALITY
    }

    /** What a programme entry goes through: the survey's results, the register data (ydelses- or henvisningsdata). */
    public enum EntryShows {
        SURVEY_RESULTS,
        REGISTER_DATA
    }

    /**
     * @param elective for an entry that stands for the n-th elective topic an order chooses: n (its heading becomes
     *     that topic's title); null for other entries
     */
    public record ProgrammeEntry(
            String heading, List<String> points, EntryRole role, List<EntryShows> shows, Integer elective) {
        public ProgrammeEntry {
            points = nonNull(points);
            shows = nonNull(shows);
        }

        public boolean municipalTalk() {
            return role == EntryRole.MUNICIPALITY;
        }
    }

    public record Questionnaire(boolean draft, String intro, List<Question> questions) {
        public Questionnaire {
            questions = nonNull(questions);
        }
    }

    /**
     * SCALE: one option; MULTIPLE: any options ("sæt gerne flere kryds"); TEXT: free text; GRID: the same scale for
     * each of the question's rows (seed 002's akut question 2: four patient groups), one option per row.
     */
    public enum QuestionType {
        SCALE,
        MULTIPLE,
        TEXT,
        GRID
    }

    /**
     * @param key the question's stable identity across versions and the follow-up a year later
     * @param rows a GRID question's rows, each answered on the scale of {@code options}; empty for other types
     */
    public record Question(
            String key,
            int number,
            String text,
            QuestionType type,
            List<String> options,
            boolean other,
            boolean required,
            Integer block,
            List<String> rows) {
        public Question {
            options = nonNull(options);
            rows = type == QuestionType.GRID ? nonNull(rows) : List.of();
        }

        /** A question that is no grid. */
        public Question(
                String key,
                int number,
                String text,
                QuestionType type,
                List<String> options,
                boolean other,
                boolean required,
                Integer block) {
            this(key, number, text, type, options, other, required, block, List.of());
        }

        public boolean grid() {
            return type == QuestionType.GRID;
        }

        /** The same question with another number (its place in the questionnaire). */
        public Question numbered(int newNumber) {
            return new Question(key, newNumber, text, type, options, other, required, block, rows);
        }
    }
}
