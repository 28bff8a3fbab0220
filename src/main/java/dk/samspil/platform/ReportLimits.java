package dk.samspil.platform;

/**
 * How much of a refused upload is reported back, so that a hostile or broken file (a million bad rows, cells of
 * megabytes) cannot fill the memory or the page: the first {@link #MAX_LISTED} problems are listed and the rest only
 * counted, and a value echoed in a message is cut to {@link #MAX_ECHO} characters.
 */
public final class ReportLimits {

    public static final int MAX_LISTED = 1_000;
    public static final int MAX_ECHO = 60;
    /** A file's first line, echoed when its headings are refused, is cut at this length. */
    public static final int MAX_HEADER_ECHO = 300;

    private ReportLimits() {}

    /** The value as echoed: at most {@link #MAX_ECHO} characters, and "…" when it was longer. */
    public static String cut(String value) {
        return cut(value, MAX_ECHO);
    }

    /** The value cut to at most {@code max} characters, and "…" when it was longer. */
    public static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end) + "…";
    }

    /** Message arguments with every text cut as {@link #cut}. */
    public static Object[] cut(Object... args) {
        Object[] cut = args.clone();
        for (int i = 0; i < cut.length; i++) {
            if (cut[i] instanceof CharSequence text) {
                cut[i] = cut(text.toString());
            }
        }
        return cut;
    }
}
