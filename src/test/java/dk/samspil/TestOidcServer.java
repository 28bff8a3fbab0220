package dk.samspil;

import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real OpenID provider (NAV's mock-oauth2-server) in the test JVM, started once on a free port, standing in for
 * the MitID Erhverv broker: the shared application context has it as its work-identity provider
 * {@value #REGISTRATION}. It shows its own sign-in page (a user name, which becomes the subject, and the claims as
 * JSON); tests can queue a token of their own making with {@link #server()}{@code .enqueueCallback(...)}.
 */
public class TestOidcServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String REGISTRATION = "mitid-erhverv";
    public static final String ISSUER_ID = "mitid";
    public static final String CLIENT_ID = "samspil";

    private static MockOAuth2Server server;

    public static synchronized MockOAuth2Server server() {
        if (server == null) {
            // Tokens for Samspil by default: the audience is its client id (the server's default would be "default").
            var forSamspil =
                    new DefaultOAuth2TokenCallback(ISSUER_ID, "unused", "JWT", List.of(CLIENT_ID), Map.of(), 3600);
            server = new MockOAuth2Server(new OAuth2Config(
                    true,
                    null,
                    null,
                    false,
                    new OAuth2TokenProvider(),
                    Set.of(forSamspil),
                    new MockWebServerWrapper()));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        }
        return server;
    }

    public static String issuer() {
        return server().issuerUrl(ISSUER_ID).toString();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String client = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "mock-oauth2-server",
                        Map.of(
                                client + "client-id", CLIENT_ID,
                                client + "client-secret", "test-secret",
                                client + "client-name", "MitID Erhverv",
                                client + "scope", "openid,email,profile",
                                "spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri", issuer(),
                                "samspil.oidc.registration." + REGISTRATION + ".minimum-assurance", "substantial")));
    }
}
