package dk.samspil.pko.audit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may be written about an audit's cases: the department's own case number, and remarks, never a CPR number or a
 * name ("I behøver ikke samtykke fra patienterne, når I kun bruger afdelingens egne journalførte oplysninger").
 * A CPR number is ddmmyy-xxxx (or with a space), or ten digits in a row that begin with a real date.
 */
final class CaseTexts {

    static final int CASE_NUMBER_MAX = 30;
    static final int REMARK_MAX = 300;

    private static final Pattern CPR = Pattern.compile("(?<!\\d)(\\d{2})(\\d{2})(\\d{2})([- ]?)(\\d{4})(?!\\d)");
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./_-]*");

    private CaseTexts() {}

    /** The message key of what is wrong with a case number, or empty when it is a case number. */
    static Optional<String> caseNumberProblem(String text) {
        String number = text == null ? "" : text.strip();
        if (number.isEmpty()) {
            return Optional.of("pko.audit.case.required");
        }
        if (looksLikeCpr(number)) {
            return Optional.of("pko.audit.case.cpr");
        }
        if (number.chars().anyMatch(Character::isWhitespace) || number.chars().noneMatch(Character::isDigit)) {
            // Words without digits, or several words: a name, not a case number.
            return Optional.of("pko.audit.case.name");
        }
        if (number.length() > CASE_NUMBER_MAX || !CASE_NUMBER.matcher(number).matches()) {
            return Optional.of("pko.audit.case.format");
        }
        return Optional.empty();
    }

    /** The message key of what is wrong with a remark (which may be empty), or empty. */
    static Optional<String> remarkProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (looksLikeCpr(text)) {
            return Optional.of("pko.audit.remark.cpr");
        }
        return text.strip().length() > REMARK_MAX ? Optional.of("pko.audit.remark.tooLong") : Optional.empty();
    }

    static boolean looksLikeCpr(String text) {
        if (text == null) {
            return false;
        }
        Matcher matcher = CPR.matcher(text);
        while (matcher.find()) {
            boolean separated = !matcher.group(4).isEmpty();
            if (separated || validDate(matcher.group(1), matcher.group(2), matcher.group(3))) {
                return true;
            }
        }
        return false;
    }

    /** A day and month that exist in 19yy or 20yy (29 February only in a leap year of either). */
    private static boolean validDate(String day, String month, String year) {
        int yy = Integer.parseInt(year);
        for (int century : new int[] {1900, 2000}) {
            try {
                LocalDate.of(century + yy, Integer.parseInt(month), Integer.parseInt(day));
                return true;
            } catch (DateTimeException notADate) {
                // try the other century
            }
        }
        return false;
    }
}
