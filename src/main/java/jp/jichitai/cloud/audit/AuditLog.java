package jp.jichitai.cloud.audit;

import java.util.List;
import java.util.function.Consumer;

/** The アクセスログ of the current tenant: append and read, never change. */
public interface AuditLog {

    /**
     * Appends an entry to the current tenant's chain (the provider's chain when no tenant is bound),
     * in a transaction of its own so that refused and failed attempts are kept too.
     */
    AuditRecord record(AuditEvent event);

    /** The newest entries of the current tenant, newest first. */
    List<AuditRecord> newest(int limit);

    /** Every entry of the current tenant, oldest first, streamed to the consumer. */
    void forEachEntry(Consumer<AuditRecord> consumer);

    /** Checks the current tenant's chain. */
    ChainVerification verifyCurrentChain();
}
