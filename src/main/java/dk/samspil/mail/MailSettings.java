package dk.samspil.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sending of the outbox. The SMTP server itself is Spring Boot's {@code spring.mail.host} (and port, username,
 * password); without it nothing is sent and mails wait in the outbox.
 *
 * @param from the sender of every mail ({@code SAMSPIL_MAIL_FROM})
 * @param sendInterval pause between two rounds of sending ({@code SAMSPIL_MAIL_SENDINTERVAL})
 * @param batchSize at most this many mails per round ({@code SAMSPIL_MAIL_BATCHSIZE})
 * @param maxAttempts a mail is marked failed after this many failed attempts ({@code SAMSPIL_MAIL_MAXATTEMPTS})
 * @param secretMaxAge a mail with a personal link not sent within this time is given up and its text (the link)
 *     blanked, so the link does not wait readable in the database ({@code SAMSPIL_MAIL_SECRETMAXAGE})
 */
@ConfigurationProperties("samspil.mail")
public record MailSettings(
        @DefaultValue("Samspil <noreply@samspil.local>") String from,
        @DefaultValue("10s") Duration sendInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("24h") Duration secretMaxAge) {

    public MailSettings {
        if (batchSize < 1
                || maxAttempts < 1
                || sendInterval.isNegative()
                || sendInterval.isZero()
                || secretMaxAge.isNegative()
                || secretMaxAge.isZero()) {
            throw new IllegalArgumentException(
                    "samspil.mail: batch-size, max-attempts, send-interval and secret-max-age must be positive");
        }
    }
}
