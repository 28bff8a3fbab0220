/**
 * Outgoing e-mail through a transactional outbox: other modules queue a mail with {@link dk.samspil.mail.Outbox}
 * in their own transaction, and a recurring job of the persistent scheduler sends it by SMTP, retrying with
 * back-off and never twice. Without an SMTP server the mails wait in the outbox, where the administrator reads them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package dk.samspil.mail;
