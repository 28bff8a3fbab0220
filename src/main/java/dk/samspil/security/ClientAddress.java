package dk.samspil.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from, for the audit log and for slowing down guessing. {@code X-Forwarded-For} is
 * believed only when the request comes from a configured proxy ({@code samspil.security.trusted-proxies}, none by
 * default): then the client is the last address in it that is not itself a trusted proxy. Anyone else could write
 * any address there.
 */
@Component
public class ClientAddress {

    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]*:[0-9a-fA-F:.]*");

    private final List<IpAddressMatcher> proxies;

    ClientAddress(SecuritySettings settings) {
        this.proxies = settings.trustedProxies().stream()
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .map(IpAddressMatcher::new)
                .toList();
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isAddress(hop)) {
                return peer;
            }
            if (i == 0 || !trusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean trusted(String address) {
        try {
            return isAddress(address) && proxies.stream().anyMatch(proxy -> proxy.matches(address));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    /** An IP literal (never a host name, which would be looked up). */
    private static boolean isAddress(String value) {
        return value != null
                && value.length() <= 45
                && IP_LITERAL.matcher(value).matches();
    }
}
