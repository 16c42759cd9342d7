package jp.jichitai.cloud.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

/**
 * The hash chain of the アクセスログ: how an entry's hash is computed, and a verifier that works on a
 * plain JDBC connection so that {@code ./jc audit verify} needs no running service.
 */
public final class AuditChains {

    public static final String GENESIS_HASH = "0".repeat(64);

    private AuditChains() {
    }

    /** SHA-256 over the previous hash and every stored field, separated so fields cannot run together. */
    public static String hashOf(String previousHash, String tenantScope, long sequence, Instant occurredAt,
            String actor, String actorRole, String action, String target, String query, String clientAddress,
            String outcome) {
        String canonical = String.join("\u001f", previousHash, tenantScope, Long.toString(sequence),
                occurredAt.toString(), actor, actorRole, action, target, nullToEmpty(query),
                nullToEmpty(clientAddress), outcome);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Appends one entry to a chain on a plain JDBC connection, inside the caller's transaction, for the
     * command-line tools that work without the running service (import, vault, offline merge): the tool's change
     * and its audit entry commit together or not at all. The chain head is locked as the service does, so that
     * entries written at the same time by the service keep gapless numbers and unbroken links. The client
     * address is {@code local}: the tool runs on the database's side. Returns the entry's sequence number.
     */
    public static long append(Connection connection, String scope, String actor, String actorRole,
            String action, String target, String query, AuditEvent.Outcome outcome) throws SQLException {
        return appendAt(connection, scope, Instant.now(), actor, actorRole, action, target, query, "local", outcome);
    }

    /**
     * {@link #append} with the entry's own time and client address: for entries made elsewhere and taken into this
     * chain later (an offline instance's アクセスログ at merge, marked by its client address). The entry is appended
     * at the end of the chain with its original time, so the chain's order is the order of taking in.
     */
    public static long appendAt(Connection connection, String scope, Instant occurredAt, String actor, String actorRole,
            String action, String target, String query, String clientAddress, AuditEvent.Outcome outcome)
            throws SQLException {
        long sequence;
        String previousHash;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE tenant_id = ? FOR UPDATE")) {
            head.setString(1, scope);
            try (ResultSet row = head.executeQuery()) {
                if (row.next()) {
                    sequence = row.getLong(1) + 1;
                    previousHash = row.getString(2);
                } else {
                    sequence = 1;
                    previousHash = GENESIS_HASH;
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) VALUES (?, 0, ?)")) {
                        insert.setString(1, scope);
                        insert.setString(2, GENESIS_HASH);
                        insert.executeUpdate();
                    }
                }
            }
        }
        Instant now = occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String shortActor = limit(actor, 64);
        String shortTarget = limit(target, 200);
        String shortQuery = query == null ? null : limit(query, 1000);
        String hash = hashOf(previousHash, scope, sequence, now, shortActor, actorRole, action, shortTarget,
                shortQuery, clientAddress, outcome.name());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_log (tenant_id, seq, occurred_at, actor, actor_role, action, target, query_text,
                                       client_address, outcome, previous_hash, entry_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, scope);
            insert.setLong(2, sequence);
            insert.setObject(3, OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
            insert.setString(4, shortActor);
            insert.setString(5, actorRole);
            insert.setString(6, action);
            insert.setString(7, shortTarget);
            insert.setString(8, shortQuery);
            insert.setString(9, clientAddress);
            insert.setString(10, outcome.name());
            insert.setString(11, previousHash);
            insert.setString(12, hash);
            insert.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE tenant_id = ?")) {
            update.setLong(1, sequence);
            update.setString(2, hash);
            update.setString(3, scope);
            update.executeUpdate();
        }
        return sequence;
    }

    /** {@link #append} of a successful entry in a transaction of its own. */
    public static void appendDirect(Connection connection, String scope, String actor, String actorRole, String action,
            String target, String query) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            append(connection, scope, actor, actorRole, action, target, query, AuditEvent.Outcome.SUCCESS);
            connection.commit();
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String limit(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** Checks every chain (or the named scope's) entry by entry; names the first broken one. */
    public static List<ChainVerification> verify(Connection connection, String onlyScope) throws SQLException {
        List<String> scopes = new ArrayList<>();
        String scopeSql = onlyScope == null
                ? "SELECT tenant_id FROM audit_chain_head ORDER BY tenant_id"
                : "SELECT tenant_id FROM audit_chain_head WHERE tenant_id = ?";
        try (PreparedStatement statement = connection.prepareStatement(scopeSql)) {
            if (onlyScope != null) {
                statement.setString(1, onlyScope);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    scopes.add(rows.getString(1));
                }
            }
        }
        List<ChainVerification> results = new ArrayList<>();
        for (String scope : scopes) {
            results.add(verifyChain(connection, scope));
        }
        return results;
    }

    static ChainVerification verifyChain(Connection connection, String scope) throws SQLException {
        String previous = GENESIS_HASH;
        long expectedSequence = 1;
        long checked = 0;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT seq, occurred_at, actor, actor_role, action, target, query_text, client_address, outcome,
                       previous_hash, entry_hash
                  FROM audit_log WHERE tenant_id = ? ORDER BY seq""")) {
            statement.setString(1, scope);
            statement.setFetchSize(1000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long sequence = rows.getLong("seq");
                    if (sequence != expectedSequence) {
                        return broken(scope, checked, expectedSequence, "entry " + expectedSequence + " is missing");
                    }
                    if (!previous.equals(rows.getString("previous_hash"))) {
                        return broken(scope, checked, sequence, "link to the previous entry does not match");
                    }
                    String recomputed = hashOf(previous, scope, sequence,
                            rows.getObject("occurred_at", OffsetDateTime.class).toInstant(), rows.getString("actor"),
                            rows.getString("actor_role"), rows.getString("action"), rows.getString("target"),
                            rows.getString("query_text"), rows.getString("client_address"),
                            rows.getString("outcome"));
                    if (!recomputed.equals(rows.getString("entry_hash"))) {
                        return broken(scope, checked, sequence, "content does not match its hash");
                    }
                    previous = recomputed;
                    expectedSequence++;
                    checked++;
                }
            }
        }
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE tenant_id = ?")) {
            head.setString(1, scope);
            try (ResultSet row = head.executeQuery()) {
                if (row.next() && (row.getLong(1) != checked || !row.getString(2).equals(previous))) {
                    return broken(scope, checked, checked + 1, "entries after " + checked + " were removed");
                }
            }
        }
        return new ChainVerification(scope, checked, OptionalLong.empty(), null);
    }

    private static ChainVerification broken(String scope, long checked, long sequence, String problem) {
        return new ChainVerification(scope, checked, OptionalLong.of(sequence), problem);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
