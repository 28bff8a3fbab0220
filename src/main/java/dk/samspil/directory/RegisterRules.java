package dk.samspil.directory;

import java.util.regex.Pattern;

/** The rules a register entry must meet, shared by the forms and the import. */
final class RegisterRules {

    static final String EMAIL = "\\s*[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}\\s*";
    static final int MAX_LISTED_PATIENTS = 100_000;
    private static final Pattern YDERNUMMER = Pattern.compile("\\d{6}");
    private static final Pattern EMAIL_PATTERN = Pattern.compile(EMAIL);

    private RegisterRules() {}

    static boolean validYdernummer(String value) {
        return value != null && YDERNUMMER.matcher(value).matches();
    }

    static boolean validEmail(String value) {
        return value != null
                && value.length() <= 254
                && EMAIL_PATTERN.matcher(value).matches();
    }
}
