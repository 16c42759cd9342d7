package jp.jichitai.cloud.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import jp.jichitai.cloud.shared.TenantCode;

/** A signed-in person: one role, and the tenant they work for (none for the operator). */
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
}
