package jp.jichitai.cloud.continuity.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.zaxxer.hikari.HikariDataSource;

import jp.jichitai.cloud.continuity.OfflineOperation;
import jp.jichitai.cloud.continuity.Passphrase;
import jp.jichitai.cloud.residents.registry.RegistryBulkWriter;
import jp.jichitai.cloud.tenancy.TenantContext;

/** The screens' view of オフライン運用: snapshots taken, merges, conflicts; and the files made on request. */
@Repository
@Transactional
class OfflineRecords {

    record SnapshotRow(int number, Instant takenAt, String takenBy, long totalRows) {
    }

    record MergeRow(int snapshotNumber, Instant mergedAt, String mergedBy, int applied, int alreadyApplied,
            int ignored, int newConflicts, int knownConflicts) {
    }

    record ConflictRow(long id, int snapshotNumber, String tableName, String rowKey, String changeKind, String reason,
            String detail, String offlineText, String centralText, String status, Instant resolvedAt, String resolvedBy) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        public boolean canTakeOffline() {
            return open() && OfflineTables.treatmentOf(tableName) == OfflineTables.Treatment.MERGE;
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    /** The service's 個人番号 key, which the snapshot's 個人番号 are read with before they are sealed again. */
    private final RegistryBulkWriter.KeySource key;

    OfflineRecords(JdbcClient jdbc, DataSource dataSource,
            @Value("${jc.residents.individual-number-key:}") String configuredKey, @Value("${jc.data-dir}") Path dataDirectory) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.key = new RegistryBulkWriter.KeySource(configuredKey, dataDirectory);
    }

    @Transactional(readOnly = true)
    List<SnapshotRow> snapshots() {
        return jdbc.sql("SELECT number, taken_at, taken_by, total_rows FROM offline_snapshot WHERE tenant_id = ?"
                + " ORDER BY number DESC").param(tenant())
                .query((rs, row) -> new SnapshotRow(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getLong(4)))
                .list();
    }

    @Transactional(readOnly = true)
    List<MergeRow> merges() {
        return jdbc.sql("SELECT snapshot_number, merged_at, merged_by, applied, already_applied, ignored, new_conflicts,"
                + " known_conflicts FROM offline_merge WHERE tenant_id = ? ORDER BY id DESC").param(tenant())
                .query((rs, row) -> new MergeRow(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)))
                .list();
    }

    @Transactional(readOnly = true)
    List<ConflictRow> conflicts() {
        return jdbc.sql("SELECT id, snapshot_number, table_name, row_key, change_kind, reason, detail, offline_text,"
                + " central_text, status, resolved_at, resolved_by FROM offline_conflict WHERE tenant_id = ?"
                + " ORDER BY CASE WHEN status = 'OPEN' THEN 0 ELSE 1 END, id").param(tenant())
                .query((rs, row) -> new ConflictRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getObject(11) == null ? null
                                : rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getString(12)))
                .list();
    }

    /** In the request's tenant-bound transaction: the decision and its write commit or fail together. */
    void resolve(long conflictId, boolean takeOffline, String username) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            OfflineOperation.resolve(connection, TenantContext.require(), conflictId, takeOffline, username);
        } catch (SQLException e) {
            throw new IllegalStateException("conflict " + conflictId + " could not be resolved", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A snapshot of the signed-in administrator's town, in a temporary file the caller sends and deletes. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    Path snapshot(Passphrase passphrase, String username) throws SQLException, IOException {
        Path file = Files.createTempFile("jc-offline-snapshot-", ".jcvault");
        try {
            asOwner(connection -> OfflineOperation.takeSnapshot(connection, TenantContext.require(), file, passphrase,
                    username, key));
            return file;
        } catch (SQLException | RuntimeException failed) {
            Files.deleteIfExists(file);
            throw failed;
        }
    }

    /** The offline instance's changes, in a temporary file the caller sends and deletes. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    Path changes(Path dataDirectory, Passphrase passphrase) throws SQLException, IOException {
        Path file = Files.createTempFile("jc-offline-changes-", ".jcchanges");
        try {
            asOwner(connection -> OfflineOperation.exportChanges(connection, dataDirectory, file, passphrase));
            return file;
        } catch (SQLException | RuntimeException failed) {
            Files.deleteIfExists(file);
            throw failed;
        }
    }

    interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    /**
     * The snapshot reads the schema version and every table of the one town, which the restricted
     * application role cannot (it sees no Flyway history); on PostgreSQL the pool's connection is used as the
     * owner it logs in as for this one call, and put back to the restricted role — or dropped from the pool
     * if that fails. The tenant is the signed-in administrator's own, bound by the caller.
     */
    private void asOwner(ConnectionWork work) throws SQLException {
        Connection connection = dataSource.getConnection();
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        boolean restored = !postgres;
        try {
            if (postgres) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("RESET ROLE");
                }
            }
            work.run(connection);
        } finally {
            if (postgres) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET ROLE jc_app");
                    restored = true;
                } catch (SQLException broken) {
                    restored = false;
                }
            }
            if (!restored && dataSource instanceof HikariDataSource pool) {
                pool.evictConnection(connection);
            }
            connection.close();
        }
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
