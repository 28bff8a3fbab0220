package dk.samspil.survey;

import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.QuestionType;

/**
 * The consultant's form for one question: its wording, type, options (one per line), "andet", required and the
 * programme block whose results it belongs to in the deck.
 */
public class QuestionForm {

    private String text;
    private QuestionType type = QuestionType.SCALE;
    private String options = "";
    private boolean other;
    private boolean required = true;
    private Integer block;

    static QuestionForm of(Question question) {
        QuestionForm form = new QuestionForm();
        form.text = question.text();
        form.type = question.type();
        form.options = String.join("\n", question.options());
        form.other = question.other();
        form.required = question.required();
        form.block = question.block();
        return form;
    }

    /** A new question goes last: its block is, until the consultant chooses, the one of the question above it. */
    static QuestionForm below(java.util.List<Question> questions) {
        QuestionForm form = new QuestionForm();
        form.block =
                questions.isEmpty() ? null : questions.get(questions.size() - 1).block();
        return form;
    }

    Review.QuestionEdit edit() {
        return new Review.QuestionEdit(text, type, options, other, required, block);
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public QuestionType getType() {
        return type;
    }

    public void setType(QuestionType type) {
        this.type = type;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }

    public boolean isOther() {
        return other;
    }

    public void setOther(boolean other) {
        this.other = other;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public Integer getBlock() {
        return block;
    }

    public void setBlock(Integer block) {
        this.block = block;
    }
}
