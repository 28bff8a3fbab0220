package dk.samspil.bench;

import dk.samspil.deck.DeckFixtures;
import dk.samspil.deck.DeckWriter;
import dk.samspil.office.OfficeConverter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The PDF benchmark: a typical deck (30 practices, 60 answers, 11 questions, 24 months of data) written as .pptx and
 * turned into PDF by {@link OfficeConverter} with its pool of warm LibreOffice processes. Measures the pool's start,
 * one deck at a time (five in a row, each timed from its .pptx to its PDF) and ten decks asked for at once (from the
 * first request to the last PDF), and writes them with the targets (one deck &le; 1.5 s, ten at once &le; 15 s) to
 * the file given as the first argument. The pool size is the second argument (default 2, as the application's).
 *
 * <p>Run with {@code bench/pdf.sh}.
 */
public final class PdfBenchmark {

    static final int AT_ONCE = 10;
    static final int IN_A_ROW = 5;
    static final double TARGET_ONE_S = 1.5;
    static final double TARGET_TEN_S = 15;

    private PdfBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmarks/pdf.txt");
        int pool = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        ByteArrayOutputStream pptx = new ByteArrayOutputStream();
        new DeckWriter().write(DeckFixtures.typical(), pptx);
        byte[] deck = pptx.toByteArray();
        OfficeConverter converter = new OfficeConverter("libreoffice", Duration.ofSeconds(120), pool);
        if (!converter.available()) {
            throw new IllegalStateException("No libreoffice on PATH");
        }

        long start = System.nanoTime();
        convert(converter, deck);
        double firstSeconds = seconds(start);

        double[] oneSeconds = new double[IN_A_ROW];
        for (int i = 0; i < IN_A_ROW; i++) {
            long t = System.nanoTime();
            convert(converter, deck);
            oneSeconds[i] = seconds(t);
        }
        Arrays.sort(oneSeconds);
        double oneMedian = oneSeconds[IN_A_ROW / 2];
        double oneMax = oneSeconds[IN_A_ROW - 1];

        ExecutorService requests = Executors.newFixedThreadPool(AT_ONCE);
        long batchStart = System.nanoTime();
        List<Future<Double>> decks = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            decks.add(requests.submit(() -> {
                convert(converter, deck);
                return seconds(batchStart);
            }));
        }
        double slowest = 0;
        for (Future<Double> done : decks) {
            slowest = Math.max(slowest, done.get());
        }
        double tenSeconds = seconds(batchStart);
        requests.shutdown();

        List<String> lines = new ArrayList<>();
        lines.add("# Samspil PDF benchmark (JODConverter local office manager, LibreOffice pool of " + pool + ")");
        lines.add("# date: " + OffsetDateTime.now());
        lines.add("# machine: nproc " + Runtime.getRuntime().availableProcessors() + ", java "
                + System.getProperty("java.version"));
        lines.add("# deck: 30 practices, 60 answers, 11 questions, 24 months of data; "
                + DeckWriter.slideCount(DeckFixtures.typical()) + " slides, " + deck.length / 1024 + " KB .pptx");
        lines.add("first_deck_with_pool_start_s: " + format(firstSeconds));
        lines.add("one_deck_median_s: " + format(oneMedian) + " (of " + IN_A_ROW + " in a row)");
        lines.add("one_deck_max_s: " + format(oneMax));
        lines.add("ten_at_once_all_done_s: " + format(tenSeconds));
        lines.add("target_one_deck_le_" + TARGET_ONE_S + "s: " + verdict(oneMax <= TARGET_ONE_S));
        lines.add("target_ten_at_once_le_" + (int) TARGET_TEN_S + "s: " + verdict(tenSeconds <= TARGET_TEN_S));
        converter.stop();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
        System.exit(0);
    }

    private static void convert(OfficeConverter converter, byte[] deck) {
        byte[] pdf = converter.toPdf(deck, "pptx").orElseThrow(() -> new IllegalStateException("No PDF made"));
        if (pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P') {
            throw new IllegalStateException("Not a PDF");
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }
}
