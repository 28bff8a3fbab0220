package dk.samspil.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.SamspilTest;
import dk.samspil.platform.LocalPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Open redirects, tried over raw HTTP as an attacker would (a client library would not send such a path or Host):
 * every redirect goes to a normalised path of this site, never to the request's Host or a path that names another.
 */
@SamspilTest
class RedirectTests {

    static final String EVIL = "evil.example";

    @LocalServerPort
    int port;

    @Test
    void anOversizedUploadToAPathNamingAnotherSiteComesBackHere() throws IOException {
        Response response = send(
                "POST //" + EVIL + "/x HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 20000000\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).isEqualTo("/" + EVIL + "/x");
    }

    @Test
    void redirectsAreNeverBuiltFromTheHostHeader() throws IOException {
        Response signIn = send("GET /klynger HTTP/1.1\r\nHost: " + EVIL + "\r\nConnection: close\r\n\r\n");
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).isEqualTo("/login");

        // Signing in after asking for a page returns to that page, on this site.
        String session = signIn.cookie();
        Response login = send(
                "GET /login HTTP/1.1\r\nHost: " + EVIL + "\r\nCookie: " + session + "\r\nConnection: close\r\n\r\n");
        String body = form(Map.of(
                "username", "pko", "password", "samspil", "_csrf", dk.samspil.WebClient.csrfToken(login.body())));
        Response signedIn = send("POST /login HTTP/1.1\r\nHost: " + EVIL + "\r\nCookie: " + session
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).startsWith("/klynger").doesNotContain(EVIL);
    }

    @Test
    void aPathFromARequestBecomesALocalOne() {
        assertThat(LocalPaths.of("//evil.example/x")).isEqualTo("/evil.example/x");
        assertThat(LocalPaths.of("///evil.example")).isEqualTo("/evil.example");
        assertThat(LocalPaths.of("/\\evil.example")).isEqualTo("/");
        assertThat(LocalPaths.of("http://evil.example/")).isEqualTo("/");
        assertThat(LocalPaths.of("/a/../../evil")).isEqualTo("/");
        assertThat(LocalPaths.of("/a/./b/../c")).isEqualTo("/a/c");
        assertThat(LocalPaths.of("/x\r\nSet-Cookie: a=b")).isEqualTo("/");
        assertThat(LocalPaths.of("/bestillinger/5/kommunedata?kommune=0751"))
                .isEqualTo("/bestillinger/5/kommunedata?kommune=0751");
        assertThat(LocalPaths.of(null)).isEqualTo("/");
    }

    record Response(int status, Map<String, String> headers, String body) {
        String location() {
            return headers.get("location");
        }

        String cookie() {
            return headers.get("set-cookie").split(";", 2)[0];
        }
    }

    private Response send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    /** Reads the status, the headers and (if it says how long) the body, without waiting for the connection to end. */
    private static Response parse(InputStream in) throws IOException {
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        lines[i].substring(0, colon).trim().toLowerCase(),
                        lines[i].substring(colon + 1).trim());
            }
        }
        String body = "";
        if (headers.containsKey("content-length")) {
            body = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher status = Pattern.compile("HTTP/1\\.1 (\\d{3})").matcher(lines[0]);
        assertThat(status.find()).as(lines[0]).isTrue();
        return new Response(Integer.parseInt(status.group(1)), headers, body);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
