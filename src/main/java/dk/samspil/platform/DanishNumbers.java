package dk.samspil.platform;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Whole numbers as Danes write and read them: "4279", "4.279" or "4 279" in, "4.279" out. */
public final class DanishNumbers {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final Pattern PLAIN = Pattern.compile("\\d{1,18}");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([. ]\\d{3})+");

    private DanishNumbers() {}

    /** The number, or empty when the text is not a whole number (a decimal, a sign, letters, wrong grouping). */
    public static Optional<Long> parseWhole(String text) {
        String t = text == null
                ? ""
                : text.replace('\u00a0', ' ').replace('\u202f', ' ').strip();
        if (PLAIN.matcher(t).matches()) {
            return Optional.of(Long.parseLong(t));
        }
        if (GROUPED.matcher(t).matches() && t.length() <= 24) {
            return Optional.of(Long.parseLong(t.replace(".", "").replace(" ", "")));
        }
        return Optional.empty();
    }

    /** With the thousands separator: 4279 → "4.279". */
    public static String format(long number) {
        return NumberFormat.getIntegerInstance(DANISH).format(number);
    }
}
