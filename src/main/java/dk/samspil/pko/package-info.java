/**
 * The region's practice consultant scheme (PKO): contracts and hours, audits, evening meetings, care pathways.
 * Not built yet.
 */
package dk.samspil.pko;
