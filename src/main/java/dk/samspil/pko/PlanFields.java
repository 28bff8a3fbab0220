package dk.samspil.pko;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A planning form's date and time fields, kept as text so that a malformed one gets its Danish message at the field:
 * null for a blank or malformed value.
 */
final class PlanFields {

    private PlanFields() {}

    static LocalDate date(String value) {
        try {
            return blank(value) ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalTime time(String value) {
        try {
            return blank(value) ? null : LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A choice of a form (an enum constant by its name); null for a blank or unknown one. */
    static <E extends Enum<E>> E choice(Class<E> type, String value) {
        try {
            return blank(value) ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
