/**
 * The meeting deck, generated from an order: {@code DeckAssembler} gathers what the deck shows (through the
 * disclosure policy), {@code DeckWriter} lays it out as .pptx with native charts, {@code Decks} keeps its versions and
 * makes them on the scheduler; the municipality's own talk is uploaded here too ({@code MunicipalTalks}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "catalog",
            "mail",
            "meeting",
            "office",
            "ordering",
            "platform",
            "security",
            "servicedata",
            "survey"
        })
package dk.samspil.deck;
