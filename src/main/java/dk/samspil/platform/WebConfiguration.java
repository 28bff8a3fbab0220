package dk.samspil.platform;

import java.util.Locale;
import java.util.TimeZone;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** Danish pages and Copenhagen time everywhere; English can be added as another message bundle later. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final Locale DANISH = Locale.forLanguageTag("da-DK");
    static final TimeZone COPENHAGEN = TimeZone.getTimeZone("Europe/Copenhagen");

    @Bean
    LocaleResolver localeResolver() {
        FixedLocaleResolver resolver = new FixedLocaleResolver(DANISH);
        resolver.setDefaultTimeZone(COPENHAGEN);
        return resolver;
    }

    /** Counts an upload's bytes under Tomcat's multipart parsing, for bodies of no announced length (UploadLimitFilter). */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> uploadCounting() {
        return factory ->
                factory.addContextCustomizers(context -> context.getPipeline().addValve(new UploadCounter.Valve()));
    }
}
