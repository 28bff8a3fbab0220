package dk.samspil.deck;

import dk.samspil.deck.DeckContent.Block;
import dk.samspil.deck.DeckContent.Chart;
import dk.samspil.deck.DeckContent.QuestionSlide;
import dk.samspil.deck.DeckContent.ResponseRate;
import dk.samspil.deck.DeckContent.Series;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Decks for tests and the benchmark, with Danish text (æøå) everywhere. */
public final class DeckFixtures {

    public static final String TITLE = "Akutfunktion – kommunale akuttilbud på Sjælland";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);
    private static final List<List<String>> OPTIONS = List.of(
            List.of("Ja, altid", "Ja, for det meste", "Nej, sjældent", "Nej, aldrig", "Ved ikke"),
            List.of("Meget tilfreds", "Tilfreds", "Hverken tilfreds eller utilfreds", "Utilfreds", "Meget utilfreds"),
            List.of(
                    "Telefonisk kontakt til akutsygeplejersken i dagtiden",
                    "Henvisning via MedCom-korrespondance med svar inden for to timer",
                    "Fælles besøg i borgerens eget hjem sammen med hjemmeplejen",
                    "Andet – skriv gerne hvad"),
            List.of("Under én gang om måneden", "1–3 gange om måneden", "Hver uge", "Flere gange om ugen"));

    private DeckFixtures() {}

    /** 11 questions, 60 answers, 30 practices, 24 months of data. */
    public static DeckContent typical() {
        return deck(30, questions(11, 60), new ResponseRate(75, 60), true);
    }

    /** A 2,000-character answer, 40 practices and æøå in every text. */
    public static DeckContent longTextsAndFortyPractices() {
        List<QuestionSlide> questions = new ArrayList<>(questions(11, 60));
        questions.set(
                3,
                freeText(
                        4,
                        List.of(
                                longAnswer(2000),
                                "Kort svar: øget samarbejde på tværs.",
                                "Vi ønsker én indgang til kommunen – også om aftenen og i weekenden.")));
        return deck(40, questions, new ResponseRate(80, 60), true);
    }

    /** A question nobody answered. */
    public static DeckContent zeroAnswers() {
        List<QuestionSlide> questions = new ArrayList<>(questions(11, 60));
        questions.set(1, closed(2, 0, false, OPTIONS.get(1), 1, 0, new Random(2)));
        return deck(30, questions, new ResponseRate(75, 60), true);
    }

    public static DeckContent onePractice() {
        return deck(1, questions(5, 8), new ResponseRate(10, 8), true);
    }

    public static DeckContent fortyPractices() {
        return deck(40, questions(11, 60), new ResponseRate(90, 60), true);
    }

    /** No data charts and no questionnaire. */
    public static DeckContent noDataNoResponseRate() {
        return deck(30, List.of(), null, false);
    }

    /** A follow-up meeting: two series, "Før" and "Nu", and a question that is new this time. */
    public static DeckContent followUp() {
        Random random = new Random(7);
        List<QuestionSlide> questions = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            questions.add(closed(n, 50, n == 3, OPTIONS.get(n % OPTIONS.size()), n == 6 ? 1 : 2, 50, random));
        }
        questions.set(
                5,
                new QuestionSlide(
                        6,
                        "Hvor ofte bruger du det nye akuttelefonnummer?",
                        false,
                        50,
                        questions.get(5).chart(),
                        List.of(),
                        true,
                        false));
        return deck(30, questions, new ResponseRate(70, 50), true);
    }

    /** A question with too few answers to show. */
    public static DeckContent hiddenQuestion() {
        List<QuestionSlide> questions = new ArrayList<>(questions(11, 60));
        questions.set(
                6,
                new QuestionSlide(
                        7, "Hvordan oplever du samarbejdet med bostederne?", false, 3, null, List.of(), false, true));
        return deck(30, questions, new ResponseRate(75, 60), true);
    }

    static DeckContent deck(int practices, List<QuestionSlide> questions, ResponseRate rate, boolean data) {
        int half = (questions.size() + 1) / 2;
        List<Block> blocks = List.of(
                block(
                        "Velkomst og præsentation",
                        15,
                        16,
                        0,
                        List.of("Kort præsentationsrunde", "Mødets formål"),
                        false,
                        List.of(),
                        List.of(),
                        false),
                block(
                        "Resultater fra spørgeskemaet",
                        30,
                        16,
                        15,
                        List.of("Hvad svarede lægerne og personalet?", "Hvad går godt, og hvad kan blive bedre?"),
                        true,
                        questions.subList(0, half),
                        List.of("Hvad overrasker jer i svarene?", "Hvor oplever I flest udfordringer i hverdagen?"),
                        false),
                new Block(
                        "Pause",
                        15,
                        LocalTime.of(16, 45),
                        LocalTime.of(17, 0),
                        true,
                        List.of(),
                        false,
                        List.of(),
                        List.of(),
                        false),
                block(
                        "Data om brugen af akutfunktionen",
                        30,
                        17,
                        0,
                        List.of("Henvisninger pr. praksis de seneste 24 måneder", "Sammenligning med region og land"),
                        false,
                        questions.subList(half, questions.size()),
                        List.of("Hvorfor henviser praksis så forskelligt?", "Hvad kan kommunen gøre for at hjælpe?"),
                        data),
                block(
                        "Fælles aftaler og næste skridt",
                        20,
                        17,
                        30,
                        List.of("Hvad aftaler vi?", "Hvem gør hvad?"),
                        false,
                        List.of(),
                        List.of(),
                        false));
        return new DeckContent(
                TITLE,
                "Klynge Østsjælland – Køge og Stevns",
                "Køge Kommune",
                DAY,
                LocalTime.of(16, 0),
                "Sundhedshuset i Køge, mødelokale Ærø",
                List.of(
                        "At styrke samarbejdet om borgere med akut behov",
                        "At få fælles viden om, hvordan akutfunktionen bruges",
                        "At aftale konkrete forbedringer"),
                blocks,
                rate,
                data ? dataCharts(practices) : List.of(),
                data
                        ? "Kilde: Sundhedsdatastyrelsen og Køge Kommune, 24 måneder (marts 2024–februar 2026). "
                                + "<5: færre end fem – vises ikke af hensyn til fortroligheden."
                        : null,
                List.of(
                        "Aftal hvem der kontakter akutfunktionen ved tvivl",
                        "Følg op på henvisningsmønstret om et år",
                        "Del mødets resultater med personalet i praksis"));
    }

    private static Block block(
            String title,
            int minutes,
            int hour,
            int minute,
            List<String> points,
            boolean municipalTalk,
            List<QuestionSlide> questions,
            List<String> dialogue,
            boolean showsData) {
        LocalTime from = LocalTime.of(hour, minute);
        return new Block(
                title,
                minutes,
                from,
                from.plusMinutes(minutes),
                false,
                points,
                municipalTalk,
                questions,
                dialogue,
                showsData);
    }

    static List<QuestionSlide> questions(int count, int answers) {
        Random random = new Random(42);
        List<QuestionSlide> questions = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            if (n == 4) {
                questions.add(freeText(
                        n,
                        List.of(
                                "Bedre adgang til akutsygeplejersken – især fredag eftermiddag.",
                                "Det fungerer godt, når vi får svar samme dag.",
                                "Ønsker fælles møde med hjemmeplejen.")));
            } else {
                questions.add(closed(n, answers, n == 5, OPTIONS.get(n % OPTIONS.size()), 1, answers, random));
            }
        }
        return questions;
    }

    private static QuestionSlide freeText(int n, List<String> texts) {
        return new QuestionSlide(
                n,
                "Hvad kunne gøre samarbejdet med kommunens akutfunktion bedre for dine patienter?",
                false,
                texts.size(),
                null,
                texts,
                false,
                false);
    }

    private static QuestionSlide closed(
            int n, int answered, boolean multiple, List<String> options, int seriesCount, int base, Random random) {
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < seriesCount; s++) {
            List<Double> values = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                int count = base == 0 ? 0 : random.nextInt(base / 2 + 1);
                values.add((double) count);
                labels.add(count + " (" + Math.round(100.0 * count / Math.max(1, answered)) + " %)");
            }
            series.add(new Series(seriesCount == 1 ? "Svar" : (s == 0 ? "Før" : "Nu"), values, labels));
        }
        String text = "Hvor ofte oplever du, at samarbejdet med kommunens akutteam (spørgsmål " + n
                + ") giver en god løsning for borgeren?";
        return new QuestionSlide(
                n,
                text,
                multiple,
                answered,
                new Chart(text, "Antal svar", options, series),
                n == 9 ? List.of("Andet: Vi bruger mest vagtlægen om aftenen.") : List.of(),
                false,
                false);
    }

    static List<Chart> dataCharts(int practices) {
        List<String> categories = new ArrayList<>();
        for (int p = 0; p < practices; p++) {
            categories.add("Praksis " + practiceLetter(p));
        }
        categories.addAll(List.of("Klyngen", "Region Sjælland", "Hele landet"));
        Random random = new Random(practices);
        List<Chart> charts = new ArrayList<>();
        for (String title : List.of(
                "Henvisninger til akutfunktionen", "Forebyggelige indlæggelser", "Genindlæggelser inden for 30 dage")) {
            Double[] values = new Double[categories.size()];
            String[] labels = new String[categories.size()];
            for (int i = 0; i < values.length; i++) {
                boolean hidden = i < practices && random.nextInt(10) == 0;
                double value = Math.round(random.nextDouble() * 400) / 10.0;
                values[i] = hidden ? null : value;
                labels[i] = hidden ? "<5" : String.valueOf(value).replace('.', ',');
            }
            charts.add(new Chart(
                    title + " pr. 1.000 tilmeldte patienter",
                    "Pr. 1.000 tilmeldte patienter, 24 måneder",
                    categories,
                    List.of(new Series("Antal", Arrays.asList(values), List.of(labels)))));
        }
        return charts;
    }

    /** "A" … "Z", then "AA", "AB" …. */
    private static String practiceLetter(int index) {
        return index < 26
                ? String.valueOf((char) ('A' + index))
                : practiceLetter(index / 26 - 1) + (char) ('A' + index % 26);
    }

    static String longAnswer(int length) {
        String sentence = "Når en borger bliver dårlig sidst på eftermiddagen, er det svært at få fat i den rette i "
                + "kommunen; vi ønsker én fælles indgang, kortere svartider og bedre overlevering til hjemmeplejen. ";
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(sentence);
        }
        return text.substring(0, length);
    }

    /** Every text the deck shows as a bullet, whole: a slide that ends with one of these did not split it. */
    static java.util.Set<String> paragraphs(DeckContent deck) {
        java.util.Set<String> all = new java.util.HashSet<>(deck.purpose());
        all.addAll(deck.followUp());
        all.addAll(deck.earlierAgreements());
        for (Block block : deck.blocks()) {
            all.addAll(block.points());
            all.addAll(block.dialogueQuestions());
            block.questions().forEach(q -> all.addAll(q.texts()));
        }
        all.addAll(Wording.GROUP_WORK_PROMPTS);
        all.addAll(Wording.SUMMARY_PROMPTS);
        return all.stream().map(String::strip).collect(java.util.stream.Collectors.toSet());
    }
}
