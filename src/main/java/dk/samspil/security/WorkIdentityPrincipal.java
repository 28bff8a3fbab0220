package dk.samspil.security;

import java.util.Map;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A Samspil user signed in with a work identity (OpenID Connect): the account's rights, never the provider's, and
 * the provider's ID token, which log-out hands back to the provider to end its session too.
 */
final class WorkIdentityPrincipal extends SamspilPrincipal implements OidcUser {

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;

    WorkIdentityPrincipal(SamspilPrincipal user, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(user);
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    /** The Samspil user name: what the audit log records and the session rules check, as for a password log-in. */
    @Override
    public String getName() {
        return getUsername();
    }
}
