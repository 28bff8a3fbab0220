package dk.samspil.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Times and numbers as Danes read them, in one place for pages, documents and decks: "02.12.2026 kl. 16.30" in
 * Copenhagen time (a timestamp from the database is UTC), "16.30", "4.279". Pages reach it as {@code @danish}.
 */
@Component("danish")
public final class DanishFormat {

    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH.mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH.mm");
    private static final DateTimeFormatter LONG_DATE =
            DateTimeFormatter.ofPattern("EEEE d. MMMM yyyy", Locale.forLanguageTag("da-DK"));

    /** A moment as Copenhagen time, "02.12.2026 kl. 16.30"; a local date-time is taken as Copenhagen time already. */
    public static String dateTime(Temporal moment) {
        if (moment == null) {
            return "";
        }
        ZonedDateTime local;
        if (moment instanceof OffsetDateTime t) {
            local = t.atZoneSameInstant(COPENHAGEN);
        } else if (moment instanceof ZonedDateTime t) {
            local = t.withZoneSameInstant(COPENHAGEN);
        } else if (moment instanceof Instant t) {
            local = t.atZone(COPENHAGEN);
        } else if (moment instanceof LocalDateTime t) {
            local = t.atZone(COPENHAGEN);
        } else {
            throw new IllegalArgumentException("Not a moment: " + moment);
        }
        return local.format(DATE_TIME);
    }

    /** A clock time with the Danish full stop, "16.30". */
    public static String clock(LocalTime time) {
        return time == null ? "" : time.format(CLOCK);
    }

    /** A date written out, "tirsdag 3. marts 2026" (decks, documents, mails). */
    public static String longDate(LocalDate date) {
        return LONG_DATE.format(date);
    }

    /** From one clock time to another, "17.00–19.30". */
    public static String timeSpan(LocalTime from, LocalTime to) {
        return clock(from) + "–" + clock(to);
    }

    /** A length in minutes, "20 min.". */
    public static String minutes(int minutes) {
        return minutes + " min.";
    }

    /** A whole number with the thousands separator, "4.279". */
    public static String number(long number) {
        return DanishNumbers.format(number);
    }
}
