/**
 * The meeting deck and the package documents, generated from an order: {@code DeckAssembler} gathers what the deck
 * shows (through the disclosure policy), {@code DeckWriter} lays it out as .pptx with native charts, {@code Decks}
 * keeps its versions; {@code PackageDocuments} writes the invitations, checklist, dialogue sheet, fact sheet and
 * drejebog as .docx, {@code OrderDocuments} fills them with the order and keeps their PDFs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "mail", "meeting", "office", "ordering", "platform", "security", "servicedata", "survey"})
package dk.samspil.deck;
