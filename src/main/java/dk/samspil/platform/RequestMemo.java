package dk.samspil.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What one page reads more than once (the same cluster, the same practices) read once for that page: a read
 * remembered for the rest of the current GET request, forgotten when it ends. Only GET and HEAD requests remember
 * (a form's POST may change what it then reads again); outside a request (jobs, tools) every read reads.
 */
public final class RequestMemo {

    private static final String ATTRIBUTE = RequestMemo.class.getName();

    private RequestMemo() {}

    /** The value for this kind of read and key: read once per GET request. */
    @SuppressWarnings("unchecked")
    public static <T> T of(String kind, Object key, Supplier<T> read) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return read.get();
        }
        HttpServletRequest request = attributes.getRequest();
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return read.get();
        }
        Map<List<Object>, Object> memo = (Map<List<Object>, Object>) request.getAttribute(ATTRIBUTE);
        if (memo == null) {
            memo = new HashMap<>();
            request.setAttribute(ATTRIBUTE, memo);
        }
        List<Object> at = List.of(kind, key);
        if (memo.containsKey(at)) {
            return (T) memo.get(at);
        }
        T value = read.get();
        memo.put(at, value);
        return value;
    }
}
