package dk.samspil.office;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A generated or stored document handed to the browser as a file to save: {@code Content-Disposition: attachment}
 * with the file name in UTF-8 (æ, ø, å survive), kept in no cache.
 */
public final class Downloads {

    private Downloads() {}

    /** The file, as an attachment named {@code name} that no cache keeps. */
    public static ResponseEntity<byte[]> attachment(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(name))
                .body(bytes);
    }

    /** The {@code Content-Disposition} value of an attachment named {@code name} (UTF-8). */
    private static String disposition(String name) {
        return ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString();
    }
}
