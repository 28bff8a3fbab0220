package dk.samspil.office;

import dk.samspil.office.DocumentVersions.Version;
import java.util.List;
import java.util.Optional;

/**
 * What a module's service for one kind of generated document (the meeting deck, the referat) lets its callers read:
 * an owner's versions, one version by id or by its token, and a ready version's file and PDF. The service itself
 * asks for, makes and sends versions through {@link #store}. The methods are not final: the services are proxied
 * for their transactions, and a final method would run on the proxy, which has no store.
 */
public abstract class GeneratedDocuments {

    protected final DocumentVersions store;

    protected GeneratedDocuments(DocumentVersions store) {
        this.store = store;
    }

    /** The owner's versions, the newest first. */
    public List<Version> versions(long ownerId) {
        return store.versions(ownerId);
    }

    public Optional<Version> find(long id) {
        return store.find(id);
    }

    /** The owner's version with this token, if there is one. */
    public Optional<Version> find(long ownerId, String token) {
        return store.find(ownerId, token);
    }

    /** The generated file of a ready version. */
    public Optional<byte[]> document(Version version) {
        return store.document(version);
    }

    public Optional<byte[]> pdf(Version version) {
        return store.pdf(version);
    }
}
