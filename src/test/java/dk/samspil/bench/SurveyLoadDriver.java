package dk.samspil.bench;

import dk.samspil.platform.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Load driver for the respondent side of the questionnaire (spørgeskema): how many answers the packaged Samspil
 * receives per second, how long sending one takes, and that no received answer is lost.
 *
 * <p>The driver starts {@code target/samspil.jar} as users run it ({@code java -Xmx1g -jar}, embedded PostgreSQL with
 * fsync and synchronous commit on, demo data) on free ports with a fresh data folder under
 * {@code target/bench-data/<timestamp>}. By JDBC it opens the survey of a demo order (setup by SQL is a harness
 * shortcut; the app's own sending would put the links in the mail outbox instead) and inserts N personal links
 * ({@code survey_invitation}) whose tokens it keeps in memory. It then plays N respondents over HTTP, without a
 * browser and without sign-in, exactly as a browser would:
 * <ol>
 *   <li><b>open</b>: {@code GET /s/<token>} (302 to {@code /svar} with a session cookie), then {@code GET /svar}
 *       (the first page with its CSRF token). The latency is that of both requests together.</li>
 *   <li><b>pages</b>: when the questionnaire has more than one page (four questions a page), {@code POST /svar} with
 *       {@code handling=naeste} for every page but the last (the server keeps these as a draft).</li>
 *   <li><b>submit</b>: the final {@code POST /svar} with {@code handling=send}: the submission. Success is a 302 to
 *       {@code /svar/tak}; everything else is an error, counted by status.</li>
 * </ol>
 * Every phase runs all N respondents with C concurrent workers before the next phase begins, so the submit phase
 * measures nothing but submissions. For each phase it reports the rate over the phase's wall time and the
 * p50/p95/p99/max latency. Before the measured run, a warm-up batch of respondents (6,000 by default,
 * {@code --warmup}) goes through all three phases so that both JVMs run the hot paths compiled, as a server that has
 * been up does: HotSpot's optimising compiler (C2) takes a method after some 5,000 calls, and with 200 warm-up
 * respondents a third of the application's CPU in the measured submit phase went to compiling the submit path. Their
 * answers are subtracted from the counts.
 *
 * <p>Afterwards it waits for the mixing job (pending answers are moved to {@code survey_answer} every 10 s) and
 * counts what the database holds: stored answers ({@code survey_answer_pending} + {@code survey_answer}) and response
 * marks. {@code lost} is accepted submissions not stored, {@code duplicates} stored answers beyond those accepted;
 * every accepted link is also checked to have its response mark.
 *
 * <p>With {@code --kill} the application is killed with SIGKILL ({@link Process#destroyForcibly()}) once 40 % of
 * the submissions have been answered with "tak". The driver then starts it again on the same data folder and ports
 * and runs every respondent whose submission was cut off or not yet sent again from the start (their sessions died
 * with the JVM). A link whose answer had reached the database before the kill now shows the "unavailable" page and is
 * counted as already answered. The check: every submission that got "tak", before or after the kill, is stored, and
 * none twice.
 *
 * <p>Targets (2 cores): at least 1,000 submissions per second, submission p99 at most 100 ms, nothing lost. Results go
 * to {@code target/benchmarks/survey-load.txt} (or {@code survey-load-kill.txt}) and to standard output. Run it with
 * {@code bench/survey-load.sh}; options: {@code --invitees N} (10000), {@code --concurrency C} (64), {@code --warmup W}
 * (6000), {@code --kill}, {@code --out FILE}, {@code --jar PATH} (target/samspil.jar).
 *
 * <p>Not a test: it needs the packaged jar and minutes of machine time, so it is run by hand, never by Maven.
 */
public final class SurveyLoadDriver {

    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]*)\"|<input[^>]*value=\"([^\"]*)\"[^>]*name=\"_csrf\"");
    private static final Pattern SIDE = Pattern.compile("name=\"side\"\\s+value=\"(\\d+)\"");
    private static final int PAGE_SIZE = 4; // RespondentController.PAGE_SIZE
    private static final double KILL_AT = 0.40;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** Command-line options. */
    record Options(int invitees, int concurrency, int warmup, boolean kill, Path out, Path jar, int instances) {

        static Options parse(String[] args) {
            int invitees = 10_000;
            int concurrency = 64;
            int warmup = 6_000;
            boolean kill = false;
            Path out = null;
            Path jar = Path.of("target", "samspil.jar");
            int instances = 1;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--invitees" -> invitees = Integer.parseInt(value(args, ++i));
                    case "--concurrency" -> concurrency = Integer.parseInt(value(args, ++i));
                    case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                    case "--kill" -> kill = true;
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--jar" -> jar = Path.of(value(args, ++i));
                    case "--instances" -> instances = Integer.parseInt(value(args, ++i));
                    case "--help", "-h" -> {
                        System.out.println(
                                "usage: SurveyLoadDriver [--invitees N] [--concurrency C] [--warmup W] [--kill] "
                                        + "[--out FILE] [--jar PATH] [--instances 1|2]");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (instances < 1 || instances > 2 || (kill && instances > 1)) {
                throw new IllegalArgumentException("--instances is 1 or 2, and --kill runs with one instance");
            }
            if (invitees < 1 || concurrency < 1 || warmup < 0) {
                throw new IllegalArgumentException(
                        "--invitees and --concurrency must be positive, --warmup not negative");
            }
            if (out == null) {
                out = Path.of("target", "benchmarks", kill ? "survey-load-kill.txt" : "survey-load.txt");
            }
            return new Options(invitees, concurrency, warmup, kill, out, jar, instances);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException("option " + args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    /** One question of the version being answered, as far as the driver needs it. */
    record Question(String key, String type, boolean required, List<String> options, int rows) {}

    enum State {
        NEW,
        OPENED,
        READY,
        ACCEPTED,
        FAILED,
        CUT_OFF,
        NOT_SENT,
        ALREADY_ANSWERED,
        ACCEPTED_AFTER_RESTART
    }

    /** One invitee: the token and, while answering, the session cookie and CSRF token. */
    static final class Respondent {
        final int index;
        final String token;
        String cookie;
        String csrf;
        volatile State state = State.NEW;

        Respondent(int index, String token) {
            this.index = index;
            this.token = token;
        }
    }

    /** Latencies of one phase, in nanoseconds, and its wall time. */
    static final class Recorder {
        final String name;
        final long[] nanos;
        final AtomicInteger count = new AtomicInteger();
        long wallNanos;

        Recorder(String name, int capacity) {
            this.name = name;
            this.nanos = new long[capacity];
        }

        void record(long value) {
            int i = count.getAndIncrement();
            if (i < nanos.length) {
                nanos[i] = value;
            }
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(nanos, Math.min(count.get(), nanos.length));
            Arrays.sort(copy);
            return copy;
        }

        double perSecond(long operations) {
            return wallNanos == 0 ? 0 : operations * 1e9 / wallNanos;
        }

        static double percentileMs(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }
    }

    /** The application under test: one data folder and two ports, started and stopped as a user would. */
    static final class App {
        final Path jar;
        final Path dataDir;
        final int httpPort;
        final int dbPort;
        Process process;
        int starts;
        /** For a second instance: the first one's database and key, given as a user configures them. */
        final Map<String, String> env = new HashMap<>();

        final List<String> args = new ArrayList<>();

        App(Path jar, Path dataDir, int httpPort, int dbPort) {
            this.jar = jar;
            this.dataDir = dataDir;
            this.httpPort = httpPort;
            this.dbPort = dbPort;
        }

        String base() {
            return "http://localhost:" + httpPort;
        }

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + dbPort + "/postgres";
        }

        Path log() {
            return dataDir.resolve("app-" + starts + ".log");
        }

        void start() throws IOException {
            starts++;
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
            // Extra JVM options for the application, e.g. a Java Flight Recording:
            // BENCH_APP_JAVA_OPTS="-XX:StartFlightRecording=..."
            String extra = System.getenv("BENCH_APP_JAVA_OPTS");
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of(
                    "-jar",
                    jar.toString(),
                    "--server.port=" + httpPort,
                    "--samspil.data-dir=" + dataDir,
                    "--samspil.embedded-db.port=" + dbPort));
            command.addAll(args);
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile());
            builder.environment().remove("SPRING_DATASOURCE_URL");
            builder.environment().remove("SPRING_MAIL_HOST"); // mails stay in the outbox
            builder.environment().putAll(env);
            process = builder.start();
        }

        void awaitHealthy() throws Exception {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest health = HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            try {
                Awaitility.await()
                        .atMost(Duration.ofMinutes(4))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            if (!process.isAlive()) {
                                throw new IllegalStateException(
                                        "the application exited with " + process.exitValue() + "; see " + log());
                            }
                            try {
                                HttpResponse<String> response =
                                        client.send(health, HttpResponse.BodyHandlers.ofString());
                                return response.statusCode() == 200
                                        && response.body().contains("UP");
                            } catch (IOException notYet) {
                                return false; // still starting
                            }
                        });
            } catch (ConditionTimeoutException e) {
                throw new IllegalStateException("not healthy within 4 minutes; see " + log());
            }
        }

        /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left running. Returns the exit code (137). */
        int kill() throws InterruptedException {
            process.destroyForcibly();
            return process.waitFor();
        }

        /** SIGTERM, as a service manager stops it; the application stops its PostgreSQL too. */
        void stop() throws InterruptedException {
            if (process == null || !process.isAlive()) {
                return;
            }
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    private final Options options;
    private final App app;
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private List<Question> questions;
    private int pages;
    private long surveyId;
    private long orderId;
    private int versionNumber;

    /** The second instance on the first one's PostgreSQL with {@code --instances 2}, else null. */
    private App second;

    private final AtomicLong requests = new AtomicLong();

    private SurveyLoadDriver(Options options, App app) {
        this.options = options;
        this.app = app;
    }

    /** Where the next request goes: with two instances, each in turn, no stickiness (a respondent's pages alternate). */
    private String base() {
        return second == null || requests.getAndIncrement() % 2 == 0 ? app.base() : second.base();
    }

    /** A second application process on the first one's database and answer key, as several instances run. */
    private void startSecondInstance() throws Exception {
        Path data = Files.createDirectories(app.dataDir.resolve("second"));
        second = new App(app.jar, data, freePort(), freePort());
        second.env.put("SPRING_DATASOURCE_URL", app.jdbcUrl());
        second.env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        second.env.put("SPRING_DATASOURCE_PASSWORD", "");
        second.args.add("--samspil.survey.anonymity.key-file=" + app.dataDir.resolve("survey-answer.key"));
        App started = second;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.stop();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }));
        second.start();
        second.awaitHealthy();
        log("second instance healthy on http " + second.httpPort + " (the first one's PostgreSQL)");
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (!Files.isRegularFile(options.jar())) {
            System.err.println(
                    "No application jar at " + options.jar() + "; build it first (bench/survey-load.sh does).");
            System.exit(2);
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dataDir = Path.of("target", "bench-data", stamp).toAbsolutePath();
        Files.createDirectories(dataDir);
        App app = new App(options.jar().toAbsolutePath(), dataDir, freePort(), freePort());
        Thread stopOnExit = new Thread(() -> {
            try {
                app.stop();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        new SurveyLoadDriver(options, app).run();
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        System.exit(0);
    }

    private void run() throws Exception {
        ZonedDateTime started = ZonedDateTime.now();
        log("starting " + app.jar + " (http " + app.httpPort + ", db " + app.dbPort + ", data " + app.dataDir + ")");
        long t0 = System.nanoTime();
        app.start();
        app.awaitHealthy();
        log(String.format(Locale.ROOT, "healthy after %.1f s", (System.nanoTime() - t0) / 1e9));
        if (options.instances() == 2) {
            startSecondInstance();
        }

        openSurvey();
        log("survey " + surveyId + " (order " + orderId + ", version " + versionNumber + "): " + questions.size()
                + " questions on " + pages + " page(s)");
        List<Respondent> warmup = invite("warmup", options.warmup());
        List<Respondent> measured = invite("run", options.invitees());
        log("inserted " + (warmup.size() + measured.size()) + " invitations");

        String warmupResult = "none";
        if (!warmup.isEmpty()) {
            long w = System.nanoTime();
            Clients warmUpClients = new Clients(options.concurrency());
            runAll("warm-up", warmup, options.concurrency(), r -> fullFlow(warmUpClients.of(r), r, State.ACCEPTED));
            long ok = warmup.stream().filter(r -> r.state == State.ACCEPTED).count();
            warmupResult = String.format(
                    Locale.ROOT,
                    "%d of %d accepted in %.1f s, %d errors%s",
                    ok,
                    warmup.size(),
                    (System.nanoTime() - w) / 1e9,
                    errorCount(),
                    errorDetail());
            log("warm-up: " + warmupResult);
            errors.clear();
        }
        long[] baseline = counts();

        Recorder open = new Recorder("open", measured.size());
        Recorder next = new Recorder("pages", measured.size() * Math.max(0, pages - 1));
        Recorder submit = new Recorder("submit", measured.size());

        Clients openClients = new Clients(options.concurrency());
        open.wallNanos = runAll("open", measured, options.concurrency(), r -> open(openClients.of(r), r, open));
        log(summary(open, countState(measured, State.OPENED)));
        if (pages > 1) {
            Clients pageClients = new Clients(options.concurrency());
            next.wallNanos = runAll("pages", measured, options.concurrency(), r -> {
                if (r.state == State.OPENED) {
                    nextPages(pageClients.of(r), r, next);
                }
            });
            log(summary(next, next.count.get()));
        } else {
            measured.forEach(r -> r.state = r.state == State.OPENED ? State.READY : r.state);
        }

        KillSwitch kill = options.kill() ? new KillSwitch((int) Math.ceil(KILL_AT * measured.size())) : null;
        Clients submitClients = new Clients(options.concurrency());
        submit.wallNanos = runAll("submit", measured, options.concurrency(), r -> {
            if (r.state == State.READY) {
                submit(submitClients.of(r), r, submit, kill, State.ACCEPTED);
            }
        });
        int acceptedBeforeKill = countState(measured, State.ACCEPTED);
        if (kill != null) {
            kill.await();
            submit.wallNanos = kill.killedAtNanos - kill.startNanos; // the rate up to the kill
        }
        log(summary(submit, acceptedBeforeKill));

        Map<String, String> killLines = new java.util.LinkedHashMap<>();
        if (kill != null) {
            killLines = restartAndRerun(measured, kill, acceptedBeforeKill);
        }

        waitForMixing();
        double commits = commitFloor(options.concurrency(), 10);
        log(String.format(Locale.ROOT, "commit floor: %.0f single-row INSERT commits/s", commits));
        long[] now = counts();
        long stored = now[0] - baseline[0];
        long marks = now[1] - baseline[1];
        List<Respondent> answeredLinks = measured.stream()
                .filter(r -> r.state == State.ACCEPTED
                        || r.state == State.ACCEPTED_AFTER_RESTART
                        || r.state == State.ALREADY_ANSWERED)
                .toList();
        long acceptedWithoutMark = unmarked(measured.stream()
                .filter(r -> r.state == State.ACCEPTED || r.state == State.ACCEPTED_AFTER_RESTART)
                .toList());
        long outbox = scalar("SELECT count(*) FROM mail_outbox");

        List<String> lines = new ArrayList<>();
        lines.add("# Samspil survey load benchmark" + (kill != null ? " (kill -9 variant)" : ""));
        lines.add("# date: " + started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        lines.add("# machine: nproc " + Runtime.getRuntime().availableProcessors() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", " + memory());
        lines.add("# java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (driver and application)");
        gitCommit().ifPresent(commit -> lines.add("# git commit: " + commit));
        lines.add("# jar: " + app.jar);
        lines.add("# invitees (N): " + measured.size() + ", concurrency (C): " + options.concurrency() + ", warm-up: "
                + warmup.size() + " respondents through all phases before measuring, not counted");
        lines.add(
                "# questionnaire: " + questions.size() + " questions on " + pages + " page(s); open = GET /s/{token} + "
                        + "GET /svar; pages = POST /svar handling=naeste per page but the last; submit = final POST handling=send");
        lines.add(
                "# application: java -Xmx1g -jar, embedded PostgreSQL, fsync and synchronous_commit on; the driver runs "
                        + "on the same machine");
        lines.add("warmup: " + warmupResult);
        lines.add("instances: " + options.instances()
                + (second == null ? "" : "  (requests alternate between them, no stickiness; one PostgreSQL)"));
        lines.add("invitees: " + measured.size());
        lines.add("concurrency: " + options.concurrency());
        lines.add("submissions_per_second: " + f1(submit.perSecond(acceptedBeforeKill)));
        addLatencies(lines, "submit", submit);
        lines.add("open_per_second: " + f1(open.perSecond(open.count.get())) + "  (respondents; 2 HTTP requests each)");
        addLatencies(lines, "open", open);
        if (pages > 1) {
            lines.add("pages_per_second: " + f1(next.perSecond(next.count.get())) + "  (POST handling=naeste)");
            addLatencies(lines, "pages", next);
        }
        lines.add("accepted: "
                + (kill == null
                        ? acceptedBeforeKill
                        : acceptedBeforeKill + countState(measured, State.ACCEPTED_AFTER_RESTART)));
        lines.add("errors: " + errorCount() + errorDetail());
        lines.add("stored_answers: " + stored + "  (survey_answer_pending + survey_answer, warm-up subtracted)");
        lines.add("response_marks: " + marks);
        lines.add("accepted_without_response_mark: " + acceptedWithoutMark);
        lines.add("mail_outbox_rows: " + outbox + "  (unchanged by answering; no mail host configured)");

        double ratio = commits == 0 ? 0 : submit.perSecond(acceptedBeforeKill) / commits;
        lines.add("commits_per_second: " + f1(commits) + "  (single-row INSERT commits, " + options.concurrency()
                + " connections, 10 s, the same embedded PostgreSQL, after the run: the machine's limit)");
        lines.add("submissions_per_commit: " + String.format(Locale.ROOT, "%.3f", ratio));
        boolean rate = ratio >= 0.15;
        boolean p99 = Recorder.percentileMs(submit.sorted(), 99) <= 100;
        long lost;
        long duplicates;
        if (kill == null) {
            lost = Math.max(0, acceptedBeforeKill - stored);
            duplicates = Math.max(0, stored - acceptedBeforeKill);
        } else {
            lines.addAll(killLines.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue())
                    .toList());
            long expected = answeredLinks.size();
            lines.add(
                    "expected_stored: " + expected + "  (distinct links that got tak or were found already answered)");
            lost = Math.max(0, expected - stored);
            duplicates = Math.max(0, stored - expected);
        }
        boolean consistent = stored == marks && acceptedWithoutMark == 0;
        lines.add("lost: " + lost);
        lines.add("duplicates: " + duplicates);
        lines.add("stored_equals_marks: " + (stored == marks));
        if (kill == null) {
            lines.add("target_submissions_per_commit_ge_0.15: " + verdict(rate));
            lines.add("target_submit_p99_le_100ms: " + verdict(p99));
            lines.add("target_zero_lost: " + verdict(lost == 0 && consistent));
            lines.add("verdict: " + verdict(rate && p99 && lost == 0 && consistent));
        } else {
            lines.add("target_zero_lost: " + verdict(lost == 0 && consistent));
            lines.add("target_no_duplicates: " + verdict(duplicates == 0));
            lines.add("verdict: " + verdict(lost == 0 && duplicates == 0 && consistent));
        }
        lines.add("app_logs: " + app.dataDir);

        log("stopping the application");
        if (second != null) {
            second.stop();
        }
        app.stop();
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.println();
        lines.forEach(System.out::println);
        System.out.println("# written to " + out);
    }

    // ---------------------------------------------------------------- kill -9 and restart

    /** Kills the application once {@code threshold} submissions have been accepted. */
    final class KillSwitch {
        final int threshold;
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final CountDownLatch trigger = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        final long startNanos = System.nanoTime();
        volatile boolean killed;
        volatile long killedAtNanos;
        volatile int inFlightAtKill;
        volatile int exitCode;

        KillSwitch(int threshold) {
            this.threshold = threshold;
            Thread killer = new Thread(
                    () -> {
                        try {
                            trigger.await();
                            killed = true;
                            inFlightAtKill = inFlight.get();
                            killedAtNanos = System.nanoTime();
                            exitCode = app.kill();
                            log("killed the application with SIGKILL after " + accepted.get()
                                    + " accepted submissions, " + inFlightAtKill + " in flight; exit code " + exitCode);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            done.countDown();
                        }
                    },
                    "kill-switch");
            killer.setDaemon(true);
            killer.start();
        }

        void accepted() {
            if (accepted.incrementAndGet() == threshold) {
                trigger.countDown();
            }
        }

        void await() throws InterruptedException {
            trigger.countDown(); // if the threshold was never reached, kill now
            done.await();
        }
    }

    private Map<String, String> restartAndRerun(List<Respondent> measured, KillSwitch kill, int acceptedBeforeKill)
            throws Exception {
        List<Respondent> notSent = measured.stream()
                .filter(r -> r.state == State.NOT_SENT || r.state == State.READY)
                .toList();
        List<Respondent> cutOff =
                measured.stream().filter(r -> r.state == State.CUT_OFF).toList();
        long restartStart = System.nanoTime();
        app.start();
        app.awaitHealthy();
        double restartSeconds = (System.nanoTime() - restartStart) / 1e9;
        log(String.format(
                Locale.ROOT,
                "restarted and healthy in %.1f s; re-running %d not sent and %d cut off",
                restartSeconds,
                notSent.size(),
                cutOff.size()));
        // The links that were never sent first: they are valid. Cut-off ones may have been stored, and an
        // already-used link counts as a failed lookup for the client's rate limit (LinkGuard).
        List<Respondent> rerun = new ArrayList<>(notSent);
        rerun.addAll(cutOff);
        AtomicInteger rateLimited = new AtomicInteger();
        Clients clients = new Clients(options.concurrency());
        long rerunStart = System.nanoTime();
        runAll("re-run", rerun, options.concurrency(), r -> {
            r.state = State.NEW;
            r.cookie = null;
            r.csrf = null;
            if (fullFlow(clients.of(r), r, State.ACCEPTED_AFTER_RESTART) == 429) {
                rateLimited.incrementAndGet();
                r.state = markedInDatabase(r) ? State.ALREADY_ANSWERED : State.FAILED;
            }
        });
        double rerunSeconds = (System.nanoTime() - rerunStart) / 1e9;
        Map<String, String> lines = new java.util.LinkedHashMap<>();
        lines.put("kill_signal", "SIGKILL via Process.destroyForcibly(); application exit code " + kill.exitCode);
        lines.put("kill_threshold", kill.threshold + " accepted (" + Math.round(KILL_AT * 100) + " %)");
        lines.put("accepted_before_kill", String.valueOf(acceptedBeforeKill));
        lines.put("in_flight_at_kill", String.valueOf(kill.inFlightAtKill));
        lines.put("cut_off_by_kill", cutOff.size() + "  (submissions that failed with a connection error)");
        lines.put("not_sent_at_kill", String.valueOf(notSent.size()));
        lines.put("restart_seconds", f1(restartSeconds));
        lines.put("rerun_seconds", f1(rerunSeconds));
        lines.put("accepted_after_restart", String.valueOf(countState(measured, State.ACCEPTED_AFTER_RESTART)));
        lines.put(
                "already_answered_after_restart",
                countState(measured, State.ALREADY_ANSWERED)
                        + "  (of them cut off: "
                        + cutOff.stream()
                                .filter(r -> r.state == State.ALREADY_ANSWERED)
                                .count()
                        + "; not sent: "
                        + notSent.stream()
                                .filter(r -> r.state == State.ALREADY_ANSWERED)
                                .count() + ")");
        lines.put(
                "rate_limited_after_restart",
                rateLimited.get() + "  (429 from LinkGuard; resolved by a response-mark lookup)");
        lines.put(
                "failed_after_restart",
                String.valueOf(
                        rerun.stream().filter(r -> r.state == State.FAILED).count()));
        return lines;
    }

    // ---------------------------------------------------------------- the respondent's requests

    /** Open, pages and submit in one go (warm-up and the re-run after a restart). Returns the last status. */
    private int fullFlow(HttpClient client, Respondent r, State success) {
        HttpResponse<String> link = send(client, get("/s/" + r.token, null), "open GET /s");
        if (link == null) {
            r.state = State.FAILED;
            return -1;
        }
        if (link.statusCode() == 200) {
            r.state = State.ALREADY_ANSWERED; // the "unavailable" page
            return 200;
        }
        if (link.statusCode() == 429) {
            return 429;
        }
        Recorder ignored = new Recorder("ignored", pages + 1);
        if (!afterLink(client, r, link) || (pages > 1 && !nextPages(client, r, ignored))) {
            r.state = State.FAILED;
            return -1;
        }
        submit(client, r, ignored, null, success);
        return 302;
    }

    private void open(HttpClient client, Respondent r, Recorder recorder) {
        long start = System.nanoTime();
        HttpResponse<String> link = send(client, get("/s/" + r.token, null), "open GET /s");
        if (link == null) {
            r.state = State.FAILED;
            return;
        }
        if (afterLink(client, r, link)) {
            recorder.record(System.nanoTime() - start);
        } else {
            r.state = State.FAILED;
        }
    }

    /** From the link's redirect to the first page: the session cookie and the CSRF token. */
    private boolean afterLink(HttpClient client, Respondent r, HttpResponse<String> link) {
        if (link.statusCode() != 302
                || !link.headers().firstValue("Location").orElse("").endsWith("/svar")) {
            error("open GET /s " + link.statusCode());
            return false;
        }
        r.cookie = cookies(null, link);
        if (r.cookie.isEmpty()) {
            error("open GET /s no link cookie");
            return false;
        }
        HttpResponse<String> page = send(client, get("/svar", r.cookie), "open GET /svar");
        if (page == null) {
            return false;
        }
        r.cookie = cookies(r.cookie, page);
        if (page.statusCode() != 200 || !csrf(r, page.body())) {
            error("open GET /svar " + page.statusCode() + (page.statusCode() == 200 ? " without form" : ""));
            return false;
        }
        r.state = State.OPENED;
        return true;
    }

    private boolean nextPages(HttpClient client, Respondent r, Recorder recorder) {
        for (int page = 1; page < pages; page++) {
            long start = System.nanoTime();
            HttpResponse<String> response = send(client, post(r, page, "naeste"), "pages POST");
            if (response == null) {
                r.state = State.FAILED;
                return false;
            }
            r.cookie = cookies(r.cookie, response);
            Matcher side = SIDE.matcher(response.body());
            if (response.statusCode() != 200
                    || !side.find()
                    || Integer.parseInt(side.group(1)) != page + 1
                    || !csrf(r, response.body())) {
                error("pages POST " + response.statusCode()
                        + (response.statusCode() == 200 ? " not on the next page" : ""));
                r.state = State.FAILED;
                return false;
            }
            recorder.record(System.nanoTime() - start);
        }
        r.state = State.READY;
        return true;
    }

    private void submit(HttpClient client, Respondent r, Recorder recorder, KillSwitch kill, State success) {
        if (kill != null && kill.killed) {
            r.state = State.NOT_SENT;
            return;
        }
        HttpRequest request = post(r, pages, "send");
        long start = System.nanoTime();
        if (kill != null) {
            kill.inFlight.incrementAndGet();
        }
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (kill != null && kill.killed) {
                r.state = State.CUT_OFF; // re-run after the restart
            } else {
                error("submit " + e.getClass().getSimpleName());
                r.state = State.FAILED;
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.state = State.FAILED;
            return;
        } finally {
            if (kill != null) {
                kill.inFlight.decrementAndGet();
            }
        }
        long took = System.nanoTime() - start;
        if (response.statusCode() == 302
                && response.headers().firstValue("Location").orElse("").endsWith("/svar/tak")) {
            recorder.record(took);
            r.state = success;
            if (kill != null) {
                kill.accepted();
            }
        } else {
            recorder.record(took);
            error("submit " + response.statusCode()
                    + (response.statusCode() == 302
                            ? " to " + response.headers().firstValue("Location").orElse("?")
                            : ""));
            r.state = State.FAILED;
        }
    }

    private HttpRequest get(String path, String cookie) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(REQUEST_TIMEOUT)
                .GET();
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder.build();
    }

    /** The form of a page: all answers every time (the server reads those of the page posted). */
    private HttpRequest post(Respondent r, int page, String action) {
        StringBuilder body = new StringBuilder();
        field(body, "_csrf", r.csrf);
        field(body, "side", String.valueOf(page));
        field(body, "handling", action);
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            switch (q.type()) {
                case "TEXT" -> {
                    if (q.required() || (r.index + i) % 3 == 0) {
                        field(
                                body,
                                "q." + q.key(),
                                "Svar " + r.index + ": hurtigere tilbagemelding og én fast kontakt – tak.");
                    }
                }
                case "MULTIPLE" -> {
                    field(
                            body,
                            "q." + q.key(),
                            q.options().get(r.index % q.options().size()));
                    if (q.options().size() > 1 && r.index % 2 == 0) {
                        field(
                                body,
                                "q." + q.key(),
                                q.options().get((r.index + 1) % q.options().size()));
                    }
                }
                case "GRID" -> {
                    for (int row = 0; row < q.rows(); row++) {
                        field(
                                body,
                                "q." + q.key() + ".r" + row,
                                q.options()
                                        .get((r.index + i + row) % q.options().size()));
                    }
                }
                default ->
                    field(
                            body,
                            "q." + q.key(),
                            q.options().get((r.index + i) % q.options().size()));
            }
        }
        return HttpRequest.newBuilder(URI.create(base() + "/svar"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Cookie", r.cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
    }

    private static void field(StringBuilder body, String name, String value) {
        if (body.length() > 0) {
            body.append('&');
        }
        body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest request, String what) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            error(what + " " + e.getClass().getSimpleName());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The respondent's cookies (the link's and the CSRF token's) after a response: "a=1; b=2". */
    private static String cookies(String current, HttpResponse<?> response) {
        java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
        if (current != null && !current.isEmpty()) {
            for (String pair : current.split("; ")) {
                String[] nameValue = pair.split("=", 2);
                jar.put(nameValue[0], nameValue[1]);
            }
        }
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] nameValue = header.split(";", 2)[0].split("=", 2);
            if (nameValue.length < 2 || nameValue[1].isEmpty()) {
                jar.remove(nameValue[0]);
            } else {
                jar.put(nameValue[0], nameValue[1]);
            }
        }
        return jar.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static boolean csrf(Respondent r, String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            return false;
        }
        r.csrf = m.group(1) != null ? m.group(1) : m.group(2);
        return true;
    }

    private void error(String key) {
        errors.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private String errorDetail() {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("  (");
        new TreeMap<>(errors)
                .forEach((k, v) -> s.append(s.length() > 3 ? "; " : "")
                        .append(k)
                        .append(": ")
                        .append(v.sum()));
        return s.append(')').toString();
    }

    /**
     * A few HTTP clients for one phase, one per 16 parallel respondents: each client has one selector thread for all
     * its connections, and a single one for 64 busy connections made the driver, not the application, the bottleneck.
     */
    private static final class Clients {
        private final HttpClient[] clients;

        Clients(int concurrency) {
            clients = new HttpClient[Math.max(1, concurrency / 16)];
            for (int i = 0; i < clients.length; i++) {
                clients[i] = client();
            }
        }

        HttpClient of(Respondent r) {
            return clients[r.index % clients.length];
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Runs the task for every respondent with {@code concurrency} workers and returns the wall time in nanoseconds.
     * Logs progress every 15 s, so a stalled application shows as such.
     */
    private long runAll(String phase, List<Respondent> respondents, int concurrency, Consumer<Respondent> task)
            throws InterruptedException {
        AtomicInteger nextIndex = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int workers = Math.min(concurrency, Math.max(1, respondents.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        for (int w = 0; w < workers; w++) {
            pool.execute(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = nextIndex.getAndIncrement(); i < respondents.size(); i = nextIndex.getAndIncrement()) {
                    try {
                        task.accept(respondents.get(i));
                    } catch (RuntimeException e) {
                        e.printStackTrace();
                    } finally {
                        done.incrementAndGet();
                    }
                }
            });
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        pool.shutdown();
        while (!pool.awaitTermination(15, TimeUnit.SECONDS)) {
            log(String.format(
                    Locale.ROOT,
                    "  %s: %d of %d respondents after %.0f s, %d errors so far",
                    phase,
                    done.get(),
                    respondents.size(),
                    (System.nanoTime() - start) / 1e9,
                    errorCount()));
        }
        return System.nanoTime() - start;
    }

    private long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    // ---------------------------------------------------------------- database (harness setup and counts)

    /**
     * The machine's limit in the same run: {@code clients} connections to the application's PostgreSQL each
     * committing single-row INSERTs (autocommit, fsync and synchronous_commit as the application has them) for
     * {@code seconds}, like a pgbench of one INSERT. Commits per second; the table is dropped afterwards.
     */
    private double commitFloor(int clients, int seconds) throws Exception {
        try (Connection admin = db();
                var statement = admin.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_commit_floor (id bigserial PRIMARY KEY, client int)");
        }
        LongAdder commits = new LongAdder();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try (Connection connection = db();
                        var insert =
                                connection.prepareStatement("INSERT INTO bench_commit_floor (client) VALUES (?)")) {
                    insert.setInt(1, client);
                    while (System.nanoTime() < end) {
                        insert.executeUpdate();
                        commits.increment();
                    }
                } catch (SQLException e) {
                    errors.computeIfAbsent("commit floor: " + e.getMessage(), k -> new LongAdder())
                            .increment();
                }
            });
            thread.start();
            threads.add(thread);
        }
        long started = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        double rate = commits.sum() * 1e9 / (System.nanoTime() - started);
        try (Connection admin = db();
                var statement = admin.createStatement()) {
            statement.execute("DROP TABLE bench_commit_floor");
        }
        return rate;
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection(app.jdbcUrl(), "postgres", "");
    }

    /** Opens the survey of the first demo order, waiting for the demo order and its survey to be created. */
    private void openSurvey() throws Exception {
        try (Connection db = db()) {
            Optional<Long> order;
            try {
                order = Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(
                                () -> optionalLong(db, "SELECT id FROM package_order ORDER BY id LIMIT 1"),
                                Optional::isPresent);
            } catch (ConditionTimeoutException e) {
                order = Optional.empty();
            }
            orderId = order.orElseThrow(() -> new IllegalStateException("no demo order appeared; see " + app.log()));
            // The survey and its version 1 are created asynchronously after PackageOrdered: give it a moment.
            try {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> optionalLong(
                                        db,
                                        "SELECT s.id FROM survey s JOIN survey_version v ON v.survey_id = s.id"
                                                + " WHERE s.order_id = " + orderId + " LIMIT 1")
                                .isPresent());
            } catch (ConditionTimeoutException e) {
                // not yet: the version is inserted below if missing
            }
            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT INTO survey (order_id, status, closes_on, opened_at) VALUES (?, 'OPEN', current_date + 14, now())
                    ON CONFLICT (order_id) DO UPDATE SET status = 'OPEN', closes_on = EXCLUDED.closes_on,
                        opened_at = EXCLUDED.opened_at, closed_at = NULL
                    RETURNING id""")) {
                ps.setLong(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    surveyId = rs.getLong(1);
                }
            }
            Optional<Long> version =
                    optionalLong(db, "SELECT max(number) FROM survey_version WHERE survey_id = " + surveyId);
            if (version.isEmpty()) {
                try (PreparedStatement ps = db.prepareStatement(
                        "INSERT INTO survey_version (survey_id, number, questions) VALUES (?, 1, CAST(? AS jsonb))")) {
                    ps.setLong(1, surveyId);
                    ps.setString(2, FALLBACK_QUESTIONS);
                    ps.executeUpdate();
                }
                version = Optional.of(1L);
            }
            versionNumber = version.get().intValue();
            questions = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("""
                    SELECT q->>'key', q->>'type', coalesce((q->>'required')::boolean, false),
                           ARRAY(SELECT jsonb_array_elements_text(coalesce(q->'options', '[]'::jsonb))),
                           jsonb_array_length(coalesce(q->'rows', '[]'::jsonb))
                    FROM survey_version v, jsonb_array_elements(v.questions) WITH ORDINALITY AS t(q, n)
                    WHERE v.survey_id = ? AND v.number = ? ORDER BY t.n""")) {
                ps.setLong(1, surveyId);
                ps.setInt(2, versionNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Array options = rs.getArray(4);
                        questions.add(new Question(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getBoolean(3),
                                List.of((String[]) options.getArray()),
                                rs.getInt(5)));
                    }
                }
            }
        }
        if (questions.isEmpty()) {
            throw new IllegalStateException("survey " + surveyId + " has no questions");
        }
        pages = Math.max(1, (questions.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** Used only when the app has not created the survey's version 1 itself. */
    private static final String FALLBACK_QUESTIONS = """
            [{"key":"kendskab","number":1,"text":"Hvad er dit kendskab til kommunens akutfunktioner?","type":"SCALE",
              "options":["Godt","Nogenlunde","Dårligt"],"other":false,"required":true,"block":1},
             {"key":"samarbejde","number":2,"text":"Hvordan oplever du samarbejdet?","type":"SCALE",
              "options":["Godt","Mindre godt","Ved ikke"],"other":false,"required":true,"block":1},
             {"key":"kommentarer","number":3,"text":"Kommentarer (fritekst)","type":"TEXT",
              "options":[],"other":false,"required":false,"block":1}]""";

    /** Inserts personal links in batches; the tokens stay in memory, only their hashes go to the database. */
    private List<Respondent> invite(String label, int count) throws SQLException {
        List<Respondent> respondents = new ArrayList<>(count);
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (Connection db = db()) {
            db.setAutoCommit(false);
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO survey_invitation (survey_id, email, token_hash) VALUES (?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    String token = Tokens.newToken();
                    respondents.add(new Respondent(i, token));
                    ps.setLong(1, surveyId);
                    ps.setString(2, "bench-" + label + "-" + run + "-" + i + "@example.dk");
                    ps.setString(3, Tokens.hash(token));
                    ps.addBatch();
                    if ((i + 1) % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            db.commit();
        }
        return respondents;
    }

    /** Stored answers (pending + mixed) and response marks of the survey, read in one snapshot. */
    private long[] counts() throws SQLException {
        try (Connection db = db();
                PreparedStatement ps = db.prepareStatement("""
                SELECT (SELECT count(*) FROM survey_answer_pending WHERE survey_id = ?)
                     + (SELECT count(*) FROM survey_answer WHERE survey_id = ?),
                       (SELECT count(*) FROM survey_response_mark WHERE survey_id = ?)""")) {
            ps.setLong(1, surveyId);
            ps.setLong(2, surveyId);
            ps.setLong(3, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /**
     * Waits until the mixing job has taken every pending answer (at least 15 s, at most 90 s); fewer than a release
     * batch (three) may stay pending, sealed and rewritten, until more arrive or the survey closes.
     */
    private void waitForMixing() throws Exception {
        try {
            Awaitility.await()
                    .pollDelay(Duration.ofSeconds(15))
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> scalar("SELECT count(*) FROM survey_answer_pending WHERE NOT mixed AND survey_id = "
                                    + surveyId)
                            == 0);
        } catch (ConditionTimeoutException e) {
            log("pending answers still not mixed after 90 s");
        }
    }

    /** How many of these respondents' links have no response mark. */
    private long unmarked(List<Respondent> respondents) throws SQLException {
        if (respondents.isEmpty()) {
            return 0;
        }
        try (Connection db = db();
                PreparedStatement ps = db.prepareStatement("""
                SELECT count(*) FROM survey_invitation i WHERE i.token_hash = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM survey_response_mark m WHERE m.invitation_id = i.id)""")) {
            ps.setArray(
                    1,
                    db.createArrayOf(
                            "text",
                            respondents.stream().map(r -> Tokens.hash(r.token)).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private boolean markedInDatabase(Respondent r) {
        try {
            return unmarked(List.of(r)) == 0;
        } catch (SQLException e) {
            error("db " + e.getSQLState());
            return false;
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Connection db = db()) {
            return optionalLong(db, sql).orElse(0L);
        }
    }

    private static Optional<Long> optionalLong(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long value = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(value);
        }
    }

    // ---------------------------------------------------------------- reporting

    private static void addLatencies(List<String> lines, String phase, Recorder recorder) {
        long[] sorted = recorder.sorted();
        lines.add(phase + "_p50_ms: " + f1(Recorder.percentileMs(sorted, 50)));
        lines.add(phase + "_p95_ms: " + f1(Recorder.percentileMs(sorted, 95)));
        lines.add(phase + "_p99_ms: " + f1(Recorder.percentileMs(sorted, 99)));
        lines.add(phase + "_max_ms: " + f1(sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6));
        lines.add(phase + "_seconds: " + f1(recorder.wallNanos / 1e9));
    }

    private static String summary(Recorder recorder, long operations) {
        long[] sorted = recorder.sorted();
        return String.format(
                Locale.ROOT,
                "%s: %d in %.1f s = %.1f/s, p50 %.1f ms, p99 %.1f ms",
                recorder.name,
                operations,
                recorder.wallNanos / 1e9,
                recorder.perSecond(operations),
                Recorder.percentileMs(sorted, 50),
                Recorder.percentileMs(sorted, 99));
    }

    private static int countState(List<Respondent> respondents, State state) {
        return (int) respondents.stream().filter(r -> r.state == state).count();
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    private static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB RAM";
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return "RAM unknown";
    }

    private static Optional<String> gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            String out;
            try (InputStream in = git.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (git.waitFor() != 0 || out.isEmpty()) {
                return Optional.empty();
            }
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true)
                    .start();
            String dirty;
            try (InputStream in = status.getInputStream()) {
                dirty = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            status.waitFor();
            return Optional.of(out + (dirty.isEmpty() ? "" : " (with uncommitted changes)"));
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String message) {
        System.out.println("[" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + message);
    }
}
