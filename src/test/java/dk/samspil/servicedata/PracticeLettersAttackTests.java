package dk.samspil.servicedata;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.ordering.Orders;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The letters as an attacker would try to decode them: the coordinator sees each named practice's listed patients on
 * the cluster page; no number shown per letter on a page the coordinator or the municipality can open — nor a count
 * and rate that give the listed patients back — may match one of them. The deck's data slides are built from the
 * same {@link OrderFigures#forOrder} the pages use.
 */
@SamspilTest
class PracticeLettersAttackTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderFigures figures;

    @Autowired
    Orders orders;

    @AfterEach
    void removeTestPeriod() {
        LetterAttackFixtures.removeTestPeriod(jdbc);
    }

    @Test
    void noNumberShownPerLetterMatchesAPracticeTheCoordinatorCanName() throws Exception {
        LetterAttackFixtures fixtures = new LetterAttackFixtures(mvc, users);
        Set<String> perPractice = fixtures.registerWhatTheCoordinatorSees(jdbc).perPractice();
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");

        for (String reader : List.of("koordinator", "kommune")) {
            Document data = page("/bestillinger/" + order + "/data", reader);
            List<Element> letterRows = data.select("tr").stream()
                    .filter(r -> r.selectFirst("th") != null
                            && r.selectFirst("th").text().startsWith("Praksis "))
                    .toList();
            assertThat(letterRows).as(reader + " sees the letters").hasSizeGreaterThanOrEqualTo(6);
            for (Element row : letterRows) {
                for (Element cell : row.select("td")) {
                    assertThat(perPractice).as(reader + ": " + row.text()).doesNotContain(digits(cell.text()));
                }
                // A count beside a rate gives the listed patients back (count / rate * 1,000).
                String countText = row.child(1).text();
                String rateText = row.child(3).text();
                if (countText.matches("\\d+") && rateText.matches("[\\d.]+,\\d")) {
                    double listed = Double.parseDouble(countText)
                            * 1000
                            / Double.parseDouble(rateText.replace(".", "").replace(',', '.'));
                    assertThat(perPractice.stream()
                                    .filter(p -> p.length() == 4)
                                    .anyMatch(p -> Math.abs(Long.parseLong(p) - listed) < Long.parseLong(p) * 0.02))
                            .as(reader + ": count and rate give back " + Math.round(listed))
                            .isFalse();
                }
            }
            assertThat(data.select("li").stream()
                            .map(Element::text)
                            .filter(t -> t.startsWith("Praksis "))
                            .map(t -> digits(t.substring(t.indexOf(':') + 1))))
                    .doesNotContainAnyElementsOf(perPractice);
        }

        // The deck's data slides: the same figures, per letter only the rate.
        OrderFigures.Figures deckFigures =
                figures.forOrder(orders.find(order).orElseThrow()).get(0);
        assertThat(deckFigures.practices()).allSatisfy(line -> {
            assertThat(line.detailed()).isFalse();
            assertThat(line.listedPatients()).isZero();
            assertThat(line.count().value()).isZero();
        });
        assertThat(deckFigures.practices())
                .anySatisfy(line -> assertThat(line.shownRate()).isNotNull());

        // The consultant, who holds the key, still sees it all.
        Document consultant = page("/bestillinger/" + order + "/data", "konsulent");
        assertThat(consultant.select("#pseudonym-key")).isNotEmpty();
        assertThat(consultant.text()).contains("6.120");
    }

    private static String digits(String text) {
        return LetterAttackFixtures.digits(text);
    }

    private Document page(String path, String user) throws Exception {
        return new LetterAttackFixtures(mvc, users).page(path, user);
    }
}
