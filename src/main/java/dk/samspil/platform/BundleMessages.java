package dk.samspil.platform;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles as Spring Boot would set them up ({@code spring.messages.*}), with each text without arguments
 * remembered once found. Spring's own source looks a code up in each of the {@code spring.messages.basename} bundles
 * in turn on every use, and a page uses some hundred texts: in the page profile (bench/pages.sh) some 6 % of a page's
 * CPU. The bundles are read once and never reloaded, so a text found once stays the text.
 */
@Configuration(proxyBeanMethods = false)
class BundleMessages {

    /** Codes asked for beyond this many are looked up each time (a bound, should a caller make codes up). */
    static final int REMEMBERED = 20_000;

    @Bean
    MessageSource messageSource(
            @Value("${spring.messages.basename:messages}") String[] basenames,
            @Value("${spring.messages.encoding:UTF-8}") String encoding,
            @Value("${spring.messages.fallback-to-system-locale:true}") boolean fallbackToSystemLocale) {
        ResourceBundleMessageSource source = new Remembering();
        source.setBasenames(basenames);
        source.setDefaultEncoding(encoding);
        source.setFallbackToSystemLocale(fallbackToSystemLocale);
        return source;
    }

    private record Key(String code, Locale locale) {}

    /** Remembers each code's text without arguments (or that there is none) per locale. */
    static final class Remembering extends ResourceBundleMessageSource {

        private final Map<Key, Optional<String>> texts = new ConcurrentHashMap<>();

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            Key key = new Key(code, locale);
            Optional<String> known = texts.get(key);
            if (known == null) {
                known = Optional.ofNullable(super.resolveCodeWithoutArguments(code, locale));
                if (texts.size() < REMEMBERED) {
                    texts.put(key, known);
                }
            }
            return known.orElse(null);
        }
    }
}
