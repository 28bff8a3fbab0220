/**
 * The meeting deck: {@link dk.samspil.deck.DeckWriter} lays out a {@link dk.samspil.deck.DeckContent} as an editable
 * PowerPoint deck with native charts, on the bundled 16:9 template or a provider's own. Text and long charts are
 * split over slides so that nothing overflows, whatever the template's page size.
 */
package dk.samspil.deck;
