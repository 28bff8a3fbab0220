package dk.samspil.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The largest upload Samspil takes: the national register files ({@code spring.servlet.multipart.max-file-size}),
 * every other file ({@code samspil.upload.max-size}). Pages show these numbers ({@code @uploads}), so what a page
 * promises is what the server enforces.
 */
@Component("uploads")
public class UploadLimits {

    private final DataSize max;
    private final DataSize nationalMax;

    UploadLimits(
            @Value("${samspil.upload.max-size:10MB}") DataSize max,
            @Value("${spring.servlet.multipart.max-file-size:100MB}") DataSize nationalMax) {
        this.max = max;
        this.nationalMax = nationalMax;
    }

    public long maxBytes() {
        return max.toBytes();
    }

    public long nationalMaxBytes() {
        return nationalMax.toBytes();
    }

    /** For the pages: whole megabytes. */
    public long megabytes() {
        return max.toMegabytes();
    }

    public long nationalMegabytes() {
        return nationalMax.toMegabytes();
    }
}
