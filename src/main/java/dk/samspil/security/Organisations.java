package dk.samspil.security;

import java.util.Map;
import java.util.Optional;

/**
 * The organisations a user can belong to, as the directory knows them (it implements this): the accounts name a
 * user's provider, cluster or municipality without reading the directory's tables, which lie above this module.
 */
public interface Organisations {

    enum Kind {
        PROVIDER,
        CLUSTER,
        MUNICIPALITY
    }

    /** Every organisation of the kind: key (provider code, cluster id, municipality code) → name, in name order. */
    Map<String, String> all(Kind kind);

    /** The organisation's name; empty if there is none by that key. */
    Optional<String> name(Kind kind, String key);
}
