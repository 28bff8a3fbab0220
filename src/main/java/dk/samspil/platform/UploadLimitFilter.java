package dk.samspil.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Refuses an upload over the limit before anything reads it (the CSRF check would otherwise parse it and fail):
 * the browser is sent back to the form's page (GET on the same address) with a Danish message, and nothing is
 * changed. Upload forms therefore post to the address that shows them. The limit holds for bodies sent in chunks
 * too (no Content-Length): they are counted as they stream ({@link UploadCounter}).
 */
@Component
// After Spring Session's filter, so the refusal's flash message lands in the session kept in PostgreSQL.
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class UploadLimitFilter extends OncePerRequestFilter {

    static final String MESSAGE_KEY = "upload.tooLarge";

    /** The national register files are big (a year of service data is ~30 MB); everything else is small. */
    static final String NATIONAL_IMPORT = "/data/import";

    private final long maxBytes;
    private final long nationalMaxBytes;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    UploadLimitFilter(UploadLimits limits) {
        this.maxBytes = limits.maxBytes();
        this.nationalMaxBytes = limits.nationalMaxBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod()) || contentType == null || !contentType.startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = NATIONAL_IMPORT.equals(request.getRequestURI()) ? nationalMaxBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            refuse(request, response);
            return;
        }
        if (request.getAttribute(UploadCounter.ATTRIBUTE) instanceof UploadCounter counter) {
            counter.limit(limit);
            if (request.getContentLengthLong() < 0 && tooLargeAsItStreams(request, counter)) {
                refuse(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * A body sent in chunks announces no length: it is parsed here, counted as it streams, and stops at the limit
     * (anything else, a malformed body among it, is left to the form's own handling).
     */
    private static boolean tooLargeAsItStreams(HttpServletRequest request, UploadCounter counter) {
        try {
            request.getParts();
        } catch (IOException | ServletException | IllegalStateException cutOffOrMalformed) {
            // decided by the count below
        }
        return counter.exceeded();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Back to the form's page: a local path, whatever the request's path looked like.
        String formPage = LocalPaths.of(request.getRequestURI());
        FlashMap flash = new FlashMap();
        flash.put("uploadError", MESSAGE_KEY);
        flash.setTargetRequestPath(formPage);
        flashMaps.saveOutputFlashMap(flash, request, response);
        response.sendRedirect(formPage);
    }
}
