package dk.samspil.ordering;

import java.util.List;

/**
 * An order's programme was adapted with blocks moved, added or removed: what another module keeps per block by its
 * place in the programme (the municipality's talk in the deck) follows its block.
 *
 * @param previousPositions for each block of the new programme, its place in the programme before (from 0); null
 *     for a block added now. A place not named was removed.
 */
public record OrderProgrammeChanged(long orderId, List<Integer> previousPositions) {}
