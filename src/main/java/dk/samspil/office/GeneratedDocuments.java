package dk.samspil.office;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dk.samspil.office.DocumentVersions.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The common part of a module's service for one kind of generated document (the meeting deck, the referat): a new
 * version is asked for and then made in the background by the persistent scheduler's one-time task of that kind
 * (which calls the service back to make it), versions left pending are asked for again at start, and callers read
 * an owner's versions, one version by id or by its token, and a ready version's file and PDF. The service makes and
 * sends versions through {@link #store}. The methods are not final: the services are proxied for their
 * transactions, and a final method would run on the proxy, which has no store.
 */
public abstract class GeneratedDocuments {

    protected final DocumentVersions store;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<OneTimeTask<Long>> task;

    /** @param task the scheduler's task that makes a version of this kind, its data the version's id */
    protected GeneratedDocuments(
            DocumentVersions store, ObjectProvider<SchedulerClient> scheduler, ObjectProvider<OneTimeTask<Long>> task) {
        this.store = store;
        this.scheduler = scheduler;
        this.task = task;
    }

    /**
     * A new version of the owner, made in the background. Not one transaction on purpose: the version is committed
     * before the scheduler is told, so the scheduler's immediate run sees it.
     */
    protected Version newVersion(long ownerId, String by) {
        long id = store.add(ownerId, by);
        schedule(id);
        return find(id).orElseThrow();
    }

    /** Versions still pending at start (their job interrupted, or never told) are asked for again; made once each. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumePending() {
        store.pending().forEach(this::schedule);
    }

    private void schedule(long id) {
        scheduler.getObject().scheduleIfNotExists(task.getObject().instance(String.valueOf(id), id), Instant.now());
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
