package dk.samspil.security;

import dk.samspil.mail.OutgoingMail;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Danish e-mails of user administration, from {@code i18n/users_da.properties}. Links are built from the
 * configured base address, never from the request's Host header, so a forged header cannot redirect a reset link.
 */
@Component
class UserMails {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private final MessageSource messages;
    private final String baseUrl;

    UserMails(MessageSource messages, @Value("${samspil.base-url:http://localhost:8080}") String baseUrl) {
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    OutgoingMail invitation(String to, String name, Role role, String organisation, String token) {
        return mail(
                to,
                "users.mail.invitation",
                "user:invitation",
                name,
                messages.getMessage("users.role." + role.name(), null, DANISH),
                organisation == null
                        ? ""
                        : messages.getMessage("users.mail.invitation.in", new Object[] {organisation}, DANISH),
                baseUrl + "/invitation/" + token,
                to);
    }

    OutgoingMail passwordReset(String to, String name, String token, long minutes) {
        return mail(to, "users.mail.reset", "user:password-reset", name, baseUrl + "/nulstil/" + token, minutes);
    }

    private OutgoingMail mail(String to, String key, String reference, Object... args) {
        return new OutgoingMail(
                to,
                messages.getMessage(key + ".subject", args, DANISH),
                messages.getMessage(key + ".text", args, DANISH),
                reference);
    }
}
