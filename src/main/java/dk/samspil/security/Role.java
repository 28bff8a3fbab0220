package dk.samspil.security;

/** The roles of PRODUCT.md §1. Cluster members answer questionnaires by personal link; an account is their choice. */
public enum Role {
    /** Staff of a package provider (KiAP or a regional quality unit). */
    CONSULTANT,
    /** The GP who orders and plans for a cluster (klyngekoordinator). */
    COORDINATOR,
    /**
     * A member of a cluster (a GP or practice staff) invited by the coordinator to an account of their own: reads the
     * cluster's orders, results, decks, minutes and agreements, writes nothing, exports nothing.
     */
    MEMBER,
    /** A municipality's leader, nurse, practice consultant, quality or risk staff. */
    MUNICIPALITY,
    /** A practice consultant (praksiskonsulent) of the region's PKO scheme: a GP attached to a municipality or departments. */
    PKO_CONSULTANT,
    /** A practice coordinator (praksiskoordinator) of a hospital unit in the PKO scheme. */
    PKO_COORDINATOR,
    /** The medical coordinator for PKO (lægelig koordinator): the region's overview, leads the coordinators. */
    PKO_MEDICAL_COORDINATOR,
    /** A praksis.dk web editor. */
    EDITOR,
    /** The operator. */
    ADMIN;

    /** One of the three roles of the practice consultant scheme. */
    public boolean isPko() {
        return this == PKO_CONSULTANT || this == PKO_COORDINATOR || this == PKO_MEDICAL_COORDINATOR;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
