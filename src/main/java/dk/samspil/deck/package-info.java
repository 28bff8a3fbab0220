/**
 * The meeting deck (.pptx with native charts) and the package documents, generated from an order.
 * Not built yet.
 */
package dk.samspil.deck;
