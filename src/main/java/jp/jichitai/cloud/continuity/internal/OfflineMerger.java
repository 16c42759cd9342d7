package jp.jichitai.cloud.continuity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jp.jichitai.cloud.audit.AuditChains;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.continuity.SchemaVersion;
import jp.jichitai.cloud.continuity.internal.ChangeFile.Change;
import jp.jichitai.cloud.continuity.internal.ChangeFile.TableChanges;
import jp.jichitai.cloud.continuity.internal.OfflineTables.Treatment;
import jp.jichitai.cloud.continuity.internal.TenantTables.Table;
import jp.jichitai.cloud.residents.registry.OfflineChangeReplay;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * The centre's side of オフライン運用: applies an offline instance's changes where the centre's row is still
 * as it was in the snapshot, and records a conflict for a person wherever it is not — never overwriting.
 * One transaction: a refused file changes nothing. Merging the same file again applies nothing twice (a row
 * already as the laptop left it counts as applied) and lists no conflict twice.
 */
public final class OfflineMerger {

    /** What a merge did. */
    public record Result(int applied, int alreadyApplied, int ignored, int newConflicts, int knownConflicts,
            int offlineLogEntries) {
    }

    /** How an entry of the laptop's アクセスログ is marked in the centre's chain: snapshot and laptop sequence. */
    static String offlineClientAddress(int snapshot, long laptopSequence) {
        return "offline:" + snapshot + ":" + laptopSequence;
    }

    private OfflineMerger() {
    }

    /**
     * Merges {@code contents}; {@code registry} gives the registry's replay of 住民異動 on this connection (asked
     * for only when the file holds any).
     */
    public static Result merge(Connection connection, TenantCode tenant, ChangeFile.Contents contents, String mergedBy,
            java.util.function.Supplier<OfflineChangeReplay> registry) throws SQLException {
        if (!contents.tenant().equals(tenant)) {
            throw ContinuityMessages.refusal("E-CON-0021", contents.tenant().value(), tenant.value());
        }
        SchemaVersion central = VaultArchive.schemaVersion(connection);
        if (contents.schemaVersion().isNewerThan(central)) {
            throw ContinuityMessages.refusal("E-CON-0006", contents.schemaVersion(), central);
        }
        Map<String, Table> tables = new HashMap<>();
        TenantTables.discover(connection).forEach(table -> tables.put(table.name(), table));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (!snapshotExists(connection, tenant, contents.snapshotNumber())) {
                throw ContinuityMessages.refusal("E-CON-0022", tenant.value(), contents.snapshotNumber());
            }
            Counts counts = new Counts();
            OfflineRegistryMerge residentChanges = new OfflineRegistryMerge(connection, tenant, contents.snapshotNumber(),
                    registry);
            List<byte[]> offlineLog = new ArrayList<>();
            Table auditTable = null;
            for (TableChanges changes : contents.tables()) {
                Table live = tables.get(changes.name());
                if (live == null || !live.columnNames().containsAll(changes.columns())) {
                    throw ContinuityMessages.refusal("E-CON-0009", changes.name(), String.join(", ", changes.columns()));
                }
                Table asInFile = new Table(live.name(), live.selection(), changes.columns().stream().map(live::column).toList());
                for (Change change : changes.changes()) {
                    requireTenant(asInFile, changes.columns(), change, tenant);
                    if (asInFile.name().equals("audit_log") && change.kind() == ChangeFile.Kind.INSERT) {
                        offlineLog.add(change.after());
                        auditTable = asInFile;
                        continue;
                    }
                    if (OfflineRegistryMerge.isRegistryTable(asInFile.name())
                            && residentChanges.take(asInFile, changes.keyColumns(), change)) {
                        continue;
                    }
                    mergeOne(connection, tenant, contents.snapshotNumber(), asInFile, changes.keyColumns(), change, counts);
                }
            }
            if (!residentChanges.isEmpty()) {
                OfflineRegistryMerge.Counts replayed = residentChanges.replay(auditTable, offlineLog);
                counts.applied += replayed.applied();
                counts.already += replayed.alreadyApplied();
                counts.newConflicts += replayed.newConflicts();
                counts.knownConflicts += replayed.knownConflicts();
            }
            if (auditTable != null) {
                counts.offlineLogEntries = appendOfflineLog(connection, tenant, contents.snapshotNumber(), auditTable,
                        offlineLog);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO offline_merge (tenant_id,"
                    + " snapshot_number, merged_at, merged_by, applied, already_applied, ignored, new_conflicts,"
                    + " known_conflicts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, tenant.value());
                insert.setInt(2, contents.snapshotNumber());
                insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                insert.setString(4, mergedBy);
                insert.setInt(5, counts.applied);
                insert.setInt(6, counts.already);
                insert.setInt(7, counts.ignored);
                insert.setInt(8, counts.newConflicts);
                insert.setInt(9, counts.knownConflicts);
                insert.executeUpdate();
            }
            connection.commit();
            return new Result(counts.applied, counts.already, counts.ignored, counts.newConflicts, counts.knownConflicts,
                    counts.offlineLogEntries);
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    private static final class Counts {
        int applied;
        int already;
        int ignored;
        int newConflicts;
        int knownConflicts;
        int offlineLogEntries;
    }

    /**
     * The laptop's アクセスログ: every entry made offline is appended to the end of the town's chain in the centre,
     * in the laptop's order, with its original time, actor, role, action, target, query and outcome; its client
     * address {@code offline:N:SEQ} marks it as coming from the instance of snapshot N (entry SEQ of the laptop's
     * chain), which also makes a second merge of the same file append nothing. Returns the entries appended now.
     */
    private static int appendOfflineLog(Connection connection, TenantCode tenant, int snapshot, Table table,
            List<byte[]> rows) throws SQLException {
        List<String> columns = table.columnNames();
        List<byte[]> ordered = new ArrayList<>(rows);
        ordered.sort(java.util.Comparator.comparingLong(row -> ((Number) RowKeys.value(row, columns, "seq")).longValue()));
        // The entries of this snapshot's instance taken in by an earlier merge, read once (not once per entry).
        java.util.Set<String> takenIn = new java.util.HashSet<>();
        try (PreparedStatement known = connection.prepareStatement(
                "SELECT client_address FROM audit_log WHERE tenant_id = ? AND client_address LIKE ?")) {
            known.setString(1, tenant.value());
            known.setString(2, "offline:" + snapshot + ":%");
            try (ResultSet found = known.executeQuery()) {
                while (found.next()) {
                    takenIn.add(found.getString(1));
                }
            }
        }
        int appended = 0;
        for (byte[] row : ordered) {
            long laptopSequence = ((Number) RowKeys.value(row, columns, "seq")).longValue();
            String address = offlineClientAddress(snapshot, laptopSequence);
            if (takenIn.contains(address)) {
                continue;
            }
            Object occurred = RowKeys.value(row, columns, "occurred_at");
            java.time.Instant occurredAt = occurred instanceof OffsetDateTime time ? time.toInstant()
                    : java.time.Instant.parse(String.valueOf(occurred));
            AuditChains.appendAt(connection, tenant.value(), occurredAt, (String) RowKeys.value(row, columns, "actor"),
                    (String) RowKeys.value(row, columns, "actor_role"), (String) RowKeys.value(row, columns, "action"),
                    (String) RowKeys.value(row, columns, "target"), (String) RowKeys.value(row, columns, "query_text"),
                    address, AuditEvent.Outcome.valueOf((String) RowKeys.value(row, columns, "outcome")));
            appended++;
        }
        return appended;
    }

    private static void mergeOne(Connection connection, TenantCode tenant, int snapshot, Table table,
            List<String> keyColumns, Change change, Counts counts) throws SQLException {
        Treatment treatment = OfflineTables.treatmentOf(table.name());
        byte[] any = change.after() != null ? change.after() : change.before();
        byte[] central = RowKeys.find(connection, table, tenant, keyColumns, any);
        Conflict conflict = null;
        switch (treatment) {
            case IGNORE -> {
                counts.ignored++;
                return;
            }
            case COUNTER -> {
                if (change.kind() == ChangeFile.Kind.INSERT && central == null) {
                    apply(connection, tenant, table, keyColumns, change, central, counts);
                } else {
                    counts.ignored++;
                }
                return;
            }
            case REVIEW -> conflict = new Conflict("NOT_MERGEABLE", ContinuityMessages.text("I-CON-0030"));
            case MERGE -> {
                if (Arrays.equals(central, change.after())) {
                    counts.already++;
                    return;
                }
                if (change.kind() == ChangeFile.Kind.INSERT) {
                    if (central != null) {
                        conflict = new Conflict("KEY_TAKEN", ContinuityMessages.text("I-CON-0031"));
                    } else {
                        conflict = duplicatePerson(connection, tenant, table, change.after());
                    }
                } else if (central == null) {
                    conflict = new Conflict("DELETED_CENTRALLY", ContinuityMessages.text("I-CON-0032"));
                } else if (!Arrays.equals(central, change.before())) {
                    conflict = new Conflict("CHANGED_CENTRALLY", ContinuityMessages.text("I-CON-0033"));
                }
            }
            default -> throw new IllegalStateException(treatment.name());
        }
        if (conflict == null) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                apply(connection, tenant, table, keyColumns, change, central, counts);
                connection.releaseSavepoint(savepoint);
                return;
            } catch (SQLException refused) {
                connection.rollback(savepoint);
                conflict = new Conflict("REFUSED", ContinuityMessages.text("I-CON-0034",
                        Objects.toString(refused.getMessage(), refused.getClass().getSimpleName())));
            }
        }
        if (record(connection, tenant, snapshot, table, keyColumns, change, central, conflict)) {
            counts.newConflicts++;
        } else {
            counts.knownConflicts++;
        }
    }

    private static void apply(Connection connection, TenantCode tenant, Table table, List<String> keyColumns,
            Change change, byte[] central, Counts counts) throws SQLException {
        switch (change.kind()) {
            case INSERT -> RowKeys.insert(connection, table, change.after());
            case UPDATE -> RowKeys.update(connection, table, tenant, keyColumns, change.after());
            case DELETE -> RowKeys.delete(connection, table, tenant, keyColumns, change.before());
            default -> throw new IllegalStateException();
        }
        counts.applied++;
    }

    record Conflict(String reason, String detail) {
    }

    /** 二重登録: a person added at the offline counter whom the centre already has under another number. */
    private static Conflict duplicatePerson(Connection connection, TenantCode tenant, Table table, byte[] row)
            throws SQLException {
        if (!table.name().equals("victim_directory_person")) {
            return null;
        }
        List<String> columns = table.columnNames();
        try (PreparedStatement select = connection.prepareStatement("SELECT atena_number FROM victim_directory_person"
                + " WHERE tenant_id = ? AND name_key = ? AND birth_date = ? AND atena_number <> ?")) {
            select.setString(1, tenant.value());
            select.setString(2, (String) RowKeys.value(row, columns, "name_key"));
            select.setString(3, (String) RowKeys.value(row, columns, "birth_date"));
            select.setString(4, (String) RowKeys.value(row, columns, "atena_number"));
            try (ResultSet found = select.executeQuery()) {
                return found.next() ? new Conflict("DUPLICATE_PERSON",
                        ContinuityMessages.text("I-CON-0035", found.getString(1))) : null;
            }
        }
    }

    /** Stores a conflict unless this snapshot's record is already listed; true when it is new. */
    static boolean record(Connection connection, TenantCode tenant, int snapshot, Table table,
            List<String> keyColumns, Change change, byte[] central, Conflict conflict) throws SQLException {
        byte[] any = change.after() != null ? change.after() : change.before();
        String key = RowKeys.of(any, table.columnNames(), keyColumns);
        try (PreparedStatement known = connection.prepareStatement("SELECT 1 FROM offline_conflict"
                + " WHERE tenant_id = ? AND snapshot_number = ? AND table_name = ? AND row_key = ?")) {
            known.setString(1, tenant.value());
            known.setInt(2, snapshot);
            known.setString(3, table.name());
            known.setString(4, key);
            try (ResultSet found = known.executeQuery()) {
                if (found.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO offline_conflict (tenant_id,"
                + " snapshot_number, table_name, row_key, change_kind, reason, detail, columns_text, offline_row,"
                + " offline_text, central_text, detected_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')")) {
            insert.setString(1, tenant.value());
            insert.setInt(2, snapshot);
            insert.setString(3, table.name());
            insert.setString(4, key);
            insert.setString(5, change.kind().name());
            insert.setString(6, conflict.reason());
            insert.setString(7, conflict.detail().length() > 1000 ? conflict.detail().substring(0, 1000) : conflict.detail());
            insert.setString(8, String.join(",", table.columnNames()));
            insert.setBytes(9, change.kind() == ChangeFile.Kind.DELETE ? change.before() : change.after());
            insert.setString(10, RowKeys.describe(change.after(), table.columnNames()));
            insert.setString(11, RowKeys.describe(central, table.columnNames()));
            insert.setObject(12, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return true;
    }

    private static void requireTenant(Table table, List<String> columns, Change change, TenantCode tenant) {
        for (byte[] row : new byte[][] {change.before(), change.after()}) {
            if (row != null && !tenant.value().equals(RowKeys.value(row, columns, table.selection().column()))) {
                throw ContinuityMessages.refusal("E-CON-0023", table.name());
            }
        }
    }

    private static boolean snapshotExists(Connection connection, TenantCode tenant, int number) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM offline_snapshot WHERE tenant_id = ? AND number = ?")) {
            select.setString(1, tenant.value());
            select.setInt(2, number);
            try (ResultSet found = select.executeQuery()) {
                return found.next();
            }
        }
    }

    /**
     * Carries out a person's decision on an open conflict, in the caller's transaction: {@code takeOffline}
     * writes the laptop's version over the centre's (only for tables that are merged at all), otherwise the
     * centre's row stays. Refused when the conflict is not open.
     */
    public static void resolve(Connection connection, TenantCode tenant, long conflictId, boolean takeOffline,
            String resolvedBy) throws SQLException {
        String tableName;
        String kind;
        String columnsText;
        byte[] offlineRow;
        String rowKey;
        try (PreparedStatement select = connection.prepareStatement("SELECT table_name, change_kind, columns_text,"
                + " offline_row, status, row_key FROM offline_conflict WHERE tenant_id = ? AND id = ?")) {
            select.setString(1, tenant.value());
            select.setLong(2, conflictId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw ContinuityMessages.refusal("E-CON-0026", conflictId);
                }
                if (!"OPEN".equals(row.getString("status"))) {
                    throw ContinuityMessages.refusal("E-CON-0027", conflictId);
                }
                tableName = row.getString("table_name");
                kind = row.getString("change_kind");
                columnsText = row.getString("columns_text");
                offlineRow = row.getBytes("offline_row");
                rowKey = row.getString("row_key");
            }
        }
        if (takeOffline) {
            if (OfflineTables.treatmentOf(tableName) != Treatment.MERGE) {
                throw ContinuityMessages.refusal("E-CON-0028", tableName);
            }
            Table live = TenantTables.discover(connection).stream().filter(table -> table.name().equals(tableName))
                    .findFirst().orElseThrow(() -> ContinuityMessages.refusal("E-CON-0009", tableName, columnsText));
            List<String> columns = List.of(columnsText.split(","));
            Table asStored = new Table(live.name(), live.selection(), columns.stream().map(live::column).toList());
            List<String> keyColumns = OfflineTables.keyColumns(connection, tableName, columns);
            if (!RowKeys.of(offlineRow, columns, keyColumns).equals(rowKey)
                    || !tenant.value().equals(RowKeys.value(offlineRow, columns, live.selection().column()))) {
                throw ContinuityMessages.refusal("E-CON-0023", tableName);
            }
            RowKeys.delete(connection, asStored, tenant, keyColumns, offlineRow);
            if (!"DELETE".equals(kind)) {
                RowKeys.insert(connection, asStored, offlineRow);
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE offline_conflict SET status = ?,"
                + " resolved_at = ?, resolved_by = ? WHERE tenant_id = ? AND id = ? AND status = 'OPEN'")) {
            update.setString(1, takeOffline ? "TAKE_OFFLINE" : "KEEP_CENTRAL");
            update.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            update.setString(3, resolvedBy);
            update.setString(4, tenant.value());
            update.setLong(5, conflictId);
            if (update.executeUpdate() != 1) {
                throw ContinuityMessages.refusal("E-CON-0027", conflictId);
            }
        }
    }
}
