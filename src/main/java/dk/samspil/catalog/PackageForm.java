package dk.samspil.catalog;

import dk.samspil.catalog.PackageDefinition.ElectiveTopics;
import dk.samspil.catalog.PackageDefinition.ItemKind;
import dk.samspil.catalog.PackageDefinition.LeadTime;
import dk.samspil.catalog.PackageDefinition.PackageStatus;
import dk.samspil.catalog.PackageDefinition.ProgrammeItem;
import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.QuestionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.validation.Errors;

/**
 * What a consultant edits of a package draft: the fields the catalogue page shows, the programme's items with their
 * contents and dialogue questions, the elective topics, the questionnaire and the package's own drejebog. What the
 * form does not hold (service codes, the municipal data asked for, an entry's role) stays as the draft has it. Rules are checked at the field, in Danish, by {@link #check}.
 */
class PackageForm {

    static final int MAX_TEXT = 200;
    static final int MAX_LONG_TEXT = 4000;

    private String title;
    private String summary;
    private String focus;
    private String purpose;
    private String method;
    private String dataSources;
    private String materials;
    private String participantsCluster;
    private String participantsMunicipality;
    private String dataRequirements;
    private String municipalityRole;
    private String municipalityPreparation;
    private String municipalityDeliverables;
    private String clusterWishes;
    private String suggestedActions;
    private String afterMeeting;
    private Integer meetingMinutes;
    private Integer leadTimeWeeks;
    private boolean leadTimeBinding;
    private String leadTimeText;
    private PackageStatus status;
    private Integer electivesChoose;
    /** The elective topics, one title per line, and the title of the free-text one ("andet"), blank for none. */
    private String electives = "";

    private String electivesOther = "";
    private boolean questionnaireConfirmed;
    private int version;
    private List<ItemForm> programme = new ArrayList<>();
    private List<QuestionRow> questions = new ArrayList<>();
    private List<TaskRow> drejebog = new ArrayList<>();

    /** One task of the package's own drejebog: weeks before the meeting, or after it when {@code after} is set. */
    static class TaskRow {
        private String title;
        private PackageDefinition.TaskOwner owner = PackageDefinition.TaskOwner.CLUSTER;
        private Integer weeks;
        private boolean after;

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public PackageDefinition.TaskOwner getOwner() {
            return owner;
        }

        public void setOwner(PackageDefinition.TaskOwner owner) {
            this.owner = owner;
        }

        public Integer getWeeks() {
            return weeks;
        }

        public void setWeeks(Integer weeks) {
            this.weeks = weeks;
        }

        public boolean isAfter() {
            return after;
        }

        public void setAfter(boolean after) {
            this.after = after;
        }
    }

    /** One item of the programme: a block or a break, with its minutes. */
    static class ItemForm {
        private String title;
        private Integer minutes;
        private ItemKind kind = ItemKind.BLOCK;
        /** Its place in the draft as saved, so it keeps its contents when moved; null for a new item. */
        private Integer origin;
        /** Its entries as {@link ProgrammeContents} writes them: headings, and points starting with "- ". */
        private String contents = "";
        /** Its dialogue questions, one per line. */
        private String dialogue = "";

        public String getContents() {
            return contents;
        }

        public void setContents(String contents) {
            this.contents = contents;
        }

        public String getDialogue() {
            return dialogue;
        }

        public void setDialogue(String dialogue) {
            this.dialogue = dialogue;
        }

        public Integer getOrigin() {
            return origin;
        }

        public void setOrigin(Integer origin) {
            this.origin = origin;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public Integer getMinutes() {
            return minutes;
        }

        public void setMinutes(Integer minutes) {
            this.minutes = minutes;
        }

        public ItemKind getKind() {
            return kind;
        }

        public void setKind(ItemKind kind) {
            this.kind = kind;
        }
    }

    /** One question: its key stays across versions (the follow-up compares by it). */
    static class QuestionRow extends QuestionFields {
        private String key;

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }
    }

    /** The form filled from a package (the draft as saved). */
    static PackageForm of(PackageDefinition p, int version) {
        PackageForm form = new PackageForm();
        form.title = p.title();
        form.summary = p.summary();
        form.focus = p.focus();
        form.purpose = String.join("\n", p.purpose());
        form.method = String.join("\n", p.method());
        form.dataSources = String.join("\n", p.dataSources());
        form.materials = String.join("\n", p.materials());
        form.participantsCluster = String.join("\n", p.participants().cluster());
        form.participantsMunicipality = String.join("\n", p.participants().municipality());
        form.dataRequirements = String.join("\n", p.dataRequirements());
        form.municipalityRole = String.join("\n", p.municipalityRole());
        form.municipalityPreparation = String.join("\n", p.municipalityPreparation());
        form.municipalityDeliverables = String.join("\n", p.municipalityDeliverables());
        form.clusterWishes = String.join("\n", p.clusterWishes());
        form.suggestedActions = String.join("\n", p.suggestedActions());
        form.afterMeeting = String.join("\n", p.afterMeeting());
        form.meetingMinutes = p.meetingMinutes();
        form.leadTimeWeeks = p.leadTime() == null ? null : p.leadTime().weeks();
        form.leadTimeBinding = p.leadTime() != null && p.leadTime().binding();
        form.leadTimeText = p.leadTime() == null ? null : p.leadTime().text();
        form.status = p.status();
        form.electivesChoose =
                p.electiveTopics() == null ? null : p.electiveTopics().choose();
        if (p.electiveTopics() != null) {
            form.electives = String.join(
                    "\n",
                    p.electiveTopics().options().stream()
                            .filter(o -> !o.freeText())
                            .map(PackageDefinition.ElectiveOption::title)
                            .toList());
            form.electivesOther = p.electiveTopics().options().stream()
                    .filter(PackageDefinition.ElectiveOption::freeText)
                    .map(PackageDefinition.ElectiveOption::title)
                    .findFirst()
                    .orElse("");
        }
        form.questionnaireConfirmed = !p.questionnaire().draft();
        form.version = version;
        for (ProgrammeItem item : p.programme()) {
            ItemForm i = new ItemForm();
            i.title = item.title();
            i.minutes = item.minutes();
            i.contents = ProgrammeContents.write(item.items());
            i.dialogue = String.join("\n", item.dialogueQuestions());
            i.kind = item.kind();
            i.origin = form.programme.size();
            form.programme.add(i);
        }
        for (PackageDefinition.DrejebogTask task : p.drejebog()) {
            TaskRow row = new TaskRow();
            row.title = task.title();
            row.owner = task.owner();
            row.after = task.weeksAfter() != null;
            row.weeks = row.after ? task.weeksAfter() : task.weeksBefore();
            form.drejebog.add(row);
        }
        for (Question question : p.questionnaire().questions()) {
            QuestionRow q = new QuestionRow();
            q.key = question.key();
            q.setText(question.text());
            q.setType(question.type());
            q.setOptions(String.join("\n", question.options()));
            q.setRows(String.join("\n", question.rows()));
            q.setOther(question.other());
            q.setRequired(question.required());
            form.questions.add(q);
        }
        return form;
    }

    /**
     * The rules of a package, each at its field. {@code publishing}: also those a published package must meet (an
     * offered package's programme adds up to the meeting's length and it has a lead time).
     */
    void check(PackageDefinition draft, boolean publishing, Errors errors) {
        requireText(errors, "title", title, MAX_TEXT);
        if (summary != null && summary.length() > MAX_LONG_TEXT) {
            errors.rejectValue("summary", "editor.text.long", new Object[] {MAX_LONG_TEXT}, null);
        }
        if (focus != null && focus.length() > MAX_LONG_TEXT) {
            errors.rejectValue("focus", "editor.text.long", new Object[] {MAX_LONG_TEXT}, null);
        }
        if (purpose != null && purpose.length() > MAX_LONG_TEXT) {
            errors.rejectValue("purpose", "editor.text.long", new Object[] {MAX_LONG_TEXT}, null);
        }
        for (String[] list : new String[][] {
            {"method", method},
            {"dataSources", dataSources},
            {"materials", materials},
            {"participantsCluster", participantsCluster},
            {"participantsMunicipality", participantsMunicipality},
            {"dataRequirements", dataRequirements},
            {"municipalityRole", municipalityRole},
            {"municipalityPreparation", municipalityPreparation},
            {"municipalityDeliverables", municipalityDeliverables},
            {"clusterWishes", clusterWishes},
            {"suggestedActions", suggestedActions},
            {"afterMeeting", afterMeeting},
        }) {
            if (list[1] != null && list[1].length() > MAX_LONG_TEXT) {
                errors.rejectValue(list[0], "editor.text.long", new Object[] {MAX_LONG_TEXT}, null);
            }
        }
        if (status == null) {
            errors.rejectValue("status", "editor.status.required");
        }
        if (meetingMinutes == null || meetingMinutes < 15 || meetingMinutes > 600) {
            errors.rejectValue("meetingMinutes", "editor.meetingMinutes.range");
        }
        if (leadTimeWeeks != null && (leadTimeWeeks < 1 || leadTimeWeeks > 104)) {
            errors.rejectValue("leadTimeWeeks", "editor.leadTime.range");
        }
        if (leadTimeText != null && leadTimeText.length() > MAX_LONG_TEXT) {
            errors.rejectValue("leadTimeText", "editor.text.long", new Object[] {MAX_LONG_TEXT}, null);
        }
        checkProgramme(errors);
        checkQuestions(errors);
        for (int i = 0; i < drejebog.size(); i++) {
            TaskRow task = drejebog.get(i);
            requireText(errors, "drejebog[" + i + "].title", task.getTitle(), 300);
            if (task.getWeeks() == null || task.getWeeks() < 0 || task.getWeeks() > 104) {
                errors.rejectValue("drejebog[" + i + "].weeks", "editor.task.weeks");
            }
            if (task.getOwner() == null) {
                errors.rejectValue("drejebog[" + i + "].owner", "editor.task.owner");
            }
        }
        List<String> topics = electiveTitles();
        int count = topics.size() + (electivesOther == null || electivesOther.isBlank() ? 0 : 1);
        if (topics.stream().anyMatch(t -> t.length() > MAX_TEXT)) {
            errors.rejectValue("electives", "editor.text.long", new Object[] {MAX_TEXT}, null);
        }
        if (electivesOther != null && electivesOther.length() > MAX_TEXT) {
            errors.rejectValue("electivesOther", "editor.text.long", new Object[] {MAX_TEXT}, null);
        }
        if (count > 0 && (electivesChoose == null || electivesChoose < 1 || electivesChoose > count)) {
            errors.rejectValue("electivesChoose", "editor.electives.choose", new Object[] {count}, null);
        }
        if (publishing && status == PackageStatus.OFFERED && !errors.hasErrors()) {
            int sum = programme.stream().mapToInt(ItemForm::getMinutes).sum();
            if (sum != meetingMinutes) {
                errors.rejectValue(
                        "meetingMinutes",
                        "editor.programme.sum",
                        new Object[] {String.valueOf(sum), String.valueOf(meetingMinutes)},
                        null);
            }
            if (leadTimeWeeks == null) {
                errors.rejectValue("leadTimeWeeks", "editor.leadTime.required");
            }
            if (programme.stream().noneMatch(item -> item.getKind() == ItemKind.BLOCK)) {
                errors.rejectValue("programme", "editor.programme.noBlock");
            }
        }
    }

    private void checkProgramme(Errors errors) {
        for (int i = 0; i < programme.size(); i++) {
            ItemForm item = programme.get(i);
            requireText(errors, "programme[" + i + "].title", item.getTitle(), MAX_TEXT);
            if (item.getMinutes() == null || item.getMinutes() < 1 || item.getMinutes() > 300) {
                errors.rejectValue("programme[" + i + "].minutes", "editor.item.minutes");
            }
            if (item.getKind() == null) {
                errors.rejectValue("programme[" + i + "].kind", "editor.item.kind");
            }
            String at = "programme[" + i + "]";
            ProgrammeContents.problem(item.getContents()).ifPresent(key -> errors.rejectValue(at + ".contents", key));
            if (lines(item.getDialogue()).stream().anyMatch(q -> q.length() > ProgrammeContents.MAX_POINT)) {
                errors.rejectValue(
                        at + ".dialogue", "editor.text.long", new Object[] {ProgrammeContents.MAX_POINT}, null);
            }
        }
    }

    private void checkQuestions(Errors errors) {
        for (int i = 0; i < questions.size(); i++) {
            QuestionRow q = questions.get(i);
            String at = "questions[" + i + "]";
            requireText(errors, at + ".text", q.getText(), 1000);
            if (q.getType() == null) {
                errors.rejectValue(at + ".type", "editor.question.type");
                continue;
            }
            List<String> options = q.optionList();
            if (q.getType() == QuestionType.TEXT && !options.isEmpty()) {
                errors.rejectValue(at + ".options", "editor.question.textOptions");
            } else if (q.getType() != QuestionType.TEXT && options.size() < 2) {
                errors.rejectValue(at + ".options", "editor.question.options");
            } else if (options.stream().anyMatch(o -> o.length() > MAX_TEXT)) {
                errors.rejectValue(at + ".options", "editor.text.long", new Object[] {MAX_TEXT}, null);
            }
            if (q.getType() == QuestionType.GRID) {
                List<String> rows = q.rowList();
                if (rows.size() < 2) {
                    errors.rejectValue(at + ".rows", "editor.question.rows");
                } else if (rows.stream().anyMatch(r -> r.length() > MAX_TEXT)) {
                    errors.rejectValue(at + ".rows", "editor.text.long", new Object[] {MAX_TEXT}, null);
                }
            }
        }
    }

    private static void requireText(Errors errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "editor.text.required");
        } else if (value.length() > max) {
            errors.rejectValue(field, "editor.text.long", new Object[] {max}, null);
        }
    }

    /**
     * The draft with this form's fields in it; all else as the draft has it. An item keeps its contents wherever it
     * is moved; a new item starts empty. A question keeps its key and its block.
     */
    PackageDefinition applyTo(PackageDefinition draft) {
        List<ProgrammeItem> items = new ArrayList<>();
        for (int i = 0; i < programme.size(); i++) {
            ItemForm form = programme.get(i);
            Integer origin = form.getOrigin();
            ProgrammeItem before =
                    origin != null && origin >= 0 && origin < draft.programme().size()
                            ? draft.programme().get(origin)
                            : null;
            items.add(new ProgrammeItem(
                    form.getTitle().strip(),
                    form.getMinutes(),
                    form.getKind(),
                    before == null ? null : before.block(),
                    ProgrammeContents.read(form.getContents(), before == null ? List.of() : before.items()),
                    lines(form.getDialogue()),
                    before == null ? null : before.electivesTitle()));
        }
        List<Question> list = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            QuestionRow form = questions.get(i);
            Question before = draft.questionnaire().questions().stream()
                    .filter(q -> q.key().equals(form.getKey()))
                    .findFirst()
                    .orElse(null);
            String key = before == null || !keys.add(before.key()) ? newKey(keys) : before.key();
            list.add(new Question(
                    key,
                    i + 1,
                    form.getText().strip(),
                    form.getType(),
                    form.optionList(),
                    form.isOther(),
                    form.isRequired(),
                    before == null ? null : before.block(),
                    form.rowList()));
        }
        List<PackageDefinition.ElectiveOption> options = ProgrammeContents.electives(
                electiveTitles(),
                electivesOther,
                draft.electiveTopics() == null
                        ? List.of()
                        : draft.electiveTopics().options());
        ElectiveTopics electives = options.isEmpty() ? null : new ElectiveTopics(electivesChoose, options);
        return new PackageDefinition(
                draft.slug(),
                title.strip(),
                draft.provider(),
                status,
                blankToNull(summary),
                blankToNull(focus),
                lines(purpose),
                lines(method),
                lines(dataSources),
                draft.serviceCodes(),
                new PackageDefinition.Participants(lines(participantsCluster), lines(participantsMunicipality)),
                meetingMinutes,
                leadTimeWeeks == null ? null : new LeadTime(leadTimeWeeks, leadTimeBinding, blankToNull(leadTimeText)),
                draft.typicalStart(),
                lines(materials),
                draft.fixedTopics(),
                electives,
                items,
                draft.draftProgramme(),
                new PackageDefinition.Questionnaire(
                        !questionnaireConfirmed, draft.questionnaire().intro(), list),
                lines(dataRequirements),
                lines(municipalityRole),
                lines(municipalityPreparation),
                lines(municipalityDeliverables),
                lines(clusterWishes),
                lines(suggestedActions),
                lines(afterMeeting),
                draft.podcast(),
                draft.podcastUrl(),
                draft.municipalData(),
                drejebog.stream()
                        .map(t -> new PackageDefinition.DrejebogTask(
                                t.getTitle().strip(),
                                t.getOwner(),
                                t.isAfter() ? null : t.getWeeks(),
                                t.isAfter() ? t.getWeeks() : null))
                        .toList());
    }

    private static String newKey(Set<String> taken) {
        String key;
        do {
            key = "q-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        } while (!taken.add(key));
        return key;
    }

    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getFocus() {
        return focus;
    }

    public void setFocus(String focus) {
        this.focus = focus;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public Integer getMeetingMinutes() {
        return meetingMinutes;
    }

    public void setMeetingMinutes(Integer meetingMinutes) {
        this.meetingMinutes = meetingMinutes;
    }

    public Integer getLeadTimeWeeks() {
        return leadTimeWeeks;
    }

    public void setLeadTimeWeeks(Integer leadTimeWeeks) {
        this.leadTimeWeeks = leadTimeWeeks;
    }

    public boolean isLeadTimeBinding() {
        return leadTimeBinding;
    }

    public void setLeadTimeBinding(boolean leadTimeBinding) {
        this.leadTimeBinding = leadTimeBinding;
    }

    public String getLeadTimeText() {
        return leadTimeText;
    }

    public void setLeadTimeText(String leadTimeText) {
        this.leadTimeText = leadTimeText;
    }

    public PackageStatus getStatus() {
        return status;
    }

    public void setStatus(PackageStatus status) {
        this.status = status;
    }

    private List<String> electiveTitles() {
        return lines(electives).stream().distinct().toList();
    }

    public String getElectives() {
        return electives;
    }

    public void setElectives(String electives) {
        this.electives = electives;
    }

    public String getElectivesOther() {
        return electivesOther;
    }

    public void setElectivesOther(String electivesOther) {
        this.electivesOther = electivesOther;
    }

    /** Whether the provider has confirmed the questionnaire (the shipped ones are drafts until it does). */
    public boolean isQuestionnaireConfirmed() {
        return questionnaireConfirmed;
    }

    public void setQuestionnaireConfirmed(boolean questionnaireConfirmed) {
        this.questionnaireConfirmed = questionnaireConfirmed;
    }

    public Integer getElectivesChoose() {
        return electivesChoose;
    }

    public void setElectivesChoose(Integer electivesChoose) {
        this.electivesChoose = electivesChoose;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public List<ItemForm> getProgramme() {
        return programme;
    }

    public void setProgramme(List<ItemForm> programme) {
        this.programme = programme;
    }

    public List<QuestionRow> getQuestions() {
        return questions;
    }

    public void setQuestions(List<QuestionRow> questions) {
        this.questions = questions;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getDataSources() {
        return dataSources;
    }

    public void setDataSources(String dataSources) {
        this.dataSources = dataSources;
    }

    public String getMaterials() {
        return materials;
    }

    public void setMaterials(String materials) {
        this.materials = materials;
    }

    public String getParticipantsCluster() {
        return participantsCluster;
    }

    public void setParticipantsCluster(String participantsCluster) {
        this.participantsCluster = participantsCluster;
    }

    public String getParticipantsMunicipality() {
        return participantsMunicipality;
    }

    public void setParticipantsMunicipality(String participantsMunicipality) {
        this.participantsMunicipality = participantsMunicipality;
    }

    public String getDataRequirements() {
        return dataRequirements;
    }

    public void setDataRequirements(String dataRequirements) {
        this.dataRequirements = dataRequirements;
    }

    public String getMunicipalityRole() {
        return municipalityRole;
    }

    public void setMunicipalityRole(String municipalityRole) {
        this.municipalityRole = municipalityRole;
    }

    public String getMunicipalityPreparation() {
        return municipalityPreparation;
    }

    public void setMunicipalityPreparation(String municipalityPreparation) {
        this.municipalityPreparation = municipalityPreparation;
    }

    public String getMunicipalityDeliverables() {
        return municipalityDeliverables;
    }

    public void setMunicipalityDeliverables(String municipalityDeliverables) {
        this.municipalityDeliverables = municipalityDeliverables;
    }

    public String getClusterWishes() {
        return clusterWishes;
    }

    public void setClusterWishes(String clusterWishes) {
        this.clusterWishes = clusterWishes;
    }

    public String getSuggestedActions() {
        return suggestedActions;
    }

    public void setSuggestedActions(String suggestedActions) {
        this.suggestedActions = suggestedActions;
    }

    public String getAfterMeeting() {
        return afterMeeting;
    }

    public void setAfterMeeting(String afterMeeting) {
        this.afterMeeting = afterMeeting;
    }

    public List<TaskRow> getDrejebog() {
        return drejebog;
    }

    public void setDrejebog(List<TaskRow> drejebog) {
        this.drejebog = drejebog;
    }
}
