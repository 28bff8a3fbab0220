package dk.samspil.mail;

/** Where a mail in the outbox is: waiting to be sent (also between retries), sent, or given up after the last attempt. */
public enum MailStatus {
    PENDING,
    SENT,
    FAILED
}
