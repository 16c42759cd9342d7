package jp.jichitai.cloud.operations.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;

import jp.jichitai.cloud.operations.BatchKind;
import jp.jichitai.cloud.operations.LatencyBuckets;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * The plain-JDBC side of {@link jp.jichitai.cloud.operations.BatchRunLedger}: adds one run to the
 * tenant's row of sla_daily_aggregate, the row locked as {@link DailyAggregates#merge} locks it, so
 * that a command and the running service may count the same day. On PostgreSQL the tenant is bound
 * to the transaction as the service binds it, for row-level security.
 */
public final class JdbcBatchRunLedger {

    private JdbcBatchRunLedger() {
    }

    public static void record(Connection connection, TenantCode tenant, BatchKind kind, Instant started,
            Instant finished) throws SQLException {
        Duration took = Duration.between(started, finished);
        boolean withinTarget = !took.isNegative() && took.compareTo(kind.defaultTarget()) <= 0;
        LocalDate day = LocalDate.ofInstant(finished, SlaProperties.ZONE);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                TenantContext.bindToTransaction(connection, tenant.value());
            }
            boolean exists;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT batch_runs FROM sla_daily_aggregate WHERE tenant_id = ? AND measured_on = ? FOR UPDATE")) {
                select.setString(1, tenant.value());
                select.setObject(2, day);
                try (ResultSet rows = select.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (exists) {
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE sla_daily_aggregate SET batch_runs = batch_runs + 1,
                               batch_runs_within_target = batch_runs_within_target + ?, updated_at = ?
                         WHERE tenant_id = ? AND measured_on = ?""")) {
                    update.setInt(1, withinTarget ? 1 : 0);
                    update.setObject(2, OffsetDateTime.now());
                    update.setString(3, tenant.value());
                    update.setObject(4, day);
                    update.executeUpdate();
                }
            } else {
                LatencyBuckets buckets = LatencyBuckets.STANDARD;
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO sla_daily_aggregate (tenant_id, measured_on, latency_bounds, latency_counts,
                               request_count, batch_runs, batch_runs_within_target, updated_at)
                        VALUES (?, ?, ?, ?, 0, 1, ?, ?)""")) {
                    insert.setString(1, tenant.value());
                    insert.setObject(2, day);
                    insert.setString(3, buckets.upperBounds().stream().map(bound -> Long.toString(bound.toMillis()))
                            .collect(Collectors.joining(",")));
                    insert.setString(4, buckets.upperBounds().stream().map(bound -> "0")
                            .collect(Collectors.joining(",")) + ",0");
                    insert.setInt(5, withinTarget ? 1 : 0);
                    insert.setObject(6, OffsetDateTime.now());
                    insert.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
