package dk.samspil.platform;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a redirect may go: a normalised path of this application, never another site. A path taken from a request
 * ({@code //evil.example/x}, {@code /\evil.example}, {@code /a/../../x}) would otherwise send the browser elsewhere;
 * such a path is folded into a local one, or, if it cannot be, becomes {@code /}. Absolute links (mails, calendars)
 * are made from the configured public address ({@code samspil.base-url}), never from the request's Host header.
 */
public final class LocalPaths {

    private LocalPaths() {}

    /** The path (with its query, if any) as a local one: one leading slash, no empty or dot segments. */
    public static String of(String path) {
        if (path == null
                || !path.startsWith("/")
                || path.indexOf('\\') >= 0
                || !path.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return "/";
        }
        try {
            URI uri = new URI(path.replaceAll("/{2,}", "/")).normalize();
            String local = uri.getRawPath();
            if (uri.isAbsolute()
                    || uri.getRawAuthority() != null
                    || local == null
                    || !local.startsWith("/")
                    || local.startsWith("//")
                    || local.equals("/..")
                    || local.startsWith("/../")) {
                return "/";
            }
            return uri.getRawQuery() == null ? local : local + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
