package dk.samspil.platform;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;

/**
 * The one rule for one-line fields. Names go into mail subjects, file names, calendar entries and table cells,
 * where a line break or another control character breaks the line or the header it stands in, and the invisible
 * bidirectional marks make a name read as something else.
 */
public final class SingleLineRule implements ConstraintValidator<SingleLine, String> {

    /** The message key of the refusal. */
    public static final String KEY = "field.controlCharacters";

    /** Control characters (C0, DEL, C1), the Unicode line and paragraph separators and the bidirectional controls. */
    private static final Pattern FORBIDDEN = Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");

    /** Whether the value (null counts as empty) is one line of plain characters. */
    public static boolean holds(String value) {
        return value == null || !FORBIDDEN.matcher(value).find();
    }

    /** Replaces every forbidden character by a space: for text saved before the rule, on its way into a header. */
    public static String flatten(String value) {
        return value == null ? null : FORBIDDEN.matcher(value).replaceAll(" ");
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return holds(value);
    }
}
