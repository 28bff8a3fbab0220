package dk.samspil.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The problems of one uploaded file as they are found: the first {@link ReportLimits#MAX_LISTED} are kept, every
 * other is only counted, so a file of a million bad rows costs no more memory (or page) than one of a thousand.
 */
public class ProblemList<T> implements Iterable<T> {

    private final List<T> kept = new ArrayList<>();
    private final Comparator<? super T> order;
    private long count;

    /** @param order how the kept problems are listed (by line) */
    public ProblemList(Comparator<? super T> order) {
        this.order = order;
    }

    public void add(T problem) {
        count++;
        if (kept.size() < ReportLimits.MAX_LISTED) {
            kept.add(problem);
        }
    }

    /** Problems found elsewhere (a query that lists some and counts all): {@code listed} kept, {@code total} counted. */
    public void addCounted(List<T> listed, long total) {
        listed.forEach(this::add);
        count += Math.max(0, total - listed.size());
    }

    /** All problems found, listed or not. */
    public long count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The kept problems, in order. */
    public List<T> listed() {
        return kept.stream().sorted(order).toList();
    }

    @Override
    public Iterator<T> iterator() {
        return listed().iterator();
    }
}
