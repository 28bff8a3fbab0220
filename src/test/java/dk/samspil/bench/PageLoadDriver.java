package dk.samspil.bench;

import dk.samspil.WebClient;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.awaitility.Awaitility;

/**
 * Load benchmark for the signed-in pages, as a ratio to the framework's floor. It starts {@code target/samspil.jar}
 * as users run it (fresh data folder, embedded PostgreSQL, demo data), signs in the demo consultant and coordinator,
 * and measures each main page closed-loop ({@code --concurrency} clients, no think time, {@code --seconds} each after
 * {@code --warmup}), in the same run as {@code /actuator/health} with the same signed-in sessions: the cost of Tomcat,
 * the security chain and a session read alone. Each page's rate is reported with its ratio to that floor (target
 * ≥ 0.5). Then an open load: {@code --users} users, each asking for a page every {@code --think} on average, for
 * {@code --open-seconds}: p50/p95/p99 and errors (target p95 ≤ 50 ms, no error). Results go to
 * {@code target/benchmarks/pages.txt} (or {@code --out}) and the console.
 */
public final class PageLoadDriver {

    record Page(String name, String path, String user) {}

    private final int concurrency;
    private final int seconds;
    private final int warmup;
    private final int users;
    private final double think;
    private final int openSeconds;
    private final Path out;
    private final SurveyLoadDriver.App app;
    private final List<String> lines = new ArrayList<>();

    private PageLoadDriver(String[] args) throws IOException {
        concurrency = intOption(args, "--concurrency", 50);
        seconds = intOption(args, "--seconds", 10);
        warmup = intOption(args, "--warmup", 5);
        users = intOption(args, "--users", 200);
        think = intOption(args, "--think", 5);
        openSeconds = intOption(args, "--open-seconds", 30);
        out = Path.of(option(args, "--out", "target/benchmarks/pages.txt"));
        Path jar = Path.of(option(args, "--jar", "target/samspil.jar"));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path data = Files.createDirectories(Path.of("target/bench-data/pages-" + stamp));
        app = new SurveyLoadDriver.App(jar, data, freePort(), freePort());
    }

    public static void main(String[] args) throws Exception {
        new PageLoadDriver(args).run();
    }

    private void run() throws Exception {
        line("# Samspil page load benchmark");
        line("date: " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        line("java (driver and application): " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));
        line("machine: " + Runtime.getRuntime().availableProcessors() + " cores");
        line("closed loop: " + concurrency + " concurrent, no think time, " + warmup + " s warm-up + " + seconds
                + " s measured per page");
        app.start();
        try {
            app.awaitHealthy();
            long order = demoOrder();
            List<Page> pages = List.of(
                    new Page("start page", "/start", "konsulent"),
                    new Page("orders", "/bestillinger", "konsulent"),
                    new Page("order", "/bestillinger/" + order, "koordinator"),
                    new Page("questionnaire", "/bestillinger/" + order + "/spoergeskema", "konsulent"),
                    new Page("results", "/bestillinger/" + order + "/resultater", "koordinator"),
                    new Page("data", "/bestillinger/" + order + "/data", "konsulent"),
                    new Page("deck page", "/bestillinger/" + order + "/praesentation", "koordinator"),
                    new Page("meeting", "/bestillinger/" + order + "/moede", "koordinator"),
                    new Page("agreements", "/aftaler", "koordinator"));
            HttpClient[] konsulent = sessions("konsulent", concurrency);
            HttpClient[] koordinator = sessions("koordinator", concurrency);

            // One warm-up pass over every page first, so that the floor before the pages is not measured cold.
            run("/actuator/health", konsulent, warmup, null);
            for (Page page : pages) {
                run(page.path(), page.user().equals("konsulent") ? konsulent : koordinator, warmup, null);
            }
            double floorBefore = closedLoop("/actuator/health", konsulent);
            line(String.format(Locale.ROOT, "%-14s %9.0f req/s  (floor, before the pages)", "health", floorBefore));
            List<Double> rates = new ArrayList<>();
            for (Page page : pages) {
                double rate = closedLoop(page.path(), page.user().equals("konsulent") ? konsulent : koordinator);
                rates.add(rate);
            }
            double floorAfter = closedLoop("/actuator/health", konsulent);
            double floor = (floorBefore + floorAfter) / 2;
            line(String.format(
                    Locale.ROOT,
                    "%-14s %9.0f req/s  (floor, after the pages; mean %.0f)",
                    "health",
                    floorAfter,
                    floor));
            for (int i = 0; i < pages.size(); i++) {
                double rate = rates.get(i);
                line(String.format(
                        Locale.ROOT,
                        "%-14s %9.0f req/s  ratio %.2f %s  %s",
                        pages.get(i).name(),
                        rate,
                        rate / floor,
                        rate / floor >= 0.5 ? "(≥ 0.5)" : "(below 0.5)",
                        pages.get(i).path()));
            }
            openLoad(pages, konsulent, koordinator);
            memory();
            app.stop();
            restartToFirstPage();
        } finally {
            app.stop();
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines);
        System.out.println("written to " + out);
    }

    /**
     * The application JVM's resident memory now and at its peak (the kernel's VmRSS and VmHWM) after all the loads
     * above; the embedded PostgreSQL runs in processes of its own and is not counted. Target: peak ≤ 600 MB.
     */
    private void memory() throws IOException {
        Path status = Path.of("/proc", String.valueOf(app.process.pid()), "status");
        if (!Files.exists(status)) {
            line("resident memory: not measured (no /proc on this machine)");
            return;
        }
        long rss = 0;
        long peak = 0;
        for (String entry : Files.readAllLines(status)) {
            if (entry.startsWith("VmRSS:")) {
                rss = kilobytes(entry);
            } else if (entry.startsWith("VmHWM:")) {
                peak = kilobytes(entry);
            }
        }
        line(String.format(
                Locale.ROOT,
                "resident memory of the application: %d MB now, %d MB at peak %s",
                rss / 1024,
                peak / 1024,
                peak / 1024 <= 600 ? "(≤ 600 MB)" : "(above 600 MB)"));
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    /**
     * Restart to first page: the application stopped as a service manager stops it, started again on the same data
     * folder, and timed from the start of the process until the sign-in page answers 200. Target: ≤ 10 s.
     */
    private void restartToFirstPage() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create(app.base() + "/login"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long started = System.nanoTime();
        app.start();
        Awaitility.await()
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!app.process.isAlive()) {
                        throw new IllegalStateException("the application exited on restart; see " + app.log());
                    }
                    try {
                        return client.send(login, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException notYet) {
                        return false; // still starting
                    }
                });
        double seconds = (System.nanoTime() - started) / 1e9;
        line(String.format(
                Locale.ROOT, "restart to first page: %.1f s %s", seconds, seconds <= 10 ? "(≤ 10 s)" : "(above 10 s)"));
    }

    /** Requests per second of one page at the closed-loop concurrency, each client its own signed-in session. */
    private double closedLoop(String path, HttpClient[] sessions) throws Exception {
        run(path, sessions, warmup, null);
        LongAdder done = new LongAdder();
        long nanos = run(path, sessions, seconds, done);
        return done.sum() / (nanos / 1e9);
    }

    private long run(String path, HttpClient[] sessions, int forSeconds, LongAdder done) throws Exception {
        LongAdder errors = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long deadline = start + forSeconds * 1_000_000_000L; // each client stops at the end of the window
        for (int i = 0; i < concurrency; i++) {
            HttpClient client = sessions[i];
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        HttpResponse<Void> response = client.send(get(path), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            if (done != null) {
                                done.increment();
                            }
                        } else {
                            errors.increment();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.increment();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        long nanos = System.nanoTime() - start;
        if (errors.sum() > 0) {
            line("  " + path + ": " + errors.sum() + " answers other than 200");
        }
        return nanos;
    }

    /** Users asking for a random main page every {@code think} seconds on average (Poisson arrivals). */
    private void openLoad(List<Page> pages, HttpClient[] konsulent, HttpClient[] koordinator) throws Exception {
        double perSecond = users / think;
        line(String.format(
                Locale.ROOT,
                "open load: %d users, a page every %.0f s each (%.0f requests/s), %d s",
                users,
                think,
                perSecond,
                openSeconds));
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        LongAdder errors = new LongAdder();
        ExecutorService pool = Executors.newCachedThreadPool();
        long end = System.nanoTime() + openSeconds * 1_000_000_000L;
        long next = System.nanoTime();
        while (next < end) {
            Page page = pages.get(ThreadLocalRandom.current().nextInt(pages.size()));
            HttpClient[] sessions = page.user().equals("konsulent") ? konsulent : koordinator;
            HttpClient client = sessions[ThreadLocalRandom.current().nextInt(sessions.length)];
            long due = next;
            pool.submit(() -> {
                try {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = client.send(get(page.path()), HttpResponse.BodyHandlers.discarding());
                    latencies.add(System.nanoTime() - t0);
                    if (response.statusCode() != 200) {
                        errors.increment();
                    }
                } catch (IOException | InterruptedException e) {
                    errors.increment();
                }
                return null;
            });
            next += (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) / perSecond * 1e9);
            long ahead = next - System.nanoTime();
            if (ahead > 5_000_000) {
                TimeUnit.NANOSECONDS.sleep(ahead - 1_000_000);
            }
        }
        pool.shutdown();
        pool.awaitTermination(120, TimeUnit.SECONDS);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        line(String.format(
                Locale.ROOT,
                "  %d requests, %d errors; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms %s",
                sorted.length,
                errors.sum(),
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                percentile(sorted, 95) <= 50 && errors.sum() == 0 ? "(p95 ≤ 50 ms, no error)" : "(target missed)"));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** Signed-in sessions of one demo user, one HTTP client (cookie jar) each. */
    private HttpClient[] sessions(String username, int count) throws Exception {
        HttpClient[] clients = new HttpClient[count];
        for (int i = 0; i < count; i++) {
            HttpClient client = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            String page = client.send(get("/login"), HttpResponse.BodyHandlers.ofString())
                    .body();
            String body = WebClient.formBody(
                    Map.of("username", username, "password", "samspil", "_csrf", WebClient.csrfToken(page)));
            HttpResponse<String> signedIn = client.send(
                    HttpRequest.newBuilder(URI.create(app.base() + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!"/start".equals(signedIn.headers().firstValue("Location").orElse(""))) {
                throw new IllegalStateException("sign-in of " + username + " failed: " + signedIn.statusCode());
            }
            clients[i] = client;
        }
        return clients;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(app.base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8")
                .GET()
                .build();
    }

    private long demoOrder() {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            try (var db = DriverManager.getConnection(app.jdbcUrl(), "postgres", "");
                                    var rs = db.createStatement().executeQuery("SELECT min(id) FROM package_order")) {
                                rs.next();
                                return rs.getLong(1);
                            }
                        },
                        id -> id > 0);
    }

    private void line(String text) {
        System.out.println(text);
        lines.add(text);
    }

    private static String option(String[] args, String name, String fallback) {
        int at = Arrays.asList(args).indexOf(name);
        return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
    }

    private static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(option(args, name, String.valueOf(fallback)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
