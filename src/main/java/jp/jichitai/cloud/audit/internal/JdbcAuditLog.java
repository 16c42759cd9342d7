package jp.jichitai.cloud.audit.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jp.jichitai.cloud.audit.AuditChains;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.audit.AuditRecord;
import jp.jichitai.cloud.audit.ChainVerification;
import jp.jichitai.cloud.tenancy.TenantContext;

@Repository
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    /** Appends: on the audit log's own pool ({@link AuditConnections}), never a second connection of the caller's. */
    private final JdbcClient appendJdbc;
    private final DataSource appendDataSource;
    private final boolean bindAppendTransaction;
    private final TransactionTemplate ownTransaction;

    JdbcAuditLog(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
            AuditConnections connections) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        if (connections.ownPool()) {
            this.appendDataSource = connections.dataSource();
            this.appendJdbc = JdbcClient.create(appendDataSource);
            this.bindAppendTransaction = connections.rowLevelSecurity();
            this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(appendDataSource));
        } else {
            // The application's own transaction manager binds the tenant itself.
            this.appendDataSource = dataSource;
            this.appendJdbc = jdbc;
            this.bindAppendTransaction = false;
            this.ownTransaction = new TransactionTemplate(transactions);
        }
        // Independent of the caller's transaction: an access stays recorded when the caller's work rolls back.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public AuditRecord record(AuditEvent event) {
        if (TenantContext.boundScope().isEmpty()) {
            return TenantContext.callAsProvider(() -> record(event));
        }
        return ownTransaction.execute(status -> append(TenantContext.boundScope(), event));
    }

    private AuditRecord append(String scope, AuditEvent event) {
        if (bindAppendTransaction) {
            Connection connection = DataSourceUtils.getConnection(appendDataSource);
            try {
                TenantContext.bindToTransaction(connection, scope);
            } catch (SQLException e) {
                throw new IllegalStateException("the audit log's transaction could not be bound to its tenant", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, appendDataSource);
            }
        }
        // Locking the head serialises appends per chain: numbers stay gapless and links unbroken.
        var head = appendJdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE tenant_id = ? FOR UPDATE")
                .param(scope)
                .query((rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long sequence = (Long) head[0] + 1;
        String previousHash = (String) head[1];
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor = event.actor().orElseGet(() -> authentication == null ? "system" : authentication.getName());
        String role = event.actorRole().orElseGet(() -> roleOf(authentication));
        String client = clientAddress();
        String query = truncate(event.query(), 1000);
        String target = truncate(event.target(), 200);
        String hash = AuditChains.hashOf(previousHash, scope, sequence, now, actor, role, event.action(), target,
                query, client, event.outcome().name());
        appendJdbc.sql("""
                INSERT INTO audit_log (tenant_id, seq, occurred_at, actor, actor_role, action, target, query_text,
                                       client_address, outcome, previous_hash, entry_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(scope, sequence, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), actor, role, event.action(),
                        target, query, client, event.outcome().name(), previousHash, hash)
                .update();
        appendJdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE tenant_id = ?")
                .params(sequence, hash, scope)
                .update();
        return new AuditRecord(scope, sequence, now, actor, role, event.action(), target, query, client,
                event.outcome().name(), previousHash, hash);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditRecord> newest(int limit) {
        return jdbc.sql("SELECT * FROM audit_log WHERE tenant_id = ? ORDER BY seq DESC LIMIT ?")
                .params(TenantContext.require().value(), limit)
                .query((rs, row) -> map(rs))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachEntry(Consumer<AuditRecord> consumer) {
        jdbc.sql("SELECT * FROM audit_log WHERE tenant_id = ? ORDER BY seq")
                .param(TenantContext.require().value())
                .withFetchSize(1000)
                .query((ResultSet rs) -> {
                    while (rs.next()) {
                        consumer.accept(map(rs));
                    }
                    return null;
                });
    }

    @Override
    @Transactional(readOnly = true)
    public ChainVerification verifyCurrentChain() {
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            return AuditChains.verify(connection, TenantContext.require().value()).get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("audit chain could not be read", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static AuditRecord map(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getString("tenant_id"), rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("actor_role"), rs.getString("action"), rs.getString("target"),
                rs.getString("query_text"), rs.getString("client_address"), rs.getString("outcome"),
                rs.getString("previous_hash"), rs.getString("entry_hash"));
    }

    private static String roleOf(Authentication authentication) {
        if (authentication == null) {
            return "none";
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring(5).toLowerCase().replace('_', '-'))
                .findFirst().orElse("none");
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return request.getRequest().getRemoteAddr();
        }
        return "local";
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
