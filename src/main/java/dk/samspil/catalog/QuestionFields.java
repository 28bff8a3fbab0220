package dk.samspil.catalog;

import dk.samspil.catalog.PackageDefinition.QuestionType;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of a question as a consultant edits it, in a package's questionnaire or in an order's copy of it: its
 * wording, type, answer options (one per line), a grid's rows (one per line), "andet" and whether it must be
 * answered.
 */
public class QuestionFields {

    private String text;
    private QuestionType type = QuestionType.SCALE;
    private String options = "";
    private String rows = "";
    private boolean other;
    private boolean required;

    /** Answer options as typed one per line: each stripped, blank lines and repeats left out. */
    public static List<String> options(String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(typed.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .distinct()
                .toList();
    }

    public List<String> optionList() {
        return options(options);
    }

    /** A grid question's rows, typed one per line like the options; none for other types. */
    public List<String> rowList() {
        return type == QuestionType.GRID ? options(rows) : List.of();
    }

    public String getRows() {
        return rows;
    }

    public void setRows(String rows) {
        this.rows = rows;
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
}
