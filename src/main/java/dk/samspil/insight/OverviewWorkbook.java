package dk.samspil.insight;

import dk.samspil.insight.ProviderOverview.FollowUp;
import dk.samspil.insight.ProviderOverview.MonthRow;
import dk.samspil.insight.ProviderOverview.Overview;
import dk.samspil.insight.ProviderOverview.PackageEffect;
import dk.samspil.meeting.AgreementStatus;
import dk.samspil.office.Spreadsheets;
import dk.samspil.ordering.OrderStatus;
import dk.samspil.platform.BundleTexts;
import dk.samspil.servicedata.DisclosurePolicy.Shown;
import dk.samspil.servicedata.ServiceEffect;
import dk.samspil.servicedata.ServiceEffect.MeetingEffect;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The provider's overview as XLSX, one sheet per table of the page: the phases by month, the activity by package (and
 * by region for a national provider), the follow-ups due, and the effect with its agreements. Figures the page hides
 * are hidden here the same way ("&lt;5", "x"); no cell starts a formula ({@link Spreadsheets}).
 */
@Component
class OverviewWorkbook {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM.yyyy");

    private final MessageSource messages;

    OverviewWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(Overview overview) {
        List<Spreadsheets.Table> sheets = new ArrayList<>();
        sheets.add(new Spreadsheets.Table(text("insight.sheet.phases"), phases(overview), 1));
        sheets.add(new Spreadsheets.Table(
                text("insight.sheet.packages"), activity(overview.packages(), overview, "insight.col.package"), 1));
        if (overview.national()) {
            sheets.add(new Spreadsheets.Table(
                    text("insight.sheet.regions"), activity(overview.regions(), overview, "insight.col.region"), 1));
        }
        sheets.add(new Spreadsheets.Table(text("insight.sheet.followUps"), followUps(overview), 1));
        sheets.add(new Spreadsheets.Table(text("insight.sheet.effect"), effect(overview), 2));
        sheets.add(new Spreadsheets.Table(text("insight.sheet.agreements"), agreements(overview), 1));
        return Spreadsheets.xlsx(sheets);
    }

    private List<List<Object>> phases(Overview overview) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        header.add(text("insight.col.month"));
        overview.phases().forEach(s -> header.add(text("order.status." + s.name())));
        header.add(text("insight.col.total"));
        rows.add(header);
        for (MonthRow month : overview.months()) {
            rows.add(phaseRow(month.month().format(MONTH), month, overview.phases()));
        }
        rows.add(phaseRow(text("insight.col.total"), overview.allMonths(), overview.phases()));
        return rows;
    }

    private static List<Object> phaseRow(String label, MonthRow month, List<OrderStatus> phases) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        phases.forEach(s -> row.add(month.count(s)));
        row.add(month.total());
        return row;
    }

    private List<List<Object>> activity(List<Activity> groups, Overview overview, String labelKey) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of(
                text(labelKey),
                text("insight.col.orders"),
                text("insight.col.surveysSent"),
                text("insight.col.invited"),
                text("insight.col.answered"),
                text("insight.col.responseRate"),
                text("insight.col.decksMade"),
                text("insight.col.decksSent"),
                text("insight.col.meetingsHeld")));
        Arrays.stream(AgreementStatus.values()).forEach(s -> header.add(text("insight.col.agreements", text(s.key()))));
        header.add(text("insight.col.agreementsOverdue"));
        header.add(text("insight.col.followUpsDue"));
        rows.add(header);
        groups.forEach(a -> rows.add(activityRow(a.label(), a)));
        rows.add(activityRow(text("insight.col.total"), overview.all()));
        return rows;
    }

    private static List<Object> activityRow(String label, Activity a) {
        List<Object> row = new ArrayList<>(List.of(
                label,
                a.orders(),
                a.surveysSent(),
                a.invited(),
                a.answered(),
                a.responseRate(),
                a.decksMade(),
                a.decksSent(),
                a.meetingsHeld()));
        Arrays.stream(AgreementStatus.values())
                .forEach(s -> row.add(a.agreements().of(s)));
        row.add(a.agreements().overdue());
        row.add(a.followUpsDue());
        return row;
    }

    private List<List<Object>> followUps(Overview overview) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(
                text("insight.col.cluster"),
                text("insight.col.package"),
                text("insight.col.task"),
                text("insight.col.due"),
                text("insight.col.overdue")));
        for (FollowUp f : overview.followUps()) {
            rows.add(List.of(
                    f.order().clusterName(),
                    f.order().packageTitle(),
                    text(f.task().labelKey()),
                    day(f.task().due()),
                    f.overdue() ? text("insight.yes") : ""));
        }
        return rows;
    }

    private List<List<Object>> effect(Overview overview) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(
                text("insight.col.package"),
                text("insight.col.service"),
                text("insight.col.cluster"),
                text("insight.col.meeting"),
                text("insight.col.beforeCount"),
                text("insight.col.beforeRate"),
                text("insight.col.afterCount"),
                text("insight.col.afterRate"),
                text("insight.col.change"),
                text("insight.col.note")));
        for (PackageEffect p : overview.effects()) {
            for (ServiceEffect.Effect e : p.services()) {
                List<Object> start = List.of(
                        p.packageTitle(), e.service().code() + " " + e.service().name());
                for (MeetingEffect m : e.complete()) {
                    rows.add(effectRow(
                            start, overview.order(m.meeting().orderId()).clusterName(), m, e.threshold(), ""));
                }
                rows.add(effectRow(
                        start,
                        text(
                                "insight.effect.allMeetings",
                                String.valueOf(e.complete().size())),
                        new MeetingEffect(
                                null, true, null, null, e.beforeTotal(), e.beforeRate(), e.afterTotal(), e.afterRate()),
                        e.threshold(),
                        ""));
                for (MeetingEffect m : e.partial()) {
                    rows.add(effectRow(
                            start,
                            overview.order(m.meeting().orderId()).clusterName(),
                            m,
                            e.threshold(),
                            text("insight.effect.notYet", day(m.afterTo().plusMonths(1)))));
                }
            }
        }
        return rows;
    }

    /** A row of the effect: package and service, who, the meeting's day, before, after, the change and a note. */
    private static List<Object> effectRow(List<Object> start, String who, MeetingEffect m, int threshold, String note) {
        List<Object> row = new ArrayList<>(start);
        row.add(who);
        row.add(m.meeting() == null ? "" : day(m.meeting().date()));
        row.add(count(m.before(), threshold));
        row.add(rate(m.beforeRate()));
        row.add(m.after() == null ? "" : count(m.after(), threshold));
        row.add(rate(m.afterRate()));
        row.add(rate(m.change()));
        row.add(note);
        return row;
    }

    private List<List<Object>> agreements(Overview overview) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(
                text("insight.col.package"),
                text("insight.col.meetingsHeld"),
                text("insight.col.agreementsAll"),
                text("insight.col.agreements", text(AgreementStatus.DONE.key())),
                text("insight.col.donePercent")));
        for (PackageEffect p : overview.effects()) {
            Integer done = p.donePercent();
            rows.add(List.of(
                    p.packageTitle(),
                    p.meetings(),
                    p.agreements().total(),
                    p.agreements().of(AgreementStatus.DONE),
                    done == null ? "" : done));
        }
        return rows;
    }

    /** A count as shown: the number, or "&lt;5" / "x" where the disclosure policy hides it. */
    private static Object count(Shown shown, int threshold) {
        return shown.visible() ? (Object) shown.value() : shown.text(threshold);
    }

    private static Object rate(Double rate) {
        return rate == null ? "" : rate;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, BundleTexts.DANISH);
    }

    private static String day(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }
}
