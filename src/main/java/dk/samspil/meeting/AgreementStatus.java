package dk.samspil.meeting;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where an agreement stands: aftalt → i gang → gennemført, or opgivet (with a reason) before it is done. */
public enum AgreementStatus {
    AGREED("meeting.status.AGREED", "meeting.status.changed.AGREED"),
    IN_PROGRESS("meeting.status.IN_PROGRESS", "meeting.status.changed.IN_PROGRESS"),
    DONE("meeting.status.DONE", "meeting.status.changed.DONE"),
    ABANDONED("meeting.status.ABANDONED", "meeting.status.changed.ABANDONED");

    private static final Map<AgreementStatus, Set<AgreementStatus>> NEXT = Map.of(
            AGREED, EnumSet.of(IN_PROGRESS, DONE, ABANDONED),
            IN_PROGRESS, EnumSet.of(DONE, ABANDONED),
            // A done or abandoned agreement can be taken up again.
            DONE, EnumSet.of(IN_PROGRESS),
            ABANDONED, EnumSet.of(AGREED));

    private final String key;
    private final String changedKey;

    AgreementStatus(String key, String changedKey) {
        this.key = key;
        this.changedKey = changedKey;
    }

    public boolean canMoveTo(AgreementStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** Whether it can be ticked done from here. */
    public boolean canBeDone() {
        return canMoveTo(DONE);
    }

    public Set<AgreementStatus> next() {
        return NEXT.get(this);
    }

    /** The message key of the status's Danish name. */
    public String key() {
        return key;
    }

    /** The message key saying that an agreement moved to this status. */
    public String changedKey() {
        return changedKey;
    }
}
