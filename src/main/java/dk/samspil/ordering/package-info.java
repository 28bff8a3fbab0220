/**
 * Ordering a package for a cluster and the order's timeline (drejebog) of tasks from call-back to follow-up.
 * Not built yet: the next issue fills it.
 */
package dk.samspil.ordering;
