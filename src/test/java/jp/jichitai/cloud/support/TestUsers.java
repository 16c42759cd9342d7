package jp.jichitai.cloud.support;

import java.util.Optional;


import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.shared.TenantCode;

/** Users with known passwords for the tests, one per town and role, created on first use. */
public final class TestUsers {

    public static final String PASSWORD = "test-Passw0rd-only";
    public static final TenantCode NAYORO = TenantCode.of("012211");
    public static final TenantCode SHIBETSU = TenantCode.of("012203");
    public static final TenantCode IMAKANE = TenantCode.of("013706");

    private TestUsers() {
    }

    /** The username of the test user of a town and role, creating the account if needed. */
    public static synchronized String ensure(UserAccounts accounts, TenantCode tenant, Role role) {
        String username = "t-" + tenant.value() + "-" + role.code();
        if (!accounts.exists(username)) {
            accounts.create(username, "試験 " + role.japaneseName(), role, Optional.of(tenant), PASSWORD);
        }
        return username;
    }

    public static synchronized String ensureOperator(UserAccounts accounts) {
        String username = "t-operator";
        if (!accounts.exists(username)) {
            accounts.create(username, "試験 運用者", Role.OPERATOR, Optional.empty(), PASSWORD);
        }
        return username;
    }

}
