package jp.jichitai.cloud.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import jp.jichitai.cloud.shared.TenantCode;

/**
 * A signed-in person: one role, and the tenant they work for (none for the operator).
 *
 * <p>Kept in the web session, which lives in the database so that every application node can read it:
 * serialized through {@link SerializedForm} because {@link Optional} and {@link TenantCode} are not
 * serializable.
 */
public record JichitaiUser(String username, String displayName, Role role, Optional<TenantCode> tenant,
        String passwordHash, Instant lockedUntil, boolean enabled) implements UserDetails {

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
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    public boolean belongsTo(TenantCode code) {
        return tenant.filter(code::equals).isPresent();
    }

    @java.io.Serial
    private Object writeReplace() {
        return new SerializedForm(username, displayName, role, tenant.map(TenantCode::value).orElse(null),
                lockedUntil, enabled);
    }

    /**
     * What a session stores of a user. Not the password hash: sessions are rows in a table, and a signed-in
     * user's hash is never needed again. The tenant code is checked again when it is read back.
     */
    private record SerializedForm(String username, String displayName, Role role, String tenantCode,
            Instant lockedUntil, boolean enabled) implements java.io.Serializable {

        @java.io.Serial
        private Object readResolve() {
            return new JichitaiUser(username, displayName, role, Optional.ofNullable(tenantCode).map(TenantCode::of),
                    null, lockedUntil, enabled);
        }
    }
}
