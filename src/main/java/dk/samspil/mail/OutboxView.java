package dk.samspil.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * One mail of the outbox as the administrator's pages show it; times are already written in Danish time
 * (dd.MM.yyyy HH.mm), those that have not happened are null.
 */
record OutboxView(
        long id,
        String created,
        String to,
        String subject,
        String text,
        String reference,
        MailStatus status,
        int attempts,
        String lastError,
        String nextAttempt,
        String sent) {

    /** The text in paragraphs (split at blank lines) of lines, so the page keeps the line breaks. */
    public List<List<String>> paragraphs() {
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }
        return paragraphs;
    }
}
