package dk.samspil.mail;

/** Where a mail in the outbox is: waiting to be sent (also between retries), sent, or given up after the last attempt. */
enum MailStatus {
    PENDING,
    SENT,
    FAILED
}
