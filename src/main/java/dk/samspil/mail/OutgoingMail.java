package dk.samspil.mail;

import dk.samspil.platform.SingleLineRule;

/**
 * A plain-text e-mail to one recipient.
 *
 * @param to the recipient's address
 * @param subject one line
 * @param text the body, plain text with line breaks
 * @param reference what the mail is about, for the outbox page and tests, e.g. {@code order:12:materials}; may be null
 */
public record OutgoingMail(String to, String subject, String text, String reference) {

    public OutgoingMail {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("A mail needs a recipient");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A mail needs a subject");
        }
        // Header values: a line break would start a new header. A subject made from a name saved before names were
        // kept to one line is flattened rather than failing the request that sends it.
        if (to.contains("\n") || to.contains("\r")) {
            throw new IllegalArgumentException("The recipient is one line");
        }
        subject = SingleLineRule.flatten(subject);
        if (to.length() > 320 || subject.length() > 1000 || (reference != null && reference.length() > 200)) {
            throw new IllegalArgumentException("Recipient, subject or reference too long");
        }
        to = to.strip();
        text = text == null ? "" : text;
    }
}
