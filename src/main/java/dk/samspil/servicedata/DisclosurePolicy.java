package dk.samspil.servicedata;

import dk.samspil.platform.DanishNumbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The one disclosure policy of Samspil: every page, export and deck that shows figures outside the practice they
 * describe passes them through here.
 *
 * <p><b>Register data</b> (service and municipal counts): a count from 1 to {@code threshold − 1} is hidden and
 * shown as "&lt;5" (primary suppression); 0 is shown. When the parts of a total are shown with the total (the
 * practices of a cluster and the cluster), hiding one part is not enough — the total minus the others gives it
 * back — so more parts are hidden (secondary suppression, smallest first, preferring counts of at least the
 * threshold) until that is no longer possible; if no part is left to
 * hide, the total is hidden too. "Enough" is checked exactly: no hidden small count may be the only value that fits
 * the total. A rate per 1,000 of a hidden count is hidden with it.
 *
 * <p><b>Survey results</b>: shown only from {@code minAnswers} answers; a breakdown by group only where every
 * group has at least {@code minGroupAnswers} answers. Per-option counts of a whole cluster are shown as they are.
 */
public final class DisclosurePolicy {

    /** Why a figure is not shown. */
    public enum Hidden {
        NO,
        PRIMARY,
        SECONDARY
    }

    /** A count as it may be shown: the value, or why it is hidden. */
    public record Shown(long value, Hidden hidden) {

        public boolean visible() {
            return hidden == Hidden.NO;
        }

        /** The text of the figure: the number, "&lt;5" for a small count, "x" for a figure hidden to protect another. */
        public String text(int threshold) {
            return switch (hidden) {
                case NO -> DanishNumbers.format(value);
                case PRIMARY -> "<" + threshold;
                case SECONDARY -> "x";
            };
        }
    }

    /** The parts of a total and the total, each as it may be shown. */
    public record Table(List<Shown> parts, Shown total) {}

    private final int threshold;
    private final int minAnswers;
    private final int minGroupAnswers;

    public DisclosurePolicy(int threshold, int minAnswers, int minGroupAnswers) {
        if (threshold < 1 || minAnswers < 1 || minGroupAnswers < 1) {
            throw new IllegalArgumentException("Thresholds must be positive");
        }
        this.threshold = threshold;
        this.minAnswers = minAnswers;
        this.minGroupAnswers = minGroupAnswers;
    }

    public int threshold() {
        return threshold;
    }

    /** The fewest answers from which survey results are shown. */
    public int minAnswers() {
        return minAnswers;
    }

    /** The fewest answers each group needs before survey results are broken down by group. */
    public int minGroupAnswers() {
        return minGroupAnswers;
    }

    /** A single register count with no total beside it. */
    public Shown count(long value) {
        return new Shown(value, small(value) ? Hidden.PRIMARY : Hidden.NO);
    }

    /**
     * Parts shown with their total (e.g. the practices of a cluster and the cluster). The total is the sum of the
     * parts; it is shown unless that would reveal a hidden part.
     */
    public Table withTotal(List<Long> parts) {
        long total = parts.stream().mapToLong(Long::longValue).sum();
        Hidden[] hidden =
                parts.stream().map(v -> small(v) ? Hidden.PRIMARY : Hidden.NO).toArray(Hidden[]::new);
        boolean totalHidden = false;
        if (IntStream.range(0, hidden.length).anyMatch(i -> hidden[i] != Hidden.NO)) {
            while (!safe(parts, hidden)) {
                int next = nextSecondary(parts, hidden);
                if (next < 0) {
                    totalHidden = true;
                    break;
                }
                hidden[next] = Hidden.SECONDARY;
            }
        }
        List<Shown> shown = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            shown.add(new Shown(parts.get(i), hidden[i]));
        }
        Hidden totalState = totalHidden
                ? (small(total) ? Hidden.PRIMARY : Hidden.SECONDARY)
                : (small(total) ? Hidden.PRIMARY : Hidden.NO);
        return new Table(shown, new Shown(total, totalState));
    }

    /** Whether survey results may be shown at all. */
    public boolean surveyShown(int answers) {
        return answers >= minAnswers;
    }

    /** Whether a breakdown of survey results by group may be shown: every group must be big enough. */
    public boolean breakdownShown(List<Integer> groupSizes) {
        return !groupSizes.isEmpty() && groupSizes.stream().allMatch(n -> n >= minGroupAnswers);
    }

    private boolean small(long value) {
        return value >= 1 && value < threshold;
    }

    /**
     * Whether a reader who knows the total, the shown parts and the rules can still not tell any small count: each
     * primary-hidden part lies in 1..threshold−1, each secondary-hidden part is at least 0, and together they make
     * the total minus the shown parts. Safe when every primary-hidden part has more than one possible value.
     */
    private boolean safe(List<Long> parts, Hidden[] hidden) {
        long hiddenSum = 0;
        int primaries = 0;
        boolean secondary = false;
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] != Hidden.NO) {
                hiddenSum += parts.get(i);
                primaries += hidden[i] == Hidden.PRIMARY ? 1 : 0;
                secondary |= hidden[i] == Hidden.SECONDARY;
            }
        }
        if (primaries == 0) {
            return true;
        }
        // Any one primary part: the others (primaries − 1 of them) hold between (primaries − 1) and
        // (primaries − 1)·(threshold − 1), plus anything from 0 up when a secondary part is hidden.
        long othersMin = primaries - 1L;
        long othersMax = secondary ? Long.MAX_VALUE : (primaries - 1L) * (threshold - 1L);
        int possible = 0;
        for (long candidate = 1; candidate < threshold; candidate++) {
            long rest = hiddenSum - candidate;
            if (rest >= othersMin && rest <= othersMax) {
                possible++;
            }
        }
        return possible > 1;
    }

    /** The next part to hide: the smallest shown count of at least the threshold, else the smallest shown count. */
    private int nextSecondary(List<Long> parts, Hidden[] hidden) {
        Comparator<Integer> bySize = Comparator.comparingLong(parts::get);
        return IntStream.range(0, parts.size())
                .boxed()
                .filter(i -> hidden[i] == Hidden.NO)
                .min(Comparator.<Integer, Boolean>comparing(i -> parts.get(i) < threshold)
                        .thenComparing(bySize))
                .orElse(-1);
    }
}
