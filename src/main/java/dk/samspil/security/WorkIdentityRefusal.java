package dk.samspil.security;

import java.util.Arrays;
import java.util.Set;

/**
 * Why a log-in with a work identity was refused, as the word in {@code /login/afvist?aarsag=} and the Danish page it
 * shows ({@code login.refused.<reason>.title} and {@code .text}).
 */
enum WorkIdentityRefusal {
    UNKNOWN("ukendt", Set.of(WorkIdentities.UNKNOWN)),
    ASSURANCE("niveau", Set.of(WorkIdentities.TOO_LOW)),
    DEACTIVATED("deaktiveret", Set.of(WorkIdentities.DEACTIVATED)),
    /** Spring Security refused the provider's answer: a token of another issuer or audience, expired, a bad nonce. */
    INVALID(
            "ugyldig",
            Set.of(
                    "invalid_id_token",
                    "invalid_nonce",
                    "invalid_token_response",
                    "invalid_state_parameter",
                    "authorization_request_not_found",
                    "invalid_redirect_uri_parameter",
                    "missing_user_info_uri",
                    "invalid_user_info_response",
                    "missing_signature_verifier")),
    CANCELLED("afbrudt", Set.of("access_denied")),
    OTHER("fejl", Set.of());

    private final String reason;
    private final Set<String> codes;

    WorkIdentityRefusal(String reason, Set<String> codes) {
        this.reason = reason;
        this.codes = codes;
    }

    String reason() {
        return reason;
    }

    static WorkIdentityRefusal of(String errorCode) {
        return Arrays.stream(values())
                .filter(refusal -> refusal.codes.contains(errorCode))
                .findFirst()
                .orElse(OTHER);
    }

    static WorkIdentityRefusal byReason(String reason) {
        return Arrays.stream(values())
                .filter(refusal -> refusal.reason.equals(reason))
                .findFirst()
                .orElse(OTHER);
    }
}
