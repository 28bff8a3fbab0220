package dk.samspil.security;

import dk.samspil.platform.DanishFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own sessions (/konto/sessioner): where they are signed in (when, last used, which browser),
 * this one marked, and ending one or all the others. A session is named in the page by a hash of its id, never by
 * the id itself (which would sign in whoever read it). Sessions live in PostgreSQL (Spring Session JDBC), so the list
 * covers every instance.
 */
@Controller
class OwnSessionsController {

    static final String VIEW = "security/sessions";
    /** The session attribute with the browser the session signed in from (the User-Agent, cut to 300 characters). */
    static final String USER_AGENT = OwnSessionsController.class.getName() + ".userAgent";

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    OwnSessionsController(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** One session in the list. {@code handle} names it in the page's forms. */
    record SessionView(
            String handle, String createdAt, String lastUsedAt, String browser, String system, boolean current) {}

    @GetMapping("/konto/sessioner")
    String list(@AuthenticationPrincipal SamspilPrincipal user, HttpServletRequest request, Model model) {
        String current = currentId(request);
        List<SessionView> views = own(user).values().stream()
                .sorted(Comparator.comparing((Session s) -> !s.getId().equals(current))
                        .thenComparing(Session::getLastAccessedTime, Comparator.reverseOrder()))
                .map(s -> new SessionView(
                        handle(s.getId()),
                        DanishFormat.dateTime(s.getCreationTime()),
                        DanishFormat.dateTime(s.getLastAccessedTime()),
                        browser(s.getAttribute(USER_AGENT)),
                        system(s.getAttribute(USER_AGENT)),
                        s.getId().equals(current)))
                .toList();
        model.addAttribute("sessions", views);
        model.addAttribute("others", views.stream().filter(v -> !v.current()).count());
        return VIEW;
    }

    @PostMapping("/konto/sessioner/{handle}/afslut")
    String end(
            @PathVariable String handle,
            @AuthenticationPrincipal SamspilPrincipal user,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        String current = currentId(request);
        own(user).keySet().stream()
                .filter(id -> !id.equals(current) && handle(id).equals(handle))
                .findFirst()
                .ifPresentOrElse(
                        id -> {
                            sessions.deleteById(id);
                            redirect.addFlashAttribute("notice", "account.sessions.ended");
                        },
                        () -> redirect.addFlashAttribute("notice", "account.sessions.gone"));
        return "redirect:/konto/sessioner";
    }

    @PostMapping("/konto/sessioner/afslut-andre")
    String endOthers(
            @AuthenticationPrincipal SamspilPrincipal user, HttpServletRequest request, RedirectAttributes redirect) {
        String current = currentId(request);
        own(user).keySet().stream().filter(id -> !id.equals(current)).forEach(sessions::deleteById);
        redirect.addFlashAttribute("notice", "account.sessions.endedOthers");
        return "redirect:/konto/sessioner";
    }

    /** Remembers the browser a session signs in from, for the list above. */
    static void stampBrowser(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && !agent.isBlank()) {
            request.getSession().setAttribute(USER_AGENT, agent.length() > 300 ? agent.substring(0, 300) : agent);
        }
    }

    private Map<String, ? extends Session> own(SamspilPrincipal user) {
        return sessions.findByPrincipalName(user.getUsername());
    }

    private static String currentId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? "" : session.getId();
    }

    static String handle(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The browser's name from a User-Agent, for the well-known browsers only (null: the page says "unknown"). */
    static String browser(Object userAgent) {
        if (!(userAgent instanceof String agent)) {
            return null;
        }
        return agent.contains("Edg/")
                ? "Edge"
                : agent.contains("OPR/")
                        ? "Opera"
                        : agent.contains("Firefox/")
                                ? "Firefox"
                                : agent.contains("Chrome/") || agent.contains("Chromium/")
                                        ? "Chrome"
                                        : agent.contains("Safari/") ? "Safari" : null;
    }

    /** The operating system from a User-Agent, for the well-known ones only. */
    static String system(Object userAgent) {
        if (!(userAgent instanceof String agent)) {
            return null;
        }
        return agent.contains("Windows")
                ? "Windows"
                : agent.contains("iPhone") || agent.contains("iPad")
                        ? "iOS"
                        : agent.contains("Android")
                                ? "Android"
                                : agent.contains("Mac OS X") ? "macOS" : agent.contains("Linux") ? "Linux" : null;
    }
}
