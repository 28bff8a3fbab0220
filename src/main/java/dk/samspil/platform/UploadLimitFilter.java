package dk.samspil.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Refuses an upload over the limit before anything reads it (the CSRF check would otherwise parse it and fail):
 * the browser is sent back to the form's page (GET on the same address) with a Danish message, and nothing is
 * changed. Upload forms therefore post to the address that shows them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
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
            FlashMap flash = new FlashMap();
            flash.put("uploadError", MESSAGE_KEY);
            flash.setTargetRequestPath(request.getRequestURI());
            flashMaps.saveOutputFlashMap(flash, request, response);
            response.sendRedirect(request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
