package dk.samspil.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What Samspil asks of each work-identity provider, by the registration id of
 * {@code spring.security.oauth2.client.registration.<id>} (the provider itself is configured there).
 *
 * @param registration per registration id: {@code SAMSPIL_OIDC_REGISTRATION_MITIDERHVERV_MINIMUMASSURANCE=substantial}
 */
@ConfigurationProperties("samspil.oidc")
public record WorkIdentitySettings(@DefaultValue Map<String, Provider> registration) {

    /**
     * @param minimumAssurance the lowest NSIS assurance level ({@code low}, {@code substantial}, {@code high}) the
     *     {@code loa} or {@code acr} claim must show; none: no check
     * @param emailVerifiedByProvider the provider vouches for every e-mail it sends (an organisation's own directory,
     *     such as a region's Entra ID, that sends no {@code email_verified}); otherwise only {@code email_verified=true}
     *     links by e-mail
     */
    public record Provider(
            String minimumAssurance, @DefaultValue("false") boolean emailVerifiedByProvider) {
        public Provider {
            if (minimumAssurance != null
                    && !minimumAssurance.isBlank()
                    && Assurance.parse(minimumAssurance) == Assurance.NONE) {
                throw new IllegalArgumentException(
                        "samspil.oidc.registration.*.minimum-assurance must be low, substantial" + " or high, not "
                                + minimumAssurance);
            }
            minimumAssurance = minimumAssurance == null || minimumAssurance.isBlank() ? null : minimumAssurance;
        }
    }

    Provider of(String registrationId) {
        return registration.getOrDefault(registrationId, new Provider(null, false));
    }
}
