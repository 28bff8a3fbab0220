package dk.samspil.security;

/** The roles of PRODUCT.md §1. Cluster members answer questionnaires by personal link and have no role. */
public enum Role {
    /** Staff of a package provider (KiAP or a regional quality unit). */
    CONSULTANT,
    /** The GP who orders and plans for a cluster (klyngekoordinator). */
    COORDINATOR,
    /** A municipality's leader, nurse, practice consultant, quality or risk staff. */
    MUNICIPALITY,
    /** A practice consultant, practice coordinator or medical coordinator of the region's PKO scheme. */
    PKO,
    /** A praksis.dk web editor. */
    EDITOR,
    /** The operator. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
