package dk.samspil.security;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Reads users for sign-in from the {@code app_user} table. */
@Component
class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SamspilPrincipal loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    Optional<SamspilPrincipal> find(String username) {
        if (username == null || username.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id, username, password_hash, display_name, role, provider_code, cluster_id,
                               municipality_code, enabled AND deactivated_at IS NULL AS enabled
                        FROM app_user WHERE username = ?""")
                .param(username.trim().toLowerCase())
                .query((rs, n) -> new SamspilPrincipal(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getString("provider_code"),
                        rs.getObject("cluster_id", Long.class),
                        rs.getString("municipality_code"),
                        rs.getBoolean("enabled")))
                .optional();
    }
}
