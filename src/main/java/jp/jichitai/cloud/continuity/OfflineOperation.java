package jp.jichitai.cloud.continuity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jp.jichitai.cloud.continuity.internal.ChangeFile;
import jp.jichitai.cloud.continuity.internal.ContinuityMessages;
import jp.jichitai.cloud.continuity.internal.OfflineInstances;
import jp.jichitai.cloud.continuity.internal.OfflineMerger;
import jp.jichitai.cloud.continuity.internal.VaultArchive;
import jp.jichitai.cloud.residents.registry.OfflineChangeReplay;
import jp.jichitai.cloud.residents.registry.RegistryBulkWriter.KeySource;
import jp.jichitai.cloud.residents.registry.SnapshotKey;
import jp.jichitai.cloud.shared.DatabaseOptions;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * オフライン運用 (operating without the network, スタンドアローン): a tenant's encrypted snapshot, a laptop
 * running the service from it at a temporary counter, and the merge of the records made there.
 *
 * <ol>
 * <li>{@link #takeSnapshot}: a vault file of the tenant (same format and cipher), numbered; the number gives
 * the laptop ranges of its own for ids, certificate serials and hand-added person numbers.</li>
 * <li>{@link #prepareInstance}: the laptop's H2 data folder from the snapshot ({@code ./jc serve --offline}).</li>
 * <li>{@link #exportChanges}: every row that differs from the snapshot, to an encrypted changes file.</li>
 * <li>{@link #merge}: applied at the centre where its row is unchanged since the snapshot, else listed as
 * a conflict for a person to decide; see {@code docs/offline-operation.md}.</li>
 * </ol>
 * Works on plain JDBC connections as the schema owner, like {@link TenantVault}.
 */
public final class OfflineOperation {

    private OfflineOperation() {
    }

    /** A snapshot taken: its number, and the vault manifest of what it holds. */
    public record Snapshot(int number, VaultManifest manifest) {
    }

    /** An offline instance: which town, which snapshot. */
    public record Instance(TenantCode tenant, int snapshotNumber, Instant snapshotTakenAt) {
    }

    /** What a changes file holds. */
    public record Changes(TenantCode tenant, int snapshotNumber, int tables, int rows) {
    }

    /**
     * What a merge did: applied now, applied by an earlier merge, not merged by rule, conflicts new and known, and
     * entries of the laptop's アクセスログ appended to the town's chain now.
     */
    public record MergeReport(int applied, int alreadyApplied, int ignored, int newConflicts, int knownConflicts,
            int offlineLogEntries) {
    }

    /**
     * As {@link #takeSnapshot(Connection, TenantCode, Path, Passphrase, String, KeySource)} with the 個人番号 key of a
     * tool run in the current folder's {@code data} (see {@link KeySource#forTool}).
     */
    public static Snapshot takeSnapshot(Connection connection, TenantCode tenant, Path file, Passphrase passphrase,
            String takenBy) throws SQLException {
        return takeSnapshot(connection, tenant, file, passphrase, takenBy, KeySource.forTool(Path.of("data")));
    }

    /**
     * Takes a numbered, encrypted snapshot of the tenant (central database, schema owner). Every 個人番号 in it is
     * sealed again, from the centre's key ({@code centralKey}) under a key made for this snapshot alone, which the
     * file carries: the laptop can read and record 個人番号 without the centre's key ever leaving the centre.
     */
    public static Snapshot takeSnapshot(Connection connection, TenantCode tenant, Path file, Passphrase passphrase,
            String takenBy, KeySource centralKey) throws SQLException {
        if (describe(connection).isPresent()) {
            throw ContinuityMessages.refusal("E-CON-0032");
        }
        int number;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement lock = connection.prepareStatement("SELECT code FROM tenant WHERE code = ? FOR UPDATE")) {
                lock.setString(1, tenant.value());
                try (ResultSet found = lock.executeQuery()) {
                    if (!found.next()) {
                        throw ContinuityMessages.refusal("E-CON-0008", tenant.value());
                    }
                }
            }
            try (PreparedStatement next = connection.prepareStatement(
                    "SELECT COALESCE(MAX(number), 0) + 1 FROM offline_snapshot WHERE tenant_id = ?")) {
                next.setString(1, tenant.value());
                try (ResultSet row = next.executeQuery()) {
                    row.next();
                    number = row.getInt(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO offline_snapshot (tenant_id, number,"
                    + " taken_at, taken_by, total_rows) VALUES (?, ?, ?, ?, 0)")) {
                insert.setString(1, tenant.value());
                insert.setInt(2, number);
                insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                insert.setString(4, takenBy);
                insert.executeUpdate();
            }
            connection.commit();
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(autoCommit);
        }
        VaultManifest manifest;
        try {
            SnapshotKey snapshotKey = SnapshotKey.generate();
            SnapshotKey.Resealing resealing = snapshotKey.resealingFrom(centralKey);
            manifest = VaultArchive.export(connection, tenant, file, passphrase.characters(),
                    new VaultArchive.NumberSealing(snapshotKey.bytes(), (stored, town, atena) -> {
                        try {
                            return resealing.reseal(stored, town, atena);
                        } catch (IllegalStateException wrongKey) {
                            throw ContinuityMessages.refusal("E-CON-0033", atena);
                        }
                    }));
        } catch (RuntimeException | SQLException failed) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM offline_snapshot WHERE tenant_id = ? AND number = ?")) {
                delete.setString(1, tenant.value());
                delete.setInt(2, number);
                delete.executeUpdate();
            }
            throw failed;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE offline_snapshot SET total_rows = ? WHERE tenant_id = ? AND number = ?")) {
            update.setLong(1, manifest.totalRows());
            update.setString(2, tenant.value());
            update.setInt(3, number);
            update.executeUpdate();
        }
        return new Snapshot(number, manifest);
    }

    /**
     * Makes the data folder an offline instance of the snapshot's town, or finds that it already is one (the
     * laptop was restarted). Refused for PostgreSQL, for a folder holding an ordinary database, and for a
     * folder of another town.
     */
    public static Instance prepareInstance(DatabaseOptions database, Path snapshot, Passphrase passphrase)
            throws SQLException {
        if (!database.isEmbedded()) {
            throw ContinuityMessages.refusal("E-CON-0030");
        }
        if (!database.isFreshDataFolder()) {
            try (Connection connection = database.open()) {
                Instance existing = describe(connection)
                        .orElseThrow(() -> ContinuityMessages.refusal("E-CON-0029", database.dataDirectory));
                TenantCode inFile = TenantVault.verify(snapshot, passphrase).tenant();
                if (!inFile.equals(existing.tenant())) {
                    throw ContinuityMessages.refusal("E-CON-0031", existing.tenant().value(), inFile.value());
                }
                return existing;
            }
        }
        try {
            Files.createDirectories(database.dataDirectory);
        } catch (java.io.IOException e) {
            throw ContinuityMessages.refusal("E-CON-0013", e.getMessage());
        }
        OfflineInstances.Instance prepared = OfflineInstances.prepare(database.jdbcUrl(), database.dataDirectory,
                snapshot, passphrase.characters());
        return new Instance(prepared.tenant(), prepared.snapshotNumber(), prepared.snapshotTakenAt());
    }

    /** The offline instance this database is, if it is one. */
    public static Optional<Instance> describe(Connection connection) throws SQLException {
        return OfflineInstances.describe(connection)
                .map(found -> new Instance(found.tenant(), found.snapshotNumber(), found.snapshotTakenAt()));
    }

    /** Writes what the offline instance changed since its snapshot to an encrypted changes file. */
    public static Changes exportChanges(Connection connection, Path dataDirectory, Path out, Passphrase passphrase)
            throws SQLException {
        ChangeFile.Contents contents = OfflineInstances.changes(connection, dataDirectory, passphrase.characters());
        ChangeFile.write(contents, out, passphrase.characters());
        return new Changes(contents.tenant(), contents.snapshotNumber(), contents.tables().size(), contents.changeCount());
    }

    /**
     * Merges a changes file into the tenant at the centre (one transaction; refused as a whole or done), with the
     * 個人番号 key of a tool run in the current folder's {@code data} (see {@link KeySource#forTool}).
     */
    public static MergeReport merge(Connection connection, TenantCode tenant, Path file, Passphrase passphrase,
            String mergedBy) throws SQLException {
        return merge(connection, tenant, file, passphrase, mergedBy, KeySource.forTool(Path.of("data")));
    }

    /**
     * Merges a changes file into the tenant at the centre (one transaction; refused as a whole or done). 住民異動
     * made offline are replayed through the registry, which needs the service's 個人番号 key ({@code key}) to carry
     * the numbers of the people it touches into their new snapshots; the 個人番号 of a person entered on the laptop
     * is read with the snapshot's key the file brings back and recorded under {@code key}.
     */
    public static MergeReport merge(Connection connection, TenantCode tenant, Path file, Passphrase passphrase,
            String mergedBy, KeySource key) throws SQLException {
        ChangeFile.Contents contents = ChangeFile.read(file, passphrase.characters());
        Optional<SnapshotKey> laptopKey = Optional.ofNullable(contents.individualNumberKey()).map(SnapshotKey::of);
        OfflineMerger.Result result = OfflineMerger.merge(connection, tenant, contents, mergedBy,
                () -> OfflineChangeReplay.onConnection(connection, tenant, key, laptopKey));
        return new MergeReport(result.applied(), result.alreadyApplied(), result.ignored(), result.newConflicts(),
                result.knownConflicts(), result.offlineLogEntries());
    }

    /** Carries out a person's decision on a conflict, in the caller's transaction. */
    public static void resolve(Connection connection, TenantCode tenant, long conflictId, boolean takeOffline,
            String resolvedBy) throws SQLException {
        OfflineMerger.resolve(connection, tenant, conflictId, takeOffline, resolvedBy);
    }
}
