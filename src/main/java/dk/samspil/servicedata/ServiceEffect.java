package dk.samspil.servicedata;

import dk.samspil.catalog.PackageDefinition.ServiceCode;
import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.PracticeView;
import dk.samspil.servicedata.DisclosurePolicy.Shown;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The effect of meetings on a service: each meeting's cluster in the 12 whole months before the meeting's month
 * against the 12 whole months after it, as counts and per 1,000 listed patients, and all meetings together — through
 * the {@link DisclosurePolicy}, the meetings' counts with their total beside them. A meeting whose 12 months after
 * have not passed is partial: its "before" alone is given, and it is kept out of the total. For a count of patients
 * (which does not add up over months) "before" is the month before the meeting and "after" the 12th month after it.
 */
@Service
public class ServiceEffect {

    /** A held meeting: its order, its cluster and its day. */
    public record Meeting(long orderId, long clusterId, LocalDate date) {}

    /**
     * One meeting's figures; {@code after} and {@code afterRate} are null while the meeting is partial. A rate is null
     * where its count is hidden (or no practice has listed patients in the months).
     */
    public record MeetingEffect(
            Meeting meeting,
            boolean complete,
            LocalDate beforeFrom,
            LocalDate afterTo,
            Shown before,
            Double beforeRate,
            Shown after,
            Double afterRate) {

        /** The change per 1,000 listed patients, when both rates may be shown. */
        public Double change() {
            return beforeRate == null || afterRate == null ? null : Math.round(10.0 * (afterRate - beforeRate)) / 10.0;
        }
    }

    /** The meetings of one service: the complete ones, their total before and after, and the partial ones. */
    public record Effect(
            ServiceCode service,
            List<MeetingEffect> complete,
            List<MeetingEffect> partial,
            Shown beforeTotal,
            Double beforeRate,
            Shown afterTotal,
            Double afterRate,
            int threshold) {

        public Double change() {
            return beforeRate == null || afterRate == null ? null : Math.round(10.0 * (afterRate - beforeRate)) / 10.0;
        }
    }

    /** The count and the listed patients (summed over the practices' monthly averages) of one window. */
    private record Window(long count, long listed) {}

    private final JdbcClient jdbc;
    private final Directory directory;
    private final OrderFigures figures;
    private final DisclosurePolicy policy;

    ServiceEffect(JdbcClient jdbc, Directory directory, OrderFigures figures, DisclosurePolicy policy) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.figures = figures;
        this.policy = policy;
    }

    /** The effect of these meetings on the service, as of {@code today}. */
    @Transactional(readOnly = true)
    public Effect of(ServiceCode code, List<Meeting> meetings, LocalDate today) {
        List<Meeting> complete = new ArrayList<>();
        List<Window[]> completeWindows = new ArrayList<>();
        List<MeetingEffect> partial = new ArrayList<>();
        for (Meeting meeting : meetings) {
            LocalDate month = meeting.date().withDayOfMonth(1);
            LocalDate afterTo = month.plusMonths(12);
            Window[] windows = windows(code, meeting.clusterId(), month);
            if (today.isBefore(afterTo.plusMonths(1))) {
                Shown before = policy.count(windows[0].count());
                partial.add(new MeetingEffect(
                        meeting,
                        false,
                        beforeFrom(code, month),
                        afterTo,
                        before,
                        rate(before, windows[0]),
                        null,
                        null));
            } else {
                complete.add(meeting);
                completeWindows.add(windows);
            }
        }
        DisclosurePolicy.Table before = policy.withTotal(counts(completeWindows, 0));
        DisclosurePolicy.Table after = policy.withTotal(counts(completeWindows, 1));
        List<MeetingEffect> effects = new ArrayList<>();
        long beforeListed = 0;
        long afterListed = 0;
        for (int i = 0; i < complete.size(); i++) {
            Window[] w = completeWindows.get(i);
            beforeListed += w[0].listed();
            afterListed += w[1].listed();
            LocalDate month = complete.get(i).date().withDayOfMonth(1);
            effects.add(new MeetingEffect(
                    complete.get(i),
                    true,
                    beforeFrom(code, month),
                    month.plusMonths(12),
                    before.parts().get(i),
                    rate(before.parts().get(i), w[0]),
                    after.parts().get(i),
                    rate(after.parts().get(i), w[1])));
        }
        return new Effect(
                code,
                effects,
                partial,
                before.total(),
                rate(before.total(), new Window(before.total().value(), beforeListed)),
                after.total(),
                rate(after.total(), new Window(after.total().value(), afterListed)),
                policy.threshold());
    }

    private static LocalDate beforeFrom(ServiceCode code, LocalDate month) {
        return code.countsPatients() ? month.minusMonths(1) : month.minusMonths(12);
    }

    private static List<Long> counts(List<Window[]> windows, int which) {
        return windows.stream().map(w -> w[which].count()).toList();
    }

    private static Double rate(Shown count, Window window) {
        return count.visible() ? OrderFigures.rate(count.value(), window.listed()) : null;
    }

    /** The cluster's "before" and "after" windows around the meeting's month. */
    private Window[] windows(ServiceCode code, long clusterId, LocalDate month) {
        LocalDate beforeFrom = beforeFrom(code, month);
        LocalDate beforeTo = month.minusMonths(1);
        LocalDate afterFrom = code.countsPatients() ? month.plusMonths(12) : month.plusMonths(1);
        LocalDate afterTo = month.plusMonths(12);
        String[] practices = directory.practices(clusterId).stream()
                .map(PracticeView::ydernummer)
                .toArray(String[]::new);
        String imports = "{"
                + figures.imports(code, beforeFrom, afterTo).stream()
                        .map(String::valueOf)
                        .collect(Collectors.joining(","))
                + "}";
        Window[] windows = {new Window(0, 0), new Window(0, 0)};
        // Per practice and window: its services and its average listed patients over the months with data.
        jdbc.sql("""
                        SELECT w.after, sum(w.services), sum(w.listed) FROM (
                            SELECT p.period > ? AS after, p.ydernummer, coalesce(sum(s.count), 0) AS services,
                                   avg(p.listed_patients)::bigint AS listed
                            FROM register_practice_period p
                                 LEFT JOIN register_service_count s ON s.ydernummer = p.ydernummer::int AND s.period = p.period
                                                                    AND s.service_code = ? AND s.import_id = ANY (CAST(? AS bigint[]))
                            WHERE p.ydernummer = ANY (?)
                              AND (p.period BETWEEN ? AND ? OR p.period BETWEEN ? AND ?)
                            GROUP BY 1, 2) w
                        GROUP BY w.after""")
                .params(beforeTo, code.code(), imports, practices, beforeFrom, beforeTo, afterFrom, afterTo)
                .query((rs, n) -> windows[rs.getBoolean(1) ? 1 : 0] = new Window(rs.getLong(2), rs.getLong(3)))
                .list();
        return windows;
    }
}
