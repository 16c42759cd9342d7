package jp.jichitai.cloud.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import jp.jichitai.cloud.shared.TenantCode;

/**
 * The tenant that the current thread works for. Every transaction started while a tenant is bound
 * sets {@code jc.tenant_id} for its duration, which PostgreSQL's row-level security policies read;
 * a transaction started with no tenant bound sees no tenant-owned rows at all.
 */
public final class TenantContext {

    /**
     * The provider's own scope (the operator's audit chain). Not a valid 団体コード, so it can never
     * collide with a municipality.
     */
    public static final String PROVIDER_SCOPE = "000000";

    private static final ThreadLocal<String> BOUND = new ThreadLocal<>();

    private TenantContext() {
    }

    /** The tenant bound to this thread, if any. */
    public static Optional<TenantCode> current() {
        String scope = BOUND.get();
        return scope == null || PROVIDER_SCOPE.equals(scope) ? Optional.empty() : Optional.of(TenantCode.of(scope));
    }

    /** The raw scope for row-level security: a tenant code, the provider scope, or empty. */
    public static String boundScope() {
        String scope = BOUND.get();
        return scope == null ? "" : scope;
    }

    public static TenantCode require() {
        return current().orElseThrow(() -> new IllegalStateException("no tenant bound to this thread"));
    }

    /** Runs work for one tenant, restoring the previous binding afterwards. */
    public static <T> T callAs(TenantCode tenant, Supplier<T> work) {
        return callInScope(tenant.value(), work);
    }

    public static void runAs(TenantCode tenant, Runnable work) {
        callInScope(tenant.value(), () -> {
            work.run();
            return null;
        });
    }

    /** Runs work in the provider's own scope (no municipality's data visible). */
    public static <T> T callAsProvider(Supplier<T> work) {
        return callInScope(PROVIDER_SCOPE, work);
    }

    /** Runs work in a raw scope: a tenant code or {@link #PROVIDER_SCOPE}. */
    public static <T> T callInScope(String scope, Supplier<T> work) {
        String previous = BOUND.get();
        BOUND.set(scope);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        }
    }

    /** For request filters that bind for the length of a request. Pair with {@link #clear()}. */
    public static void bind(String scope) {
        BOUND.set(scope);
    }

    public static void clear() {
        BOUND.remove();
    }

    /**
     * Sets {@code jc.tenant_id} for the rest of the connection's current transaction, which is what PostgreSQL's
     * row-level security policies read. The transaction manager does this for every transaction of the service;
     * code that drives a plain JDBC transaction itself (the command-line tools, a long import) calls it directly.
     */
    public static void bindToTransaction(Connection connection, String scope) throws SQLException {
        bindToTransaction(connection, scope, null);
    }

    /**
     * As {@link #bindToTransaction(Connection, String)}, and, unless null, PostgreSQL's {@code statement_timeout} for
     * the rest of the transaction too, in the same round trip (the service's online requests, decision 0011).
     */
    public static void bindToTransaction(Connection connection, String scope, java.time.Duration statementTimeout)
            throws SQLException {
        String sql = statementTimeout == null ? "SELECT set_config('jc.tenant_id', ?, true)"
                : "SELECT set_config('jc.tenant_id', ?, true), set_config('statement_timeout', ?, true)";
        try (PreparedStatement bind = connection.prepareStatement(sql)) {
            bind.setString(1, scope);
            if (statementTimeout != null) {
                bind.setString(2, statementTimeout.toMillis() + "ms");
            }
            bind.execute();
        }
    }
}
