package dk.samspil.security;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A user as others should read them: their name and organisation ("Karin Konsulent (KiAP – Kvalitet i Almen
 * Praksis)"), never the log-in name. Pages reach it as {@code @people}.
 */
@Component("people")
public class People {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private final JdbcClient jdbc;
    private final MessageSource messages;

    People(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** Name and organisation of a user by log-in name; what is no user's log-in name is returned as it is. */
    public String nameAndOrganisation(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return jdbc.sql("""
                        SELECT u.display_name, coalesce(p.name, c.name, m.name) AS organisation, u.municipality_code
                        FROM app_user u LEFT JOIN provider p ON p.code = u.provider_code
                             LEFT JOIN cluster c ON c.id = u.cluster_id LEFT JOIN municipality m ON m.code = u.municipality_code
                        WHERE u.username = ?""")
                .param(username)
                .query((rs, n) -> describe(rs.getString(1), rs.getString(2), rs.getString(3) != null))
                .optional()
                .orElse(username);
    }

    private String describe(String name, String organisation, boolean municipality) {
        // Display names made before organisations were shown carry theirs already: "Anne Kjær (Demoklyngen)".
        if (organisation == null || name.contains("(")) {
            return name;
        }
        String of = municipality
                ? messages.getMessage("people.municipality", new Object[] {organisation}, DANISH)
                : organisation;
        return name + " (" + of + ")";
    }
}
