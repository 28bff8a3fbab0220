package dk.samspil.insight;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.RegisterFiles;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Held meetings of KiAP's akutfunktion package with service data around them, imported through the import page as
 * the national files come: Demoklyngen (6 practices) met on 15.06.2016, Vestklyngen (3 practices) on 10.09.2016, and
 * Nordklyngen (Region Nordjylland, 2 practices) three months ago — too recent for "after". Every practice has 1,000
 * listed patients in each month from June 2015 to September 2017.
 *
 * <p>Demoklyngen: 1 service of 0124 a month per practice in the 12 months before (72, 12.0 per 1,000), 50 a practice
 * in the meeting's own month (counted in neither), 2 a month per practice in the 12 months after (144, 24.0).
 * Vestklyngen: 3 services in the 12 months before (a small count), 30 after (10.0 per 1,000).
 */
final class InsightFixtures {

    static final LocalDate DEMO_MEETING = LocalDate.of(2016, 6, 15);
    static final LocalDate VEST_MEETING = LocalDate.of(2016, 9, 10);
    static final YearMonth FIRST = YearMonth.of(2015, 6);
    static final YearMonth LAST = YearMonth.of(2017, 9);
    static final Map<String, List<String>> PRACTICES = Map.of(
            "0751", List.of("100101", "100102", "100103", "100104", "100105", "100106"),
            "0657", List.of("200201", "200202", "200203"),
            "0851", List.of("300301", "300302"));

    /** The orders made: Demoklyngen's, Vestklyngen's and Nordklyngen's (partial). */
    record Meetings(long demo, long vest, long nord) {}

    private final MockMvc mvc;
    private final DemoUsers users;
    private final JdbcClient jdbc;

    InsightFixtures(MockMvc mvc, DemoUsers users, JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
    }

    private Meetings made;

    Meetings heldMeetings() throws Exception {
        importData();
        LocalDate future = OrderFixtures.today().plusWeeks(12);
        long demo = OrderFixtures.placeAcuteOrder(mvc, users, future, "kommune@example.dk");
        long vest = OrderFixtures.placeAcuteOrder(mvc, users, future, "kommune@example.dk");
        long nord = OrderFixtures.placeAcuteOrder(mvc, users, future, "kommune@example.dk");
        held(demo, "Demoklyngen", DEMO_MEETING, "CLOSED");
        held(vest, "Vestklyngen", VEST_MEETING, "FOLLOW_UP");
        held(nord, "Nordklyngen", OrderFixtures.today().minusMonths(3), "MEETING_HELD");
        made = new Meetings(demo, vest, nord);
        return made;
    }

    /** The order moved to the cluster and to a meeting day in the past, in the given state. */
    private void held(long order, String cluster, LocalDate meeting, String status) {
        jdbc.sql("""
                        UPDATE package_order SET meeting_date = ?, status = ?,
                               cluster_id = (SELECT id FROM cluster WHERE name = ?) WHERE id = ?""").params(meeting, status, cluster, order).update();
    }

    private void importData() throws Exception {
        StringBuilder practices = new StringBuilder("Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n");
        StringBuilder services = new StringBuilder("Ydernummer;Periode;Ydelseskode;Antal\n");
        for (YearMonth month = FIRST; !month.isAfter(LAST); month = month.plusMonths(1)) {
            for (var entry : PRACTICES.entrySet()) {
                for (String practice : entry.getValue()) {
                    practices.append(practice + ";" + month + ";1000;" + entry.getKey() + "\n");
                    int count = SERVICES.apply(practice, month);
                    services.append(practice + ";" + month + ";0124;" + count + "\n");
                }
            }
        }
        upload("PRACTICES", practices.toString());
        upload("SERVICES", services.toString());
    }

    /** The services of a practice in a month, as the class comment tells. */
    static final BiFunction<String, YearMonth, Integer> SERVICES = (practice, month) -> {
        YearMonth demoMeeting = YearMonth.from(DEMO_MEETING);
        if (practice.startsWith("1")) {
            if (month.isBefore(demoMeeting) && !month.isBefore(demoMeeting.minusMonths(12))) {
                return 1;
            }
            if (month.equals(demoMeeting)) {
                return 50;
            }
            return month.isAfter(demoMeeting) && !month.isAfter(demoMeeting.plusMonths(12)) ? 2 : 0;
        }
        if (practice.equals("200201") && month.equals(YearMonth.of(2016, 1))) {
            return 3;
        }
        if (month.getYear() == 2017 && month.getMonthValue() == Integer.parseInt(practice.substring(5))) {
            return practice.startsWith("2") ? 10 : 0;
        }
        return 0;
    };

    /** Removes the months imported here and cancels the held meetings, so no other test sees them. */
    void removeData() {
        if (made != null) {
            jdbc.sql("UPDATE package_order SET status = 'CANCELLED' WHERE id IN (?, ?, ?)")
                    .params(made.demo(), made.vest(), made.nord())
                    .update();
        }
        jdbc.sql("DELETE FROM register_service_count WHERE period BETWEEN ? AND ?")
                .params(FIRST.atDay(1), LAST.atDay(1))
                .update();
        jdbc.sql("DELETE FROM register_service_month WHERE period BETWEEN ? AND ?")
                .params(FIRST.atDay(1), LAST.atDay(1))
                .update();
        jdbc.sql("DELETE FROM register_practice_period WHERE period BETWEEN ? AND ?")
                .params(FIRST.atDay(1), LAST.atDay(1))
                .update();
    }

    private void upload(String kind, String csv) throws Exception {
        RegisterFiles.importCsv(mvc, users, kind, csv);
    }
}
