package dk.samspil.bench;

import dk.samspil.deck.DeckContent;
import dk.samspil.deck.DeckFixtures;
import dk.samspil.deck.DeckWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The meeting deck benchmark (JMH): a typical deck (30 practices, 60 answers, 11 questions, 24 months of data) written
 * by {@link DeckWriter} on the bundled template. Measures the warm time per deck (sample time, p50), a batch of 200
 * decks (single shot) and the bytes allocated per deck (GC profiler, gc.alloc.rate.norm), and writes them with the
 * targets to the file given as the first argument.
 *
 * <p>Run with {@code bench/deck.sh}.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class DeckBenchmark {

    static final int BATCH = 200;
    static final double TARGET_P50_MS = 300;
    static final double TARGET_BATCH_S = 60;
    static final double TARGET_ALLOCATED_MB = 64;

    private DeckWriter writer;
    private DeckContent deck;

    @Setup
    public void setUp() {
        writer = new DeckWriter();
        deck = DeckFixtures.typical();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5, time = 4)
    @Measurement(iterations = 5, time = 4)
    public void oneDeck() throws IOException {
        writer.write(deck, OutputStream.nullOutputStream());
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void twoHundredDecks() throws IOException {
        for (int i = 0; i < BATCH; i++) {
            writer.write(deck, OutputStream.nullOutputStream());
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmarks/deck.txt");
        RunResult one = single(new Runner(new OptionsBuilder()
                        .include(DeckBenchmark.class.getName() + ".oneDeck")
                        .addProfiler(GCProfiler.class)
                        .build())
                .run());
        RunResult batch = single(new Runner(new OptionsBuilder()
                        .include(DeckBenchmark.class.getName() + ".twoHundredDecks")
                        .build())
                .run());

        double p50 = one.getPrimaryResult().getStatistics().getPercentile(50);
        double p95 = one.getPrimaryResult().getStatistics().getPercentile(95);
        double allocatedMb = one.getSecondaryResults().get("gc.alloc.rate.norm").getScore() / (1024 * 1024);
        double batchSeconds = batch.getPrimaryResult().getScore();
        DeckContent deck = DeckFixtures.typical();

        List<String> lines = new ArrayList<>();
        lines.add("# Samspil meeting deck benchmark (JMH " + org.openjdk.jmh.util.Version.getPlainVersion() + ")");
        lines.add("# date: " + OffsetDateTime.now());
        lines.add("# machine: nproc " + Runtime.getRuntime().availableProcessors() + ", java "
                + System.getProperty("java.version") + ", fork heap 512 MB");
        lines.add("# deck: 30 practices, 60 answers, 11 questions, 24 months of data; " + DeckWriter.slideCount(deck)
                + " slides on the bundled 16:9 template");
        lines.add("one_deck_p50_ms: " + format(p50));
        lines.add("one_deck_p95_ms: " + format(p95));
        lines.add("one_deck_samples: " + one.getPrimaryResult().getStatistics().getN());
        lines.add("batch_" + BATCH + "_decks_s: " + format(batchSeconds));
        lines.add("allocated_per_deck_mb: " + format(allocatedMb));
        lines.add("target_p50_le_" + (int) TARGET_P50_MS + "ms: " + verdict(p50 <= TARGET_P50_MS));
        lines.add("target_" + BATCH + "_decks_le_" + (int) TARGET_BATCH_S + "s: "
                + verdict(batchSeconds <= TARGET_BATCH_S));
        lines.add("target_allocated_le_" + (int) TARGET_ALLOCATED_MB + "mb_per_deck: "
                + verdict(allocatedMb <= TARGET_ALLOCATED_MB));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    private static RunResult single(Collection<RunResult> results) {
        return results.iterator().next();
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }
}
