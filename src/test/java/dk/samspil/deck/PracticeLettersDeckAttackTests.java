package dk.samspil.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.office.DocumentVersions;
import dk.samspil.servicedata.LetterAttackFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The practice letters attacked through the rendered deck, as the coordinator and the municipality download it: every
 * number on every slide and in every chart series (values and bar labels) that belongs to a letter is read with POI,
 * and none may equal a per-practice figure the same reader can see elsewhere — the listed patients of each named
 * practice on the cluster page (the coordinator), the referral counts per provider number the municipality uploaded
 * itself — nor may two of a letter's numbers give such a figure back (a count over a rate per 1,000).
 */
@SamspilTest
class PracticeLettersDeckAttackTests {

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d.]*(,\\d+)?");
    private static final Pattern LETTER = Pattern.compile("Praksis [A-Z]+");

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Decks decks;

    @AfterEach
    void removeTestPeriod() {
        LetterAttackFixtures.removeTestPeriod(jdbc);
    }

    @Test
    void noNumberInTheDeckForALetterMatchesAPracticeItsReaderCanNameOrGivesOneBack() throws Exception {
        LetterAttackFixtures.Named named = new LetterAttackFixtures(mvc, users).registerWhatTheCoordinatorSees(jdbc);
        List<String> ydernumre = named.ydernumre();
        Set<Long> coordinatorSees =
                new HashSet<>(named.perPractice().stream().map(Long::parseLong).toList());
        assertThat(ydernumre).as("the cluster page names its practices").hasSizeGreaterThanOrEqualTo(6);

        // The acute package's service figures, and the prevention package's referrals the municipality uploads.
        long acute =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        long prevention = OrderFixtures.placeOrder(
                mvc, users, "forebyggelse-rehabilitering", OrderFixtures.today().plusWeeks(14), "kommune@example.dk");
        Set<Long> municipalitySees = new HashSet<>();
        StringBuilder referrals = new StringBuilder("Ydernummer;Tilbud;Antal henvisninger\n");
        int referral = 9;
        for (String ydernummer : ydernumre) {
            referrals
                    .append(ydernummer)
                    .append(";Forebyggelse;")
                    .append(referral)
                    .append('\n');
            municipalitySees.add((long) referral);
            municipalitySees.add(Long.parseLong(ydernummer));
            referral += 7;
        }
        String stored = mvc.perform(multipart("/bestillinger/" + prevention + "/kommunedata")
                        .file(new MockMultipartFile(
                                "file",
                                "henvisninger.csv",
                                "text/csv",
                                referrals.toString().getBytes(StandardCharsets.UTF_8)))
                        .param("period", "2034")
                        .param("kommune", "0751")
                        .with(csrf())
                        .with(users.as("kommune")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(stored).contains("Filen er gemt");

        Map<String, Set<Long>> known = Map.of("koordinator", coordinatorSees, "kommune", municipalitySees);
        for (long order : List.of(acute, prevention)) {
            DocumentVersions.Version version = generate(order);
            for (String reader : List.of("koordinator", "kommune")) {
                byte[] pptx = download(order, version.token() + ".pptx", reader);
                try (WrittenDeck deck = WrittenDeck.open(pptx)) {
                    Map<String, List<Double>> perLetter = perLetter(deck);
                    assertThat(perLetter)
                            .as(reader + " sees the letters in the deck of order " + order)
                            .hasSizeGreaterThanOrEqualTo(6);
                    Set<Long> seen = known.get(reader);
                    perLetter.forEach((letter, numbers) -> {
                        for (double n : numbers) {
                            assertThat(seen)
                                    .as(reader + ": " + letter + " shows " + n + " in the deck")
                                    .doesNotContain(Math.round(n));
                            assertThat(Math.rint(n) == n && seen.contains((long) n))
                                    .isFalse();
                        }
                        for (double a : numbers) {
                            for (double b : numbers) {
                                if (b > 0 && a != b) {
                                    double listed = a * 1000 / b;
                                    assertThat(seen.stream()
                                                    .filter(p -> p >= 1000 && p < 100000)
                                                    .anyMatch(p -> Math.abs(p - listed) < p * 0.02))
                                            .as(reader + ": " + letter + "'s " + a + " over " + b
                                                    + " per 1,000 gives back " + Math.round(listed))
                                            .isFalse();
                                }
                            }
                        }
                    });
                }
            }
        }
    }

    /** Every number the deck shows for a letter: in text that names it, and in each chart series at its category. */
    private static Map<String, List<Double>> perLetter(WrittenDeck deck) {
        Map<String, List<Double>> numbers = new HashMap<>();
        for (XSLFSlide slide : deck.slides()) {
            for (String line : WrittenDeck.text(slide).split("\n")) {
                Matcher letter = LETTER.matcher(line);
                if (letter.find()) {
                    numbers.computeIfAbsent(letter.group(), k -> new ArrayList<>())
                            .addAll(numbers(line.substring(letter.end())));
                }
            }
            for (XSLFChart chart : WrittenDeck.charts(slide)) {
                for (XDDFChartData data : chart.getChartSeries()) {
                    for (int s = 0; s < data.getSeriesCount(); s++) {
                        org.apache.poi.xddf.usermodel.chart.XDDFDataSource<?> categories =
                                data.getSeries(s).getCategoryData();
                        XDDFNumericalDataSource<? extends Number> values =
                                data.getSeries(s).getValuesData();
                        List<String> labels = WrittenDeck.labels(chart, s);
                        for (int i = 0; i < categories.getPointCount(); i++) {
                            Object point = categories.getPointAt(i);
                            String category = point == null ? null : point.toString();
                            if (category == null || !LETTER.matcher(category).matches()) {
                                continue;
                            }
                            List<Double> shown = numbers.computeIfAbsent(category, k -> new ArrayList<>());
                            Number value = values.getPointAt(i);
                            if (value != null) {
                                shown.add(value.doubleValue());
                            }
                            if (i < labels.size()) {
                                shown.addAll(numbers(labels.get(i)));
                            }
                        }
                    }
                }
            }
        }
        return numbers;
    }

    private static List<Double> numbers(String text) {
        List<Double> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            numbers.add(Double.parseDouble(m.group().replace(".", "").replace(',', '.')));
        }
        return numbers;
    }

    private DocumentVersions.Version generate(long order) throws Exception {
        int before = decks.versions(order).size();
        mvc.perform(post("/bestillinger/" + order + "/praesentation")
                        .with(csrf())
                        .with(users.as("konsulent")))
                .andReturn();
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> decks.versions(order).size() > before
                        && !decks.versions(order).get(0).pending());
        DocumentVersions.Version version = decks.versions(order).get(0);
        assertThat(version.status()).isEqualTo(DocumentVersions.Status.READY);
        return version;
    }

    private byte[] download(long order, String file, String user) throws Exception {
        var response = mvc.perform(
                        get("/bestillinger/" + order + "/praesentation/" + file).with(users.as(user)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(file + " as " + user).isEqualTo(200);
        return response.getContentAsByteArray();
    }
}
