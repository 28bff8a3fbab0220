package dk.samspil.survey;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How answers are kept unlinkable: the application key that seals answers until they are mixed, and how many
 * answers a mixing run releases at once.
 *
 * @param key the application key, 32 bytes in Base64 ({@code SAMSPIL_SURVEY_ANONYMITY_KEY}); when empty, the key
 *     file is used (made on first start). Never stored in the database, so a dump or backup cannot open pending
 *     answers; every instance on one database needs the same key.
 * @param keyFile where the key is kept when {@code key} is empty ({@code SAMSPIL_SURVEY_ANONYMITY_KEYFILE}); default
 *     {@code <samspil.data-dir>/survey-answer.key}
 * @param releaseBatch answers are released to the results only this many at a time (or all at the close), so no
 *     before-and-after comparison isolates one answer ({@code SAMSPIL_SURVEY_ANONYMITY_RELEASEBATCH})
 */
@ConfigurationProperties("samspil.survey.anonymity")
public record AnonymitySettings(
        @DefaultValue("") String key,
        Path keyFile,
        @DefaultValue("3") int releaseBatch) {

    public AnonymitySettings {
        if (releaseBatch < 1) {
            throw new IllegalArgumentException("samspil.survey.anonymity.release-batch must be at least 1");
        }
    }
}
