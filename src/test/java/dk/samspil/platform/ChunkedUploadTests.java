package dk.samspil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.SamspilTest;
import dk.samspil.WebClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Uploads sent in chunks announce no Content-Length; the limits hold for them all the same: the body is counted as
 * it streams, and the browser is sent back to the form with the Danish message (nothing is imported).
 */
@SamspilTest
class ChunkedUploadTests {

    private static final int MB = 1024 * 1024;
    private static final String BOUNDARY = "samspil-chunked-upload";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSixtyMegabyteChunkedUploadIsRefusedAtTheTenMegabyteLimitWithTheDanishMessage() throws Exception {
        long cluster = jdbc.sql("SELECT id FROM cluster WHERE name = 'Demoklyngen'")
                .query(Long.class)
                .single();
        int practices =
                jdbc.sql("SELECT count(*) FROM practice").query(Integer.class).single();
        WebClient coordinator = signedIn("koordinator");
        String form = "/klynger/" + cluster + "/import";

        HttpResponse<String> answer = uploadInChunks(coordinator, form, 60 * MB, "PRACTICES");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith(form);
        assertThat(coordinator.get(form).body()).contains("Filen er for stor til at blive modtaget");
        assertThat(jdbc.sql("SELECT count(*) FROM practice")
                        .query(Integer.class)
                        .single())
                .isEqualTo(practices);
    }

    @Test
    void aHundredAndFiftyMegabyteChunkedNationalFileGetsTheDanishPageNotABare413() throws Exception {
        WebClient consultant = signedIn("konsulent");

        HttpResponse<String> answer =
                uploadInChunks(consultant, UploadLimitFilter.NATIONAL_IMPORT, 150 * MB, "SERVICES");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(consultant.get(UploadLimitFilter.NATIONAL_IMPORT).body())
                .contains("Filen er for stor til at blive modtaget");
    }

    private WebClient signedIn(String user) throws Exception {
        WebClient client = new WebClient("http://localhost:" + port);
        client.login(user, "samspil");
        return client;
    }

    /** A multipart form with a file of the given size, streamed with no length (so HTTP/1.1 sends it chunked). */
    private static HttpResponse<String> uploadInChunks(WebClient client, String path, long fileBytes, String kind)
            throws Exception {
        String token = WebClient.csrfToken(client.get(path).body());
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"stor.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + BOUNDARY + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                        List.of(bytes(head), new Repeated((byte) 'a', fileBytes), bytes(tail))))));
        return client.send(path, request);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code length} copies of one byte, made as they are read. */
    private static final class Repeated extends InputStream {
        private final byte value;
        private long left;

        Repeated(byte value, long length) {
            this.value = value;
            this.left = length;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, value);
            left -= n;
            return n;
        }
    }
}
