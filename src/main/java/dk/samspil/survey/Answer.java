package dk.samspil.survey;

import java.io.Serializable;
import java.util.List;

/**
 * One respondent's answer to one question: the chosen option(s), an "andet" text, or a free text. A grid question's
 * choices are one per row, in the rows' order, "" for a row left unanswered (and none when no row is answered).
 * Stored inside the anonymous answer's JSON, keyed by the question's stable key.
 */
record Answer(List<String> choices, String other, String text) implements Serializable {

    public Answer {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public boolean isEmpty() {
        return choices.stream().allMatch(String::isBlank)
                && (other == null || other.isBlank())
                && (text == null || text.isBlank());
    }
}
