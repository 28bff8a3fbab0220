package dk.samspil.survey;

import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.QuestionFields;
import java.util.List;

/**
 * The consultant's form for one question: its wording, type, options (one per line), "andet", required and the
 * programme block whose results it belongs to in the deck.
 */
class QuestionForm extends QuestionFields {

    private Integer block;

    public QuestionForm() {
        setRequired(true);
    }

    static QuestionForm of(Question question) {
        QuestionForm form = new QuestionForm();
        form.setText(question.text());
        form.setType(question.type());
        form.setOptions(String.join("\n", question.options()));
        form.setRows(String.join("\n", question.rows()));
        form.setOther(question.other());
        form.setRequired(question.required());
        form.block = question.block();
        return form;
    }

    /** A new question goes last: its block is, until the consultant chooses, the one of the question above it. */
    static QuestionForm below(List<Question> questions) {
        QuestionForm form = new QuestionForm();
        form.block =
                questions.isEmpty() ? null : questions.get(questions.size() - 1).block();
        return form;
    }

    Review.QuestionEdit edit() {
        return new Review.QuestionEdit(getText(), getType(), getOptions(), isOther(), isRequired(), block, rowList());
    }

    public Integer getBlock() {
        return block;
    }

    public void setBlock(Integer block) {
        this.block = block;
    }
}
