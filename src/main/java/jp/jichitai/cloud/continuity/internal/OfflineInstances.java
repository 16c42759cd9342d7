package jp.jichitai.cloud.continuity.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.Flyway;

import jp.jichitai.cloud.continuity.VaultManifest;
import jp.jichitai.cloud.continuity.internal.TenantTables.Table;
import jp.jichitai.cloud.residents.registry.SnapshotKey;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * The laptop side of オフライン運用: turns a snapshot into a local H2 database of that tenant alone, with
 * ranges of its own for generated ids, certificate serials and hand-added person numbers, and later lists
 * what was changed there since the snapshot.
 *
 * <p>"What was changed" is found by comparing every table of the tenant with the base kept at preparation
 * ({@value #BASE_FILE}, encrypted with the snapshot's passphrase), not by hooks in each module: whatever
 * the counter did, it is in the list, and the centre decides per table what to merge
 * ({@link OfflineTables}).
 */
public final class OfflineInstances {

    public static final String BASE_FILE = "offline-base.jcvault";

    /** Offline number {@code n} generates ids from n × 10^12 (the centre's stay far below). */
    static final long ID_RANGE = 1_000_000_000_000L;
    /** Offline number {@code n} numbers certificates from 10^9 + n × 10^6 (an int, as the issue number needs). */
    static final long SERIAL_BASE = 1_000_000_000L;
    static final long SERIAL_RANGE = 1_000_000L;

    /** Which snapshot an offline database runs from. */
    public record Instance(TenantCode tenant, int snapshotNumber, Instant snapshotTakenAt, Instant preparedAt) {
    }

    private OfflineInstances() {
    }

    public static long idBase(int snapshotNumber) {
        return snapshotNumber * ID_RANGE;
    }

    public static long serialBase(int snapshotNumber) {
        return SERIAL_BASE + snapshotNumber * SERIAL_RANGE;
    }

    /** The offline instance the database is, if it is one. */
    public static Optional<Instance> describe(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tenant_id, snapshot_number, snapshot_taken_at, prepared_at FROM offline_instance");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new Instance(TenantCode.of(row.getString(1)), row.getInt(2),
                    row.getObject(3, OffsetDateTime.class).toInstant(), row.getObject(4, OffsetDateTime.class).toInstant()));
        }
    }

    /**
     * Creates the offline database in an empty data folder from a snapshot: migrates it, restores the
     * tenant (checked against the file's checksums), moves the generators into the snapshot's ranges and
     * keeps the base for {@link #changes}. On failure the folder's database is removed again.
     */
    public static Instance prepare(String h2JdbcUrl, Path dataDirectory, Path snapshot, char[] passphrase)
            throws SQLException {
        VaultArchive.Opened opened = VaultArchive.open(snapshot, passphrase);
        TenantCode tenant = opened.manifest().tenant();
        boolean done = false;
        try {
            Flyway.configure().dataSource(h2JdbcUrl, "sa", "")
                    .locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
            try (Connection connection = java.sql.DriverManager.getConnection(h2JdbcUrl, "sa", "")) {
                VaultArchive.restore(connection, opened, true);
                // 個人番号 in the snapshot are sealed under its own key: the registry here uses it, not the laptop's
                opened.entry(VaultArchive.NUMBER_KEY_ENTRY).map(SnapshotKey::of)
                        .ifPresent(key -> key.installInto(dataDirectory));
                Instance instance = register(connection, tenant);
                moveGeneratorsIntoRange(connection, tenant, instance.snapshotNumber());
                VaultArchive.export(connection, tenant, dataDirectory.resolve(BASE_FILE), passphrase);
                done = true;
                return instance;
            }
        } finally {
            if (!done) {
                removeDatabase(h2JdbcUrl, dataDirectory);
            }
        }
    }

    private static Instance register(Connection connection, TenantCode tenant) throws SQLException {
        int number;
        OffsetDateTime takenAt;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT number, taken_at FROM offline_snapshot WHERE tenant_id = ? ORDER BY number DESC")) {
            select.setString(1, tenant.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    // a plain vault file, not an offline snapshot: it has no range of its own
                    throw ContinuityMessages.refusal("E-CON-0024");
                }
                number = row.getInt(1);
                takenAt = row.getObject(2, OffsetDateTime.class);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO offline_instance (tenant_id,"
                + " snapshot_number, snapshot_taken_at, prepared_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, tenant.value());
            insert.setInt(2, number);
            insert.setObject(3, takenAt);
            insert.setObject(4, now);
            insert.executeUpdate();
        }
        return new Instance(tenant, number, takenAt.toInstant(), now.toInstant());
    }

    /**
     * Identity columns restart at the snapshot's id range; the certificate counters (existing ones, the
     * town's resident certificates and every disaster's) and the hand-added person counter move to its
     * serial range. Scope names follow the disaster module's {@code Disaster.numberingScope()}.
     */
    static void moveGeneratorsIntoRange(Connection connection, TenantCode tenant, int number) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT table_name, column_name"
                + " FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                identities.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String[] identity : identities) {
                statement.execute("ALTER TABLE \"" + identity[0] + "\" ALTER COLUMN \"" + identity[1]
                        + "\" RESTART WITH " + (idBase(number) + 1));
            }
        }
        long serialBase = serialBase(number);
        List<String> scopes = new ArrayList<>(List.of("residents"));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, drill FROM disaster WHERE tenant_id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    scopes.add("disaster-" + rows.getLong(1) + (rows.getBoolean(2) ? "-drill" : ""));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO certificate_counter (tenant_id, scope,"
                + " last_serial) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM certificate_counter"
                + " WHERE tenant_id = ? AND scope = ?)")) {
            for (String scope : scopes) {
                insert.setString(1, tenant.value());
                insert.setString(2, scope);
                insert.setLong(3, serialBase);
                insert.setString(4, tenant.value());
                insert.setString(5, scope);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE certificate_counter SET last_serial = ? WHERE tenant_id = ? AND last_serial < ?")) {
            update.setLong(1, serialBase);
            update.setString(2, tenant.value());
            update.setLong(3, serialBase);
            update.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM victim_directory_counter WHERE tenant_id = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO victim_directory_counter (tenant_id, last_number) VALUES (?, ?)")) {
            delete.setString(1, tenant.value());
            delete.executeUpdate();
            insert.setString(1, tenant.value());
            insert.setLong(2, idBase(number));
            insert.executeUpdate();
        }
    }

    /** Every row of the tenant that differs from the base kept at preparation, table by table. */
    public static ChangeFile.Contents changes(Connection connection, Path dataDirectory, char[] passphrase)
            throws SQLException {
        Instance instance = describe(connection).orElseThrow(() -> ContinuityMessages.refusal("E-CON-0025"));
        Path base = dataDirectory.resolve(BASE_FILE);
        if (!Files.isRegularFile(base)) {
            throw ContinuityMessages.refusal("E-CON-0013", base + " がありません");
        }
        VaultArchive.Opened opened = VaultArchive.open(base, passphrase);
        Map<String, Table> current = new HashMap<>();
        TenantTables.discover(connection).forEach(table -> current.put(table.name(), table));
        Map<String, Map<String, byte[]>> baseRows = new LinkedHashMap<>();
        Map<String, List<String>> keys = new HashMap<>();
        for (VaultManifest.Table table : opened.manifest().tables()) {
            keys.put(table.name(), OfflineTables.keyColumns(connection, table.name(), table.columns()));
        }
        opened.forEachTable((table, rows) -> {
            Map<String, byte[]> byKey = new LinkedHashMap<>();
            for (byte[] row = rows.next(); row != null; row = rows.next()) {
                byKey.put(RowKeys.of(row, table.columns(), keys.get(table.name())), row);
            }
            baseRows.put(table.name(), byKey);
        });
        List<ChangeFile.TableChanges> tables = new ArrayList<>();
        for (VaultManifest.Table table : opened.manifest().tables()) {
            Table live = current.get(table.name());
            Table asInFile = new Table(live.name(), live.selection(), table.columns().stream().map(live::column).toList());
            Map<String, byte[]> before = new HashMap<>(baseRows.get(table.name()));
            List<ChangeFile.Change> changes = new ArrayList<>();
            List<String> keyColumns = keys.get(table.name());
            RowKeys.forEachRow(connection, asInFile, instance.tenant(), row -> {
                byte[] old = before.remove(RowKeys.of(row, table.columns(), keyColumns));
                if (old == null) {
                    changes.add(new ChangeFile.Change(ChangeFile.Kind.INSERT, null, row));
                } else if (!Arrays.equals(old, row)) {
                    changes.add(new ChangeFile.Change(ChangeFile.Kind.UPDATE, old, row));
                }
            });
            before.values().forEach(old -> changes.add(new ChangeFile.Change(ChangeFile.Kind.DELETE, old, null)));
            if (!changes.isEmpty()) {
                tables.add(new ChangeFile.TableChanges(table.name(), table.selection(), table.columns(), keyColumns,
                        changes));
            }
        }
        return new ChangeFile.Contents(instance.tenant(), instance.snapshotNumber(), instance.snapshotTakenAt(),
                Instant.now(), VaultArchive.schemaVersion(connection), tables,
                SnapshotKey.installedIn(dataDirectory).map(SnapshotKey::bytes).orElse(null));
    }

    private static void removeDatabase(String h2JdbcUrl, Path dataDirectory) {
        try (Connection connection = java.sql.DriverManager.getConnection(h2JdbcUrl, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException alreadyClosed) {
            // nothing to shut down
        }
        for (String name : List.of("jichitai.mv.db", "jichitai.trace.db", BASE_FILE,
                SnapshotKey.installedFile(dataDirectory).getFileName().toString())) {
            try {
                Files.deleteIfExists(dataDirectory.resolve(name));
            } catch (java.io.IOException e) {
                System.err.println(dataDirectory.resolve(name) + " を削除できませんでした: " + e.getMessage());
            }
        }
    }
}
