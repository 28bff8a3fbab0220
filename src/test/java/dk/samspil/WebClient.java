package dk.samspil;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client with a cookie jar, for tests that need the real server: sessions, sign-in, headers. */
public class WebClient {

    private static final Pattern CSRF =
            Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public WebClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the CSRF token of the page it was on; a value that is a collection is sent once per element. */
    public HttpResponse<String> post(String path, String csrfFrom, Map<String, ?> form)
            throws IOException, InterruptedException {
        String token = csrfToken(get(csrfFrom).body());
        Map<String, Object> fields = new java.util.LinkedHashMap<>(form);
        fields.put("_csrf", token);
        String body = formBody(fields);
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request of the test's own making (relative path) with this client's cookies. */
    public HttpResponse<String> send(String path, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return http.send(request.uri(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        return post("/login", "/login", Map.of("username", username, "password", password));
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("SESSION"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** A form as {@code application/x-www-form-urlencoded}; a value that is a collection is sent once per element. */
    public static String formBody(Map<String, ?> fields) {
        return fields.entrySet().stream()
                .flatMap(e -> (e.getValue() instanceof java.util.Collection<?> values
                                ? values.stream()
                                : java.util.stream.Stream.of(e.getValue()))
                        .map(value -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }

    public static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }
}
