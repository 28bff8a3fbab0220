package dk.samspil.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user with the organisation they belong to: a provider, a cluster or a municipality (at most one,
 * by role). Modules decide access from these, never from what a request claims. A user signed in with a work
 * identity is a {@link WorkIdentityPrincipal}: the same user, with the identity provider's token beside.
 */
public sealed class SamspilPrincipal implements UserDetails, CredentialsContainer permits WorkIdentityPrincipal {

    private final long id;
    private final String username;
    private String passwordHash;
    private final String displayName;
    private final Role role;
    private final String providerCode;
    private final Long clusterId;
    private final String municipalityCode;
    private final boolean enabled;

    public SamspilPrincipal(
            long id,
            String username,
            String passwordHash,
            String displayName,
            Role role,
            String providerCode,
            Long clusterId,
            String municipalityCode,
            boolean enabled) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.providerCode = providerCode;
        this.clusterId = clusterId;
        this.municipalityCode = municipalityCode;
        this.enabled = enabled;
    }

    /** The same user, for a subclass that adds how they signed in. */
    SamspilPrincipal(SamspilPrincipal user) {
        this(
                user.id,
                user.username,
                null,
                user.displayName,
                user.role,
                user.providerCode,
                user.clusterId,
                user.municipalityCode,
                user.enabled);
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public String providerCode() {
        return providerCode;
    }

    public Long clusterId() {
        return clusterId;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Coordinators see their own cluster; administrators see all. */
    public boolean ownsCluster(long candidateClusterId) {
        return isAdmin() || (role == Role.COORDINATOR && clusterId != null && clusterId == candidateClusterId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof SamspilPrincipal that && id == that.id;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return "SamspilPrincipal[" + username + ", " + role + "]";
    }
}
