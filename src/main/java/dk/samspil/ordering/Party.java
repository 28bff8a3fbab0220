package dk.samspil.ordering;

/** Who owns a task on the timeline. */
public enum Party { CLUSTER, PROVIDER, MUNICIPALITY }
