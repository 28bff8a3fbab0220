package dk.samspil.servicedata;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link DisclosurePolicy} of the application, from the {@code samspil.disclosure.*} settings. */
@Configuration(proxyBeanMethods = false)
class DisclosureConfiguration {

    @Bean
    DisclosurePolicy disclosurePolicy(ServiceDataSettings settings) {
        return new DisclosurePolicy(settings.threshold(), settings.minAnswers(), settings.minGroupAnswers());
    }
}
