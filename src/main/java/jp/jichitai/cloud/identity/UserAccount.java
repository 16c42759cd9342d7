package jp.jichitai.cloud.identity;

import java.time.Instant;

/** A user account as a tenant administrator sees it (never the password hash). */
public record UserAccount(String username, String displayName, Role role, int failedAttempts, Instant lockedUntil,
        boolean enabled) {

    public boolean isLocked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }
}
