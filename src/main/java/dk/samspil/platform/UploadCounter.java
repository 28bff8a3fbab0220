package dk.samspil.platform;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;

/**
 * Counts the bytes of an upload's body as Tomcat reads them, below its multipart parsing (which reads the
 * connection directly, past any wrapper a filter could put around the request): a body sent in chunks, with no
 * length announced, stops at the limit {@link UploadLimitFilter} sets, instead of being read whole. Past the limit
 * the parser sees the body end; Tomcat then discards the rest from the connection (up to its swallow size), so the
 * browser still gets our answer.
 */
final class UploadCounter implements InputBuffer {

    static final String ATTRIBUTE = UploadCounter.class.getName();

    private final InputBuffer body;
    private volatile long limit = Long.MAX_VALUE;
    private long read;
    private boolean exceeded;

    private UploadCounter(InputBuffer body) {
        this.body = body;
    }

    void limit(long bytes) {
        this.limit = bytes;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int doRead(ApplicationBufferHandler handler) throws IOException {
        if (exceeded) {
            return -1;
        }
        int n = body.doRead(handler);
        if (n > 0) {
            read += n;
            if (read > limit) {
                exceeded = true;
                return -1;
            }
        }
        return n;
    }

    @Override
    public int available() {
        return exceeded ? 0 : body.available();
    }

    /** Puts a counter under every multipart POST (for the request's duration: Tomcat reuses its request objects). */
    static final class Valve extends ValveBase {

        Valve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            String contentType = request.getContentType();
            if (!"POST".equals(request.getMethod()) || contentType == null || !contentType.startsWith("multipart/")) {
                getNext().invoke(request, response);
                return;
            }
            org.apache.coyote.Request connection = request.getCoyoteRequest();
            InputBuffer body = connection.getInputBuffer();
            UploadCounter counter = new UploadCounter(body);
            connection.setInputBuffer(counter);
            request.setAttribute(ATTRIBUTE, counter);
            try {
                getNext().invoke(request, response);
            } finally {
                connection.setInputBuffer(body);
            }
        }
    }
}
