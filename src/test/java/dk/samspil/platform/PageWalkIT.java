package dk.samspil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.WebClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks the packaged application ({@code java -jar target/samspil.jar}, demo data) as every demo user and as an
 * anonymous visitor: from the start pages it follows every link, htmx fragment and GET form it is shown, and fails
 * on any answer that is not a page (5xx, 4xx, the error page). The GET endpoints are read from the running
 * application (its mappings), so a new page that no walk reaches fails here too, unless it is named below with the
 * reason it cannot be reached by following links.
 */
class PageWalkIT {

    static final String[] USERS = {
        "konsulent",
        "midtkraft",
        "koordinator",
        "koordinator2",
        "medlem",
        "kommune",
        "kommune2",
        "pko",
        "pkokommune",
        "pkokoordinator",
        "pkolaege",
        "pkonord",
        "redaktoer",
        "admin"
    };
    static final List<String> STARTS = List.of(
            "/",
            "/pakker",
            "/bestillinger",
            "/aftaler",
            "/udbyder/overblik",
            "/kalender",
            "/klynger",
            "/data/import",
            "/admin/registre",
            "/admin/udbakke",
            "/tilgaengelighed",
            "/nyheder",
            "/forloeb/1082");
    /** GET endpoints no link leads to, and why. */
    static final Map<String, String> NOT_WALKED = Map.ofEntries(
            Map.entry("/forloebsbeskrivelser/{id}", "linked once a care pathway is started (PathwayTests)"),
            Map.entry("/forloebsbeskrivelser/{id}/rediger", "linked from a care pathway's page (PathwayTests)"),
            Map.entry("/forloebsbeskrivelser/{id}/sammenlign", "a care pathway with two versions (PathwayTests)"),
            Map.entry("/forloeb/{region}/{id}", "linked once a care pathway is published (PathwayBrowserTests)"),
            Map.entry("/forloeb-godkendelse/{approvalId}/{token}", "an approver's personal link, only in its mail"),
            Map.entry("/forloeb-forfatter/{token}", "an invited author's personal link, only in its mail"),
            Map.entry("/s/{token}", "a member's personal survey link, only in the member's mail"),
            Map.entry("/invitation/{token}", "a personal invitation link, only in the invitee's mail"),
            Map.entry("/nulstil/{token}", "a personal password-reset link, only in the user's mail"),
            Map.entry(
                    "/bestillinger/{orderId}/praesentation/oplaeg/{block}",
                    "linked once the municipality uploads its talk (MunicipalTalkTests)"),
            Map.entry("/kalender/feed/{token}.ics", "a personal calendar address, made by a POST on /kalender"),
            Map.entry("/svar", "reached through a personal survey link"),
            Map.entry("/pakker/{slug}/materialer/{id}", "linked once a provider adds a file (PackageMaterialsTests)"),
            Map.entry(
                    "/udbyder/pakker/kladder/{id}",
                    "a package's draft, reached by the POST of „Ret pakken“ or a copy (PackageEditorTests)"),
            Map.entry("/svar/tak", "shown after an answer is sent"),
            Map.entry(
                    "/login/afvist",
                    "shown after a refused log-in with a work identity, none configured here (WorkIdentityLoginTests)"),
            Map.entry(
                    "/bestillinger/{orderId}/praesentation/{token}.pptx", "linked once a deck is made (DeckFlowTests)"),
            Map.entry(
                    "/bestillinger/{orderId}/praesentation/{token}.pdf", "linked once a deck is made (DeckFlowTests)"),
            Map.entry(
                    "/bestillinger/{orderId}/dokumenter/{token}/{stem}.pdf",
                    "linked once converted (DocumentFlowTests)"),
            Map.entry(
                    "/bestillinger/{orderId}/moede/referat/{token}.docx",
                    "linked once minutes are made (MeetingFlowTests)"),
            Map.entry(
                    "/bestillinger/{orderId}/moede/referat/{token}.pdf",
                    "linked once minutes are made (MeetingFlowTests)"),
            Map.entry(
                    "/bestillinger/{orderId}/resultater.csv", "linked from the answer threshold on (SurveyFlowTests)"),
            Map.entry(
                    "/bestillinger/{orderId}/resultater.xlsx", "linked from the answer threshold on (SurveyFlowTests)"),
            Map.entry("/data/kommunedata/eksempel-henvisninger.csv", "linked where a package asks for municipal data"),
            Map.entry(
                    "/bestillinger/{orderId}/moede/klu-punkt.docx",
                    "linked from the meeting day on (AgreementOverviewTests)"),
            Map.entry(
                    "/audit-godkendelse/{auditId}/{token}",
                    "the approver's personal link, only in the management's mail"),
            Map.entry("/audit-godkendelse/besvaret", "shown after the approver has answered"),
            Map.entry("/referat/{token}", "a member's personal link to the referat, only in the minutes mail"),
            Map.entry(
                    "/moeder/{meetingId}/referat",
                    "polled by the meeting page while a referat is being made (PkoMeetingTests)"),
            Map.entry("/moeder/{meetingId}/referat/{token}.docx", "linked once minutes are made (PkoMeetingTests)"),
            Map.entry("/moeder/{meetingId}/referat/{token}.pdf", "linked once minutes are made (PkoMeetingTests)"),
            Map.entry("/pko/audit/{id}", "linked once a consultant plans an audit (AuditFlowTests, AuditBrowserTests)"),
            Map.entry("/pko/audit/{id}/godkendelsesbrev", "linked from an audit awaiting approval (AuditFlowTests)"),
            Map.entry("/pko/audit/{id}/godkendelsesbrev/fil", "linked once a letter is uploaded (AuditFlowTests)"),
            Map.entry("/pko/audit/{id}/sager/{caseId}", "linked once an approved audit has cases (AuditBrowserTests)"),
            Map.entry("/pko/audit/{id}/rapport", "linked from an audit (AuditFlowTests, AuditBrowserTests)"),
            Map.entry("/pko/audit/{id}/rapport.docx", "linked once an audit is completed (AuditFlowTests)"),
            Map.entry(
                    "/nyhedsmails/{id}/rediger",
                    "linked from a request its author may still change (NewsletterRequestTests)"),
            Map.entry(
                    "/nyhedsmail-godkendelse/{approvalId}/{token}",
                    "the approver's personal link, only in the approval mail"),
            Map.entry("/nyhedsmail-godkendelse/besvaret", "shown after the approver has answered"),
            Map.entry("/nyhedsmail/bekraeft/{token}", "the sign-up's confirmation link, only in its mail"),
            Map.entry("/nyhedsmail/afmeld/{token}", "the unsubscribe link, only in a newsletter"),
            Map.entry("/nyhedsmail-skriv/{token}", "an invited writer's personal link, only in the invitation mail"));
    /** Far more than any page has; stops a walk through an endless sequence (calendar months). */
    static final int MAX_PER_PATTERN = 15;

    @TempDir
    Path dataDir;

    @Test
    void everyPageEveryDemoUserCanReachAnswersWithAPage() throws Exception {
        int port = PackagedJar.freePort();
        Process app = PackagedJar.start(
                dataDir, port, Map.of(), "--management.endpoints.web.exposure.include=health,mappings");
        try {
            PackagedJar.awaitHealthy(port, app);
            String base = "http://localhost:" + port;
            WebClient admin = new WebClient(base);
            admin.login("admin", "samspil");
            List<PathPattern> patterns =
                    getPatterns(admin.get("/actuator/mappings").body());
            assertThat(patterns)
                    .as("the GET endpoints of the running application")
                    .hasSizeGreaterThan(20);

            Walk walk = new Walk(patterns);
            walk.walk(new WebClient(base), "anonym");
            for (String user : USERS) {
                WebClient client = new WebClient(base);
                String location = client.login(user, "samspil")
                        .headers()
                        .firstValue("Location")
                        .orElse("");
                assertThat(location).as(user + " signs in").doesNotContain("error");
                walk.walk(client, user);
                walk.requestFragmentsOfSeenOrders(client, user);
            }
            assertThat(walk.failures)
                    .as("pages that did not answer with a page; see " + PackagedJar.log(port))
                    .isEmpty();
            Set<String> unreached = new TreeSet<>();
            for (PathPattern pattern : patterns) {
                if (!walk.reached.contains(pattern.getPatternString())
                        && !NOT_WALKED.containsKey(pattern.getPatternString())) {
                    unreached.add(pattern.getPatternString());
                }
            }
            assertThat(unreached)
                    .as("GET endpoints no demo user reached by following links")
                    .isEmpty();
            assertThat(walk.reached)
                    .contains(
                            "/pakker/{slug}",
                            "/bestillinger/{orderId}",
                            "/bestillinger/{orderId}/moede",
                            "/bestillinger/{orderId}/aendring",
                            "/bestillinger/{orderId}/program");
            assertThat(walk.urlsOf("/pakker/{slug}")).as("every package page").hasSize(5);
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    /** The GET patterns of Samspil's own controllers, as the running application reports them. */
    static List<PathPattern> getPatterns(String mappingsJson) {
        JsonNode root = JsonMapper.builder().build().readTree(mappingsJson);
        PathPatternParser parser = new PathPatternParser();
        Set<String> found = new LinkedHashSet<>();
        for (JsonNode context : root.path("contexts")) {
            for (JsonNode servlet : context.path("mappings").path("dispatcherServlets")) {
                for (JsonNode mapping : servlet) {
                    JsonNode details = mapping.path("details");
                    if (!details.path("handlerMethod")
                            .path("className")
                            .asString("")
                            .startsWith("dk.samspil.")) {
                        continue;
                    }
                    JsonNode conditions = details.path("requestMappingConditions");
                    boolean get = conditions.path("methods").isEmpty();
                    for (JsonNode method : conditions.path("methods")) {
                        get |= method.asString().equals("GET");
                    }
                    if (get) {
                        conditions.path("patterns").forEach(p -> found.add(p.asString()));
                    }
                }
            }
        }
        List<PathPattern> patterns =
                new ArrayList<>(found.stream().map(parser::parse).toList());
        patterns.sort(PathPattern.SPECIFICITY_COMPARATOR);
        return patterns;
    }

    static final class Walk {
        final List<PathPattern> patterns;
        final Set<String> reached = new TreeSet<>();
        final Map<String, Set<String>> urls = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        final Set<String> orderIds = new TreeSet<>();

        Walk(List<PathPattern> patterns) {
            this.patterns = patterns;
        }

        Set<String> urlsOf(String pattern) {
            return urls.getOrDefault(pattern, Set.of());
        }

        void walk(WebClient client, String user) throws Exception {
            Set<String> seen = new LinkedHashSet<>();
            Map<String, Integer> perPattern = new HashMap<>();
            Deque<Link> queue = new ArrayDeque<>();
            STARTS.forEach(start -> queue.add(new Link(start, "(start)")));
            while (!queue.isEmpty()) {
                Link link = queue.poll();
                if (!seen.add(link.url())) {
                    continue;
                }
                Optional<PathPattern> pattern = match(link.url());
                if (pattern.isPresent()
                        && perPattern.merge(pattern.get().getPatternString(), 1, Integer::sum) > MAX_PER_PATTERN) {
                    continue;
                }
                HttpResponse<String> response = client.get(link.url());
                int status = response.statusCode();
                boolean start = link.from().equals("(start)");
                if (status == 302 || status == 303) {
                    String location = URI.create(link.url())
                            .resolve(response.headers().firstValue("Location").orElse("/"))
                            .toString();
                    sameSite(location).ifPresent(next -> queue.add(new Link(next, link.url())));
                    continue;
                }
                if (start && (status == 403 || status == 404)) {
                    continue; // a start page of another role
                }
                String contentType =
                        response.headers().firstValue("Content-Type").orElse("");
                boolean html = contentType.startsWith("text/html");
                Document page = html ? Jsoup.parse(response.body(), link.url()) : null;
                if (status >= 400 || (page != null && page.title().equals("Fejl"))) {
                    failures.add(
                            user + ": GET " + link.url() + " (linked from " + link.from() + ") answered " + status);
                    continue;
                }
                pattern.ifPresent(p -> {
                    reached.add(p.getPatternString());
                    urls.computeIfAbsent(p.getPatternString(), k -> new TreeSet<>())
                            .add(link.url());
                    if (p.getPatternString().startsWith("/bestillinger/{orderId}")) {
                        orderIds.add(p.matchAndExtract(PathContainer.parsePath(path(link.url())))
                                .getUriVariables()
                                .get("orderId"));
                    }
                });
                if (page != null) {
                    for (String next : links(page)) {
                        sameSite(URI.create(link.url())
                                        .resolve(next.replace(" ", "%20"))
                                        .toString())
                                .ifPresent(url -> queue.add(new Link(url, link.url())));
                    }
                }
            }
        }

        /** htmx fragments are only linked while something is being made: request them on every order seen. */
        void requestFragmentsOfSeenOrders(WebClient client, String user) throws Exception {
            for (PathPattern pattern : patterns) {
                String p = pattern.getPatternString();
                if (!p.startsWith("/bestillinger/{orderId}/")
                        || p.indexOf('{', 1) != p.lastIndexOf('{')
                        || reached.contains(p)) {
                    continue;
                }
                for (String id : orderIds) {
                    String url = p.replace("{orderId}", id);
                    int status = client.get(url).statusCode();
                    if (status == 200) {
                        reached.add(p);
                    } else if (status >= 500) {
                        failures.add(user + ": GET " + url + " answered " + status);
                    }
                }
            }
        }

        private Optional<PathPattern> match(String url) {
            PathContainer path = PathContainer.parsePath(path(url));
            return patterns.stream().filter(p -> p.matches(path)).findFirst(); // most specific first
        }

        private static String path(String url) {
            return URI.create(url).getRawPath();
        }

        private static List<String> links(Document page) {
            List<String> links = new ArrayList<>();
            for (Element a : page.select("a[href]")) {
                links.add(a.attr("href"));
            }
            for (Element fragment : page.select("[hx-get]")) {
                links.add(fragment.attr("hx-get"));
            }
            for (Element form : page.select("form[method=get]")) {
                links.add(form.attr("action"));
            }
            return links;
        }

        /** The path and query of a link to this application's own pages; not the assets, sign-out or other sites. */
        private static Optional<String> sameSite(String url) {
            if (url.startsWith("/") && !url.startsWith("//")) {
                url = "http://localhost" + url;
            }
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || !"localhost".equals(uri.getHost())) {
                return Optional.empty();
            }
            String path = uri.getRawPath();
            if (path.isEmpty()
                    || path.startsWith("/vendor/")
                    || path.startsWith("/css/")
                    || path.startsWith("/js/")
                    || path.equals("/logout")
                    || path.startsWith("/actuator")) {
                return Optional.empty();
            }
            return Optional.of(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
    }

    record Link(String url, String from) {}
}
