package jp.jichitai.cloud.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccount;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.shared.TenantCode;

@Repository
class JdbcUserAccounts implements UserAccounts, UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    JdbcUserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void create(String username, String displayName, Role role, Optional<TenantCode> tenant, String password) {
        jdbc.sql("""
                INSERT INTO app_user (username, tenant_code, display_name, role, password_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(username, tenant.map(TenantCode::value).orElse(null), displayName, role.code(),
                        passwordEncoder.encode(password), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserAccount> ofTenant(TenantCode tenant) {
        return jdbc.sql("""
                SELECT username, display_name, role, failed_attempts, locked_until, enabled
                  FROM app_user WHERE tenant_code = ? ORDER BY username""")
                .param(tenant.value())
                .query((rs, row) -> new UserAccount(rs.getString("username"), rs.getString("display_name"),
                        Role.ofCode(rs.getString("role")), rs.getInt("failed_attempts"),
                        instant(rs, "locked_until"), rs.getBoolean("enabled")))
                .list();
    }

    @Override
    @Transactional
    public boolean unlock(TenantCode tenant, String username) {
        return jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE username = ? AND tenant_code = ?")
                .params(username, tenant.value())
                .update() == 1;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username).query(Long.class)
                .single() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public JichitaiUser loadUserByUsername(String username) {
        return jdbc.sql("""
                SELECT username, tenant_code, display_name, role, password_hash, locked_until, enabled
                  FROM app_user WHERE username = ?""")
                .param(username)
                .query((rs, row) -> new JichitaiUser(rs.getString("username"), rs.getString("display_name"),
                        Role.ofCode(rs.getString("role")),
                        Optional.ofNullable(rs.getString("tenant_code")).map(TenantCode::of),
                        rs.getString("password_hash"), instant(rs, "locked_until"), rs.getBoolean("enabled")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /**
     * Counts a failed sign-in; the limit-th consecutive failure locks the account for the lockout
     * duration. Returns whether the account is now locked.
     */
    @Transactional
    boolean recordFailedLogin(String username, int limit, Duration lockout) {
        Optional<Integer> failures = jdbc.sql("SELECT failed_attempts FROM app_user WHERE username = ? FOR UPDATE")
                .param(username).query(Integer.class).optional();
        if (failures.isEmpty()) {
            return false;
        }
        int now = failures.get() + 1;
        OffsetDateTime lockedUntil = now >= limit ? OffsetDateTime.now(ZoneOffset.UTC).plus(lockout) : null;
        jdbc.sql("UPDATE app_user SET failed_attempts = ?, locked_until = COALESCE(?, locked_until) WHERE username = ?")
                .params(now, lockedUntil, username)
                .update();
        return lockedUntil != null;
    }

    @Transactional
    void recordSuccessfulLogin(String username) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE username = ? AND failed_attempts > 0")
                .param(username).update();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
