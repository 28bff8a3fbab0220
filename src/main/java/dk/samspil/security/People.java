package dk.samspil.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    private final Organisations organisations;

    People(JdbcClient jdbc, MessageSource messages, Organisations organisations) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.organisations = organisations;
    }

    /** Name and organisation of a user by log-in name; what is no user's log-in name is returned as it is. */
    public String nameAndOrganisation(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return jdbc.sql(
                        "SELECT display_name, provider_code, cluster_id, municipality_code FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> new Belonging(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional()
                .map(user -> describe(user.name(), organisation(user), user.municipalityCode() != null))
                .orElse(username);
    }

    /** A user's name and where they belong, as the accounts hold it. */
    private record Belonging(String name, String providerCode, String clusterId, String municipalityCode) {}

    private String organisation(Belonging user) {
        if (user.providerCode() != null) {
            return organisations
                    .name(Organisations.Kind.PROVIDER, user.providerCode())
                    .orElse(null);
        }
        if (user.clusterId() != null) {
            return organisations
                    .name(Organisations.Kind.CLUSTER, user.clusterId())
                    .orElse(null);
        }
        if (user.municipalityCode() != null) {
            return organisations
                    .name(Organisations.Kind.MUNICIPALITY, user.municipalityCode())
                    .orElse(null);
        }
        return null;
    }

    /** The name and e-mail address of each of these users that exists. */
    public Map<Long, Contact> contacts(Collection<Long> userIds) {
        Map<Long, Contact> contacts = new HashMap<>();
        if (userIds.isEmpty()) {
            return contacts;
        }
        jdbc.sql("SELECT id, display_name, email FROM app_user WHERE id = ANY (?)")
                .param(userIds.stream().filter(Objects::nonNull).distinct().toArray(Long[]::new))
                .query(rs -> {
                    contacts.put(rs.getLong(1), new Contact(rs.getString(2), rs.getString(3)));
                });
        return contacts;
    }

    /** A user's display name and e-mail address. */
    public record Contact(String name, String email) {}

    /** The e-mail addresses of a provider's active consultants, who are told of what the provider owns. */
    public List<String> consultantEmails(String providerCode) {
        return jdbc.sql("""
                        SELECT email FROM app_user WHERE role = 'CONSULTANT' AND provider_code = ? AND enabled
                          AND deactivated_at IS NULL AND email IS NOT NULL ORDER BY email""").param(providerCode).query(String.class).list();
    }

    /**
     * The log-in name of a user who has set a password ({@code enabled}); a deactivated user still has one, so the
     * caller also asks the loaded principal whether it is enabled.
     */
    public Optional<String> enabledUsername(long userId) {
        return jdbc.sql("SELECT username FROM app_user WHERE id = ? AND enabled")
                .param(userId)
                .query(String.class)
                .optional();
    }

    /**
     * The name and address of every active account of the role (signed up, not deactivated, with an address), by
     * name: those who may sign in with it, e.g. the praksis.dk editors, told of what reaches their desk.
     */
    public List<Contact> activeContacts(Role role) {
        return jdbc.sql("""
                        SELECT display_name, email FROM app_user WHERE role = ? AND enabled AND deactivated_at IS NULL
                          AND email IS NOT NULL ORDER BY display_name, id""")
                .param(role.name())
                .query((rs, n) -> new Contact(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The active accounts of these roles, by name: id → "name (log-in name)", to link a record to an account. */
    public List<Map.Entry<Long, String>> accountsOf(Set<Role> roles) {
        return jdbc.sql("""
                        SELECT id, display_name || ' (' || username || ')' FROM app_user
                        WHERE role = ANY (?) AND deactivated_at IS NULL ORDER BY display_name""")
                .param(roles.stream().map(Role::name).toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list();
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
