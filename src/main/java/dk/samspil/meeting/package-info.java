/**
 * The meeting itself: roles, notes per block, parking lot, agreements and their follow-through.
 * Not built yet.
 */
package dk.samspil.meeting;
