package dk.samspil.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a work identity that the provider has vouched for (Spring Security has checked the ID token's signature,
 * issuer, audience, expiry and nonce) into a Samspil account, or refuses it. Never creates an account: an identity
 * is accepted only when it is already linked to an active account, or when a first log-in can link it to one the
 * administrator made, by the provider's verified e-mail or by the broker's persistent professional id together with
 * the organisation's CVR (NemLog-in's {@code nemlogin.persistent_professional_id} and {@code nemlogin.cvr}).
 */
@Component
class WorkIdentities implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** Refusal reasons: the error codes the log-in failure handler turns into a Danish page. */
    static final String UNKNOWN = "samspil_unknown_identity";

    static final String TOO_LOW = "samspil_assurance_too_low";
    static final String DEACTIVATED = "samspil_account_deactivated";

    static final String PROFESSIONAL_ID = "nemlogin.persistent_professional_id";
    static final String CVR = "nemlogin.cvr";

    private final OidcUserService provider = new OidcUserService();
    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final WorkIdentitySettings settings;

    WorkIdentities(JdbcClient jdbc, UserAccounts accounts, WorkIdentitySettings settings) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    @Transactional
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser identity = provider.loadUser(request);
        String registrationId = request.getClientRegistration().getRegistrationId();
        WorkIdentitySettings.Provider rules = settings.of(registrationId);
        if (rules.minimumAssurance() != null
                && Assurance.of(identity.getClaims()).compareTo(Assurance.parse(rules.minimumAssurance())) < 0) {
            throw refusal(TOO_LOW);
        }
        String issuer = String.valueOf(identity.getIdToken().getIssuer());
        String subject = identity.getSubject();
        SamspilPrincipal user = linked(issuer, subject)
                .or(() -> linkFirst(identity, issuer, subject, rules))
                .orElseThrow(() -> refusal(UNKNOWN));
        if (!user.isEnabled()) {
            throw refusal(DEACTIVATED);
        }
        return new WorkIdentityPrincipal(user, identity.getIdToken(), identity.getUserInfo());
    }

    private Optional<SamspilPrincipal> linked(String issuer, String subject) {
        return jdbc.sql("""
                        SELECT u.username FROM work_identity w JOIN app_user u ON u.id = w.user_id
                        WHERE w.issuer = ? AND w.subject = ?""")
                .params(issuer, subject)
                .query(String.class)
                .optional()
                .flatMap(accounts::find);
    }

    /**
     * A first log-in: the account the administrator made for this person, found by professional id and CVR, or else
     * by verified e-mail when exactly one account has it. An invited account that has set no password yet is
     * activated by the link. A deactivated account is found (and then refused) but never linked.
     */
    private Optional<SamspilPrincipal> linkFirst(
            OidcUser identity, String issuer, String subject, WorkIdentitySettings.Provider rules) {
        String professionalId = text(identity.getClaims().get(PROFESSIONAL_ID));
        String cvr = text(identity.getClaims().get(CVR));
        Optional<Candidate> found = professionalId == null || cvr == null
                ? Optional.empty()
                : jdbc.sql(CANDIDATE + "WHERE professional_id = ? AND professional_cvr = ?")
                        .params(professionalId, cvr)
                        .query(WorkIdentities::candidate)
                        .optional();
        String linkedBy = "PROFESSIONAL_ID";
        String email = text(identity.getEmail());
        boolean emailVerified = Boolean.TRUE.equals(identity.getEmailVerified()) || rules.emailVerifiedByProvider();
        if (found.isEmpty() && email != null && emailVerified) {
            List<Candidate> byEmail = jdbc.sql(CANDIDATE + "WHERE lower(email) = ?")
                    .param(email.toLowerCase(Locale.ROOT))
                    .query(WorkIdentities::candidate)
                    .list();
            found = byEmail.size() == 1 ? Optional.of(byEmail.get(0)) : Optional.empty();
            linkedBy = "EMAIL";
        }
        if (found.isPresent() && found.get().active()) {
            jdbc.sql("INSERT INTO work_identity (issuer, subject, user_id, linked_by) VALUES (?, ?, ?, ?)")
                    .params(issuer, subject, found.get().id(), linkedBy)
                    .update();
            jdbc.sql("UPDATE app_user SET enabled = TRUE WHERE id = ?")
                    .param(found.get().id())
                    .update();
        }
        return found.flatMap(candidate -> accounts.find(candidate.username()));
    }

    /** An account a first log-in may link to; {@code active}: not deactivated (an invited one is). */
    private record Candidate(long id, String username, boolean active) {}

    private static final String CANDIDATE = "SELECT id, username, deactivated_at IS NULL FROM app_user ";

    private static Candidate candidate(ResultSet rs, int row) throws SQLException {
        return new Candidate(rs.getLong(1), rs.getString(2), rs.getBoolean(3));
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        String value = String.valueOf(claim).strip();
        return value.isEmpty() || value.length() > 200 ? null : value;
    }

    private static OAuth2AuthenticationException refusal(String code) {
        return new OAuth2AuthenticationException(new OAuth2Error(code), code);
    }
}
