package dk.samspil.security;

import dk.samspil.mail.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's work on users: invite one by e-mail to a role in an organisation (the set-password link of
 * {@link Invitations}, sent through the outbox), change the role, deactivate and reactivate. Every change is in the
 * audit log; {@link SessionCheck} ends a changed user's open sessions on their next request.
 */
@Service
public class UserAdministration {

    public static final String USER_INVITED = "USER_INVITED";
    public static final String USER_ROLE_CHANGED = "USER_ROLE_CHANGED";
    public static final String USER_DEACTIVATED = "USER_DEACTIVATED";
    public static final String USER_REACTIVATED = "USER_REACTIVATED";
    public static final String USER_LEAD_CHANGED = "USER_LEAD_CHANGED";
    public static final String USER_PROFESSIONAL_ID_SET = "USER_PROFESSIONAL_ID_SET";
    public static final String USER_WORK_IDENTITY_REMOVED = "USER_WORK_IDENTITY_REMOVED";

    /** The roles that belong to an organisation. */
    static final Role[] ORGANISED = {Role.CONSULTANT, Role.COORDINATOR, Role.MEMBER, Role.MUNICIPALITY};

    private final JdbcClient jdbc;
    private final Invitations invitations;
    private final Outbox outbox;
    private final UserMails mails;
    private final AuditLog auditLog;
    private final Organisations organisations;

    UserAdministration(
            JdbcClient jdbc,
            Invitations invitations,
            Outbox outbox,
            UserMails mails,
            AuditLog auditLog,
            Organisations organisations) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.outbox = outbox;
        this.mails = mails;
        this.auditLog = auditLog;
        this.organisations = organisations;
    }

    /** A row of the list of users. {@code invited}: the invitation has not been used yet. */
    public record UserRow(
            long id,
            String username,
            String displayName,
            String email,
            Role role,
            String organisation,
            boolean deactivated,
            boolean invited,
            OffsetDateTime lastSignIn,
            boolean lead) {

        /** The message key of the user's status. */
        public String status() {
            return deactivated ? "users.status.inactive" : invited ? "users.status.invited" : "users.status.active";
        }
    }

    /**
     * Where a user belongs, as one value: {@code P:<provider code>}, {@code C:<cluster id>}, {@code M:<municipality
     * code>}, or empty for the roles without an organisation (PKO, editor, administrator).
     */
    public record Organisation(String value, String name) {}

    private static final String ROWS = """
            SELECT u.id, u.username, u.display_name, u.email, u.role, u.deactivated_at, u.lead_consultant,
                   NOT u.enabled AS invited,
                   coalesce('P:' || u.provider_code, 'C:' || u.cluster_id, 'M:' || u.municipality_code) AS belongs_to,
                   (SELECT max(a.occurred_at) FROM audit_log a WHERE a.action = 'SIGN_IN' AND a.username = u.username)
                       AS last_sign_in
            FROM app_user u
            """;

    public List<UserRow> users() {
        return rows(jdbc.sql(ROWS + " ORDER BY u.deactivated_at IS NOT NULL, lower(u.display_name), u.id")
                .query(UserAdministration::row)
                .list());
    }

    public Optional<UserRow> user(long id) {
        return rows(jdbc.sql(ROWS + " WHERE u.id = ?")
                        .param(id)
                        .query(UserAdministration::row)
                        .list())
                .stream()
                .findFirst();
    }

    /** The consultants of a provider, for its lead consultant. */
    public List<UserRow> consultantsOf(String providerCode) {
        return rows(jdbc.sql(
                        ROWS
                                + " WHERE u.role = 'CONSULTANT' AND u.provider_code = ? ORDER BY u.deactivated_at IS NOT NULL, lower(u.display_name), u.id")
                .param(providerCode)
                .query(UserAdministration::row)
                .list());
    }

    /** A user row as read, with the key of their organisation ({@code P:}, {@code C:}, {@code M:}) to be named. */
    private record Read(UserRow row, String belongsTo) {}

    private static Read row(ResultSet rs, int n) throws SQLException {
        return new Read(
                new UserRow(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getString("email"),
                        Role.valueOf(rs.getString("role")),
                        null,
                        rs.getObject("deactivated_at") != null,
                        rs.getBoolean("invited"),
                        rs.getObject("last_sign_in", OffsetDateTime.class),
                        rs.getBoolean("lead_consultant")),
                rs.getString("belongs_to"));
    }

    /** The rows with their organisations' names, each kind of organisation read once. */
    private List<UserRow> rows(List<Read> read) {
        Map<Organisations.Kind, Map<String, String>> names = new EnumMap<>(Organisations.Kind.class);
        return read.stream()
                .map(r -> {
                    if (r.belongsTo() == null) {
                        return r.row();
                    }
                    Organisations.Kind kind = kindOf(r.belongsTo());
                    String key = r.belongsTo().substring(2);
                    String name =
                            names.computeIfAbsent(kind, organisations::all).getOrDefault(key, key);
                    UserRow u = r.row();
                    return new UserRow(
                            u.id(),
                            u.username(),
                            u.displayName(),
                            u.email(),
                            u.role(),
                            name,
                            u.deactivated(),
                            u.invited(),
                            u.lastSignIn(),
                            u.lead());
                })
                .toList();
    }

    private static Organisations.Kind kindOf(String belongsTo) {
        return switch (belongsTo.charAt(0)) {
            case 'P' -> Organisations.Kind.PROVIDER;
            case 'C' -> Organisations.Kind.CLUSTER;
            default -> Organisations.Kind.MUNICIPALITY;
        };
    }

    public String providerName(String providerCode) {
        return organisations.name(Organisations.Kind.PROVIDER, providerCode).orElse(providerCode);
    }

    /** Whether the user is a consultant who leads their provider's consultants. */
    public boolean isLead(long id) {
        return jdbc.sql(
                        "SELECT role = 'CONSULTANT' AND provider_code IS NOT NULL AND lead_consultant FROM app_user WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Names a consultant their provider's lead consultant, or no longer. */
    @Transactional
    public void setLead(long id, boolean lead, String by, String from) {
        jdbc.sql("UPDATE app_user SET lead_consultant = ? WHERE id = ? AND role = 'CONSULTANT'")
                .params(lead, id)
                .update();
        auditLog.record(by, USER_LEAD_CHANGED, username(id) + " " + lead, from);
    }

    /** The organisation value of a user, for the form that changes it. */
    public String organisationOf(long id) {
        return jdbc.sql("""
                        SELECT coalesce('P:' || provider_code, 'C:' || cluster_id, 'M:' || municipality_code, '')
                        FROM app_user WHERE id = ?""").param(id).query(String.class).single();
    }

    /** The organisations a role can belong to; none for the roles without one. */
    public List<Organisation> organisations(Role role) {
        Organisations.Kind kind;
        String prefix;
        switch (role) {
            case CONSULTANT -> {
                kind = Organisations.Kind.PROVIDER;
                prefix = "P:";
            }
            case COORDINATOR, MEMBER -> {
                kind = Organisations.Kind.CLUSTER;
                prefix = "C:";
            }
            case MUNICIPALITY -> {
                kind = Organisations.Kind.MUNICIPALITY;
                prefix = "M:";
            }
            default -> {
                return List.of();
            }
        }
        return organisations.all(kind).entrySet().stream()
                .map(e -> new Organisation(prefix + e.getKey(), e.getValue()))
                .toList();
    }

    /** Whether the value names an existing organisation of the kind the role belongs to. */
    public boolean fits(Role role, String organisation) {
        String value = organisation == null ? "" : organisation;
        return organisations(role).isEmpty()
                ? value.isEmpty()
                : organisations(role).stream().anyMatch(o -> o.value().equals(value));
    }

    public boolean emailInUse(String email) {
        String normalised = normalise(email);
        return jdbc.sql("SELECT count(*) FROM app_user WHERE lower(email) = ? OR username = ?")
                        .params(normalised, normalised)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Of the given addresses, those an account already has (normalised): one query for a whole list. */
    public Set<String> emailsInUse(Collection<String> emails) {
        String[] normalised = emails.stream()
                .map(UserAdministration::normalise)
                .filter(e -> !e.isEmpty())
                .distinct()
                .toArray(String[]::new);
        if (normalised.length == 0) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        SELECT e FROM unnest(?::text[]) AS e
                        WHERE EXISTS (SELECT 1 FROM app_user u WHERE lower(u.email) = e OR u.username = e)""").param(normalised).query(String.class).list());
    }

    /** Invites a new user; the caller has checked {@link #fits} and {@link #emailInUse}. Returns the user's id. */
    @Transactional
    public long invite(String email, String displayName, Role role, String organisation, String by, String from) {
        String normalised = normalise(email);
        String token = invitations.inviteNew(normalised, displayName, role);
        long id = jdbc.sql("SELECT id FROM app_user WHERE lower(email) = ? ORDER BY id LIMIT 1")
                .param(normalised)
                .query(Long.class)
                .single();
        place(id, role, organisation);
        outbox.enqueueSecret(
                mails.invitation(normalised, displayName.strip(), role, organisationName(organisation), token));
        auditLog.record(by, USER_INVITED, normalised + " " + role + " " + organisation, from);
        return id;
    }

    @Transactional
    public void changeRole(long id, Role role, String organisation, String by, String from) {
        place(id, role, organisation);
        auditLog.record(by, USER_ROLE_CHANGED, username(id) + " " + role + " " + organisation, from);
    }

    @Transactional
    public void deactivate(long id, String by, String from) {
        jdbc.sql("UPDATE app_user SET deactivated_at = now() WHERE id = ? AND deactivated_at IS NULL")
                .param(id)
                .update();
        auditLog.record(by, USER_DEACTIVATED, username(id), from);
    }

    @Transactional
    public void reactivate(long id, String by, String from) {
        jdbc.sql("UPDATE app_user SET deactivated_at = NULL WHERE id = ?")
                .param(id)
                .update();
        auditLog.record(by, USER_REACTIVATED, username(id), from);
    }

    private void place(long id, Role role, String organisation) {
        String value = organisation == null ? "" : organisation;
        String kind = value.length() > 2 ? value.substring(0, 2) : "";
        String key = value.length() > 2 ? value.substring(2) : null;
        jdbc.sql("""
                        UPDATE app_user SET role = ?, provider_code = ?, cluster_id = ?, municipality_code = ?
                        WHERE id = ?""")
                .params(
                        role.name(),
                        kind.equals("P:") ? key : null,
                        kind.equals("C:") ? Long.valueOf(key) : null,
                        kind.equals("M:") ? key : null,
                        id)
                .update();
    }

    /** Every organisation a user can belong to: the providers, then the clusters, then the municipalities. */
    public List<Organisation> allOrganisations() {
        return Stream.of(ORGANISED)
                .flatMap(role -> organisations(role).stream())
                .distinct()
                .toList();
    }

    private String organisationName(String organisation) {
        return allOrganisations().stream()
                .filter(o -> o.value().equals(organisation))
                .findFirst()
                .map(Organisation::name)
                .orElse(null);
    }

    private String username(long id) {
        return jdbc.sql("SELECT username FROM app_user WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse("#" + id);
    }

    /** A work identity linked to a user: which provider (issuer), its id there (subject), how and when it was linked. */
    public record WorkIdentity(String issuer, String subject, String linkedBy, OffsetDateTime linkedAt) {}

    /** The broker's persistent professional id of a user and their organisation's CVR, as the administrator set them. */
    public record Professional(String professionalId, String cvr) {}

    public List<WorkIdentity> workIdentities(long id) {
        return jdbc.sql(
                        "SELECT issuer, subject, linked_by, linked_at FROM work_identity WHERE user_id = ? ORDER BY linked_at")
                .param(id)
                .query((rs, n) -> new WorkIdentity(
                        rs.getString("issuer"),
                        rs.getString("subject"),
                        rs.getString("linked_by"),
                        rs.getObject("linked_at", OffsetDateTime.class)))
                .list();
    }

    public Professional professional(long id) {
        return jdbc.sql("SELECT professional_id, professional_cvr FROM app_user WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Professional(rs.getString(1), rs.getString(2)))
                .optional()
                .orElse(new Professional(null, null));
    }

    /** Whether another user already has this professional id. */
    public boolean professionalIdInUse(String professionalId, long user) {
        return professionalId != null
                && jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE professional_id = ? AND id <> ?)")
                        .params(professionalId, user)
                        .query(Boolean.class)
                        .single();
    }

    /**
     * Sets (or, with both empty, clears) the professional id and CVR by which a first log-in with a work identity
     * finds this user; the caller has checked the form and {@link #professionalIdInUse}.
     */
    @Transactional
    public void setProfessional(long id, String professionalId, String cvr, String by, String from) {
        String pid = professionalId == null || professionalId.isBlank() ? null : professionalId.strip();
        String number = pid == null ? null : cvr.strip();
        jdbc.sql("UPDATE app_user SET professional_id = ?, professional_cvr = ? WHERE id = ?")
                .params(pid, number, id)
                .update();
        auditLog.record(
                by, USER_PROFESSIONAL_ID_SET, username(id) + " " + (pid == null ? "-" : pid + " CVR " + number), from);
    }

    /** Removes a linked work identity: its next log-in is linked anew (or refused). Its open sessions end. */
    @Transactional
    public boolean unlink(long id, String issuer, String subject, String by, String from) {
        int removed = jdbc.sql("DELETE FROM work_identity WHERE user_id = ? AND issuer = ? AND subject = ?")
                .params(id, issuer, subject)
                .update();
        if (removed > 0) {
            jdbc.sql("UPDATE app_user SET sessions_valid_from = now() WHERE id = ?")
                    .param(id)
                    .update();
            auditLog.record(by, USER_WORK_IDENTITY_REMOVED, username(id) + " " + issuer + " " + subject, from);
        }
        return removed > 0;
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
