package dk.samspil.platform;

import static dk.samspil.platform.PackagedJar.awaitHealthy;
import static dk.samspil.platform.PackagedJar.freePort;
import static dk.samspil.platform.PackagedJar.queryLong;
import static dk.samspil.platform.PackagedJar.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.samspil.TestMailServer;
import dk.samspil.WebClient;
import dk.samspil.survey.SurveyFixtures;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged jar on one PostgreSQL (B without demo data of its own, as on an external database),
 * with no sticky sessions: every request of a browser goes to
 * the other instance than the one before. A user signs in on one and goes on on the other; a member answers page 1
 * on one and page 2 on the other; the survey's mails go out once though both instances send the outbox; a deck
 * asked for once is made once; one instance killed (SIGKILL) in the middle of members' submissions loses no answer
 * that was thanked for, and stores none twice, though a request cut off by the kill is sent again to the other
 * instance (as a load balancer retries), a final "send" among them.
 */
class TwoInstancesIT {

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void twoInstancesOnOnePostgresqlServeEveryRequestOfOneBrowserAlike() throws Exception {
        TestMailServer.purge();
        int dbPort = freePort();
        int portA = freePort();
        int portB = freePort();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env =
                Map.of("SAMSPIL_SURVEY_ANONYMITY_KEY", Base64.getEncoder().encodeToString(key));
        String[] mail = {"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMailServer.port()};
        // Each instance has a temporary folder of its own, as on two machines: nothing one leaves there helps the
        // other.
        Process a = start(first, portA, ownTemp(env, first), concat(mail, "--samspil.embedded-db.port=" + dbPort));
        Process b = null;
        try {
            awaitHealthy(portA, a);
            b = start(
                    second,
                    portB,
                    ownTemp(env, second),
                    concat(
                            mail,
                            "--spring.datasource.url=jdbc:postgresql://localhost:" + dbPort + "/postgres",
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password="));
            awaitHealthy(portB, b);

            // Signed in on one instance, the user goes on on the other.
            Alternating consultant = new Alternating(portA, portB);
            assertThat(consultant.post("/login", "/login", Map.of("username", "konsulent", "password", "samspil")))
                    .as("signed in")
                    .extracting(r -> r.headers().firstValue("Location").orElse(""))
                    .isEqualTo("/start");
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> start = consultant.get("/start");
                assertThat(start.statusCode())
                        .as("the start page on either instance")
                        .isEqualTo(200);
                assertThat(start.body()).contains("Log af");
            }

            // A register file that removes figures is checked on one instance and confirmed on the other.
            importRemovingFigures(consultant);

            // The survey of the demo order, frozen and sent by the consultant across both instances.
            long order = queryLong(dbPort, "SELECT min(id) FROM package_order");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> queryLong(
                                    dbPort,
                                    "SELECT count(*) FROM survey s JOIN survey_version v ON v.survey_id = s.id"
                                            + " WHERE s.order_id = " + order)
                            > 0);
            String survey = "/bestillinger/" + order + "/spoergeskema";
            assertThat(consultant.post(survey + "/frys", survey, Map.of()).statusCode())
                    .isEqualTo(302);
            LocalDate closes = LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusDays(14);
            HttpResponse<String> sent = consultant.post(
                    survey + "/send", survey, Map.of("closesOn", closes.toString(), "reminderDays", "7"));
            assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/spoergeskema");

            // Both instances send the outbox; each member gets their invitation once.
            Map<String, String> tokens = SurveyFixtures.tokens(SurveyFixtures.MEMBERS);
            // Every queued mail sent (by either instance): the count received is final.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> queryLong(dbPort, "SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'") == 0);
            for (String member : SurveyFixtures.MEMBERS) {
                assertThat(TestMailServer.received(member))
                        .filteredOn(m -> TestMailServer.subject(m).startsWith(SurveyFixtures.INVITATION_SUBJECT))
                        .as("invitations to " + member)
                        .hasSize(1);
            }
            long surveyId = queryLong(dbPort, "SELECT id FROM survey WHERE order_id = " + order);

            // A member answers page by page, each request on the other instance.
            List<String> members = new ArrayList<>(tokens.keySet());
            Respondent one = new Respondent(new Alternating(portA, portB), tokens.get(members.get(0)));
            assertThat(one.answer()).isEqualTo(Outcome.THANKED);
            assertThat(one.pages).as("a questionnaire of more than one page").isGreaterThan(1);
            assertThat(stored(dbPort, surveyId)).isEqualTo(1);

            // A deck asked for on one instance is made once, by whichever instance's scheduler takes it.
            String deck = "/bestillinger/" + order + "/praesentation";
            assertThat(consultant.post(deck, deck, Map.of()).statusCode()).isEqualTo(302);
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> queryLong(
                                    dbPort,
                                    "SELECT count(*) FROM document_version WHERE kind = 'DECK' AND owner_id = " + order
                                            + " AND status <> 'PENDING'")
                            > 0);
            assertThat(queryLong(
                            dbPort,
                            "SELECT count(*) FROM document_version WHERE kind = 'DECK' AND owner_id = " + order))
                    .isEqualTo(1);
            assertThat(PackagedJar.query(
                            dbPort, "SELECT status FROM document_version WHERE kind = 'DECK' AND owner_id = " + order))
                    .isEqualTo("READY");

            // The other members submit at once while instance B is killed: what was thanked for is stored once.
            ExecutorService pool = Executors.newFixedThreadPool(members.size() - 1);
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (String member : members.subList(1, members.size())) {
                Respondent respondent = new Respondent(new Alternating(portA, portB), tokens.get(member));
                outcomes.add(pool.submit(respondent::answer));
            }
            // Killed once a few have been thanked, while the others are on their way.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() ->
                            queryLong(dbPort, "SELECT count(*) FROM survey_response_mark WHERE survey_id = " + surveyId)
                                    >= 3);
            b.destroyForcibly();
            b.waitFor();
            int thanked = 1;
            for (Future<Outcome> outcome : outcomes) {
                if (outcome.get() == Outcome.THANKED) {
                    thanked++;
                }
            }
            pool.shutdown();
            System.out.printf(
                    "TwoInstancesIT: %d of %d submissions thanked around the kill%n", thanked - 1, outcomes.size());
            assertThat(stored(dbPort, surveyId))
                    .as("answers stored: every one thanked for, none twice")
                    .isEqualTo(thanked);
            assertThat(queryLong(dbPort, "SELECT count(*) FROM survey_response_mark WHERE survey_id = " + surveyId))
                    .isEqualTo(thanked);

            // Instance A serves on alone.
            assertThat(new WebClient("http://localhost:" + portA)
                            .get("/actuator/health")
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            if (b != null) {
                b.destroyForcibly();
                b.waitFor();
            }
            a.destroy();
            a.waitFor();
        }
    }

    /**
     * Two practices' figures for a month, then a file without one of them: it waits for "dette fjerner 1 praksissers
     * tal", and the answer reaches the other instance than the upload (the waiting file is in the database).
     */
    private static void importRemovingFigures(Alternating consultant) throws Exception {
        String page = "/data/import";
        assertThat(consultant.upload(page, page, "PRACTICES", """
                                Ydernummer;Periode;Tilmeldte patienter;Kommunekode
                                340001;2031-07;5000;0751
                                340002;2031-07;4000;0751
                                """).body()).contains("Filen er importeret");
        assertThat(consultant.upload(page, page, "SERVICES", """
                                Ydernummer;Periode;Ydelseskode;Antal
                                340001;2031-07;0124;11
                                340001;2031-07;0125;5
                                340002;2031-07;0124;12
                                340002;2031-07;0125;6
                                """).body()).contains("Filen er importeret");
        String asked = consultant.upload(page, page, "SERVICES", """
                        Ydernummer;Periode;Ydelseskode;Antal
                        340001;2031-07;0124;11
                        340002;2031-07;0124;13
                        340002;2031-07;0125;7
                        """).body();
        assertThat(asked).contains("dette fjerner 1 praksissers tal");
        String token = Jsoup.parse(asked).selectFirst("input[name=token]").attr("value");
        // One request more, so that the confirmation (a page read, then the post) is posted to the other instance than
        // the upload was.
        assertThat(consultant.get(page).statusCode()).isEqualTo(200);
        HttpResponse<String> confirmed =
                consultant.post("/data/import/bekraeft", page, Map.of("remove", "true", "token", token));
        assertThat(confirmed.body())
                .as("confirmed on the other instance")
                .contains("Filen er importeret: 3 rækker.", "fjernede: 1");
    }

    private static Map<String, String> ownTemp(Map<String, String> env, Path data) throws IOException {
        Path temp = java.nio.file.Files.createDirectories(data.resolve("tmp"));
        Map<String, String> own = new LinkedHashMap<>(env);
        own.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + temp);
        return own;
    }

    private static long stored(int dbPort, long surveyId) throws Exception {
        return queryLong(
                dbPort,
                "SELECT (SELECT count(*) FROM survey_answer WHERE survey_id = " + surveyId
                        + ") + (SELECT count(*) FROM survey_answer_pending WHERE survey_id = " + surveyId + ")");
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    enum Outcome {
        THANKED,
        FAILED
    }

    /**
     * A member with their personal link, answering as a browser does: the link, then each page of the questionnaire
     * (the first option of every choice, a line of text in every text field), "naeste" until the last page, "send".
     */
    static final class Respondent {
        private final Alternating browser;
        private final String token;
        int pages;

        Respondent(Alternating browser, String token) {
            this.browser = browser;
            this.token = token;
        }

        Outcome answer() {
            try {
                HttpResponse<String> link = browser.get("/s/" + token);
                if (!"/svar".equals(link.headers().firstValue("Location").orElse(""))) {
                    return Outcome.FAILED;
                }
                HttpResponse<String> page = browser.get("/svar");
                for (int step = 0; step < 20 && page.statusCode() == 200; step++) {
                    Document html = Jsoup.parse(page.body());
                    Element form = html.selectFirst("form[action=\"/svar\"]");
                    if (form == null) {
                        return Outcome.FAILED;
                    }
                    pages++;
                    boolean last = form.selectFirst("button[name=handling][value=send]") != null;
                    HttpResponse<String> answered = browser.postForm("/svar", fields(form, last ? "send" : "naeste"));
                    String location = answered.headers().firstValue("Location").orElse("");
                    if (location.endsWith("/svar/tak")) {
                        return Outcome.THANKED;
                    }
                    page = location.isEmpty() ? answered : browser.get(location);
                }
                return Outcome.FAILED;
            } catch (IOException | InterruptedException e) {
                return Outcome.FAILED; // neither instance answered
            }
        }

        private static Map<String, List<String>> fields(Element form, String action) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (Element hidden : form.select("input[type=hidden]")) {
                fields.put(hidden.attr("name"), List.of(hidden.attr("value")));
            }
            for (Element choice : form.select("input[type=radio], input[type=checkbox]")) {
                fields.putIfAbsent(choice.attr("name"), List.of(choice.attr("value")));
            }
            for (Element text : form.select("textarea")) {
                fields.putIfAbsent(text.attr("name"), List.of("Svar fra to instanser"));
            }
            fields.put("handling", List.of(action));
            return fields;
        }
    }

    /** A browser whose every request goes to the other instance than the one before: no stickiness at all. */
    static final class Alternating {
        /** Requests whose instance did not answer and were sent to the other. */
        static final java.util.concurrent.atomic.AtomicInteger RETRIED =
                new java.util.concurrent.atomic.AtomicInteger();

        private final int[] ports;
        private final HttpClient http;
        private int next;

        Alternating(int... ports) {
            this.ports = ports;
            this.http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        }

        private synchronized URI uri(String path) {
            int port = ports[next++ % ports.length];
            return URI.create("http://localhost:" + port + path);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(path, HttpRequest.newBuilder().GET());
        }

        /**
         * Sends the request to the next instance; when that instance does not answer (killed), to the other one, as
         * a load balancer retries a request whose connection failed.
         */
        private HttpResponse<String> send(String path, HttpRequest.Builder request)
                throws IOException, InterruptedException {
            try {
                return http.send(
                        request.uri(uri(path)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException instanceGone) {
                RETRIED.incrementAndGet();
                return http.send(
                        request.uri(uri(path)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
        }

        /** Posts a form with the CSRF token of the page it was on (read from the other instance). */
        HttpResponse<String> post(String path, String csrfFrom, Map<String, String> form)
                throws IOException, InterruptedException {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            form.forEach((name, value) -> fields.put(name, List.of(value)));
            fields.put("_csrf", List.of(WebClient.csrfToken(get(csrfFrom).body())));
            return postForm(path, fields);
        }

        /** Uploads a CSV file as the import form does, with the CSRF token of a page read from the other instance. */
        HttpResponse<String> upload(String path, String csrfFrom, String kind, String csv)
                throws IOException, InterruptedException {
            String boundary = "samspil" + System.nanoTime();
            String csrf = WebClient.csrfToken(get(csrfFrom).body());
            String body = part(boundary, "_csrf", null, csrf)
                    + part(boundary, "kind", null, kind)
                    + part(boundary, "file", "fil.csv", csv)
                    + "--" + boundary + "--\r\n";
            return send(
                    path,
                    HttpRequest.newBuilder()
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private static String part(String boundary, String name, String fileName, String value) {
            return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/csv")
                    + "\r\n\r\n" + value + "\r\n";
        }

        HttpResponse<String> postForm(String path, Map<String, List<String>> fields)
                throws IOException, InterruptedException {
            String body = WebClient.formBody(fields);
            return send(
                    path,
                    HttpRequest.newBuilder()
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
        }
    }
}
