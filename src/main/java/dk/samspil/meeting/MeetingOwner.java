package dk.samspil.meeting;

/**
 * Whose meeting it is: a package order's, or a meeting of another module (the PKO scheme's), named by a kind of that
 * module's own and the id of its row. Each owner has one meeting.
 *
 * @param kind upper case letters and underscores, e.g. {@code ORDER}
 */
public record MeetingOwner(String kind, long id) {

    public static final String ORDER = "ORDER";

    public MeetingOwner {
        if (kind == null || !kind.matches("[A-Z_]{2,40}")) {
            throw new IllegalArgumentException("Meeting owner kind: " + kind);
        }
    }

    public static MeetingOwner order(long orderId) {
        return new MeetingOwner(ORDER, orderId);
    }

    public boolean isOrder() {
        return ORDER.equals(kind);
    }
}
