package jp.jichitai.cloud.audit;

import java.time.Instant;

/** One entry of the アクセスログ as stored, with its place in the hash chain. */
public record AuditRecord(String tenantScope, long sequence, Instant occurredAt, String actor, String actorRole,
        String action, String target, String query, String clientAddress, String outcome, String previousHash,
        String entryHash) {
}
