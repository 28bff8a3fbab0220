/**
 * Outgoing e-mail through a transactional outbox in PostgreSQL, sent by a persistent job scheduler.
 * Not built yet.
 */
package dk.samspil.mail;
