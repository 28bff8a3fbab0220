package dk.samspil.ordering;

import dk.samspil.security.SamspilPrincipal;

/** Who owns a task on the timeline. */
public enum Party {
    CLUSTER,
    PROVIDER,
    MUNICIPALITY;

    /** The side a user acts for: a coordinator the cluster, a municipal contact the municipality, a consultant the provider. */
    public static Party of(SamspilPrincipal user) {
        return switch (user.role()) {
            case COORDINATOR -> CLUSTER;
            case MUNICIPALITY -> MUNICIPALITY;
            case CONSULTANT -> PROVIDER;
            default -> null;
        };
    }
}
