package jp.jichitai.cloud.identity;

import java.util.List;
import java.util.Optional;

import jp.jichitai.cloud.shared.TenantCode;

/** The user accounts of the service. */
public interface UserAccounts {

    /** Creates an account with the given clear-text password, which is hashed at once. */
    void create(String username, String displayName, Role role, Optional<TenantCode> tenant, String password);

    /** The accounts of one tenant, by username. */
    List<UserAccount> ofTenant(TenantCode tenant);

    /** Lifts a lockout; only for an account of the given tenant. Returns false if no such account there. */
    boolean unlock(TenantCode tenant, String username);

    boolean exists(String username);
}
