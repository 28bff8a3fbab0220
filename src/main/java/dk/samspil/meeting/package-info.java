/**
 * The meeting itself and what follows it: roles, the programme block by block with actual times and notes, the
 * parking lot, agreements and their follow-through, and the minutes (referat) as Word and PDF mailed to everyone.
 * {@code Meetings} keeps what is written during the meeting, {@code Minutes} makes and sends the referat.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "directory", "mail", "office", "ordering", "platform", "security"})
package dk.samspil.meeting;
