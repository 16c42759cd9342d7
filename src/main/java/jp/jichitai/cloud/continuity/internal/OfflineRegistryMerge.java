package jp.jichitai.cloud.continuity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import jp.jichitai.cloud.audit.AuditChains;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.continuity.internal.ChangeFile.Change;
import jp.jichitai.cloud.continuity.internal.TenantTables.Table;
import jp.jichitai.cloud.residents.ChangeKind;
import jp.jichitai.cloud.residents.registry.OfflineChangeReplay;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * 住民異動 made at an offline counter, merged: each laptop 異動 (in the laptop's order) is replayed through the
 * registry's own use case ({@link OfflineChangeReplay}) when the people and households it touches are at the centre
 * still as in the snapshot (or as an earlier replay of the same laptop left them). Otherwise — changed at the centre
 * meanwhile, refused by the registry's rules, a kind that is not replayed, or waiting for an earlier laptop 異動 on
 * the same people that is itself a conflict — it becomes a conflict for a person, and nothing of it is applied.
 * The rows the laptop's registry wrote are never copied: snapshots, current records, search keys and counters are
 * the centre's own, written by the replay.
 */
final class OfflineRegistryMerge {

    private final Connection connection;
    private final TenantCode tenant;
    private final int snapshot;
    private final Supplier<OfflineChangeReplay> replays;

    private Table changeTable;
    private List<String> changeKeyColumns;
    private final Map<Long, Change> changes = new TreeMap<>();
    private final Map<Long, List<Map<String, Object>>> residentRows = new HashMap<>();
    /** 履歴番号 of each person and household in the snapshot (the laptop's "before" of its current records). */
    private final Map<String, Integer> residentBase = new HashMap<>();
    private final Map<String, String> residentHouseholdBase = new HashMap<>();
    private final Map<String, Integer> householdBase = new HashMap<>();

    OfflineRegistryMerge(Connection connection, TenantCode tenant, int snapshot, Supplier<OfflineChangeReplay> replays) {
        this.connection = connection;
        this.tenant = tenant;
        this.snapshot = snapshot;
        this.replays = replays;
    }

    static boolean isRegistryTable(String table) {
        return OfflineChangeReplay.TABLES.contains(table);
    }

    /**
     * Takes a changed row of a registry table; false when it is not one a replay can use (to be listed for review).
     * Derived rows (search keys, counters, household snapshots, new current records) are taken and dropped.
     */
    boolean take(Table table, List<String> keyColumns, Change change) {
        List<String> columns = table.columnNames();
        switch (table.name()) {
            case "registry_change" -> {
                if (change.kind() != ChangeFile.Kind.INSERT) {
                    return false;
                }
                changeTable = table;
                changeKeyColumns = keyColumns;
                changes.put(((Number) RowKeys.value(change.after(), columns, "change_id")).longValue(), change);
            }
            case "resident_snapshot" -> {
                if (change.kind() != ChangeFile.Kind.INSERT) {
                    return false;
                }
                Map<String, Object> row = map(change.after(), columns);
                residentRows.computeIfAbsent(((Number) row.get("change_id")).longValue(), id -> new ArrayList<>()).add(row);
            }
            case "resident_current" -> {
                if (change.before() != null) {
                    Map<String, Object> before = map(change.before(), columns);
                    residentBase.put((String) before.get("atena_number"), ((Number) before.get("history_number")).intValue());
                    residentHouseholdBase.put((String) before.get("atena_number"), (String) before.get("household_number"));
                }
            }
            case "household_current" -> {
                if (change.before() != null) {
                    Map<String, Object> before = map(change.before(), columns);
                    householdBase.put((String) before.get("household_number"), ((Number) before.get("history_number")).intValue());
                }
            }
            default -> {
                // derived from the change: written by the replay, not copied
            }
        }
        return true;
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    /** What the replays did; each laptop 異動 counts once. */
    record Counts(int applied, int alreadyApplied, int newConflicts, int knownConflicts) {
    }

    /** Replays the laptop's 異動 in its order; {@code laptopLog} is the laptop's アクセスログ (for the actor's role). */
    Counts replay(Table auditTable, List<byte[]> laptopLog) throws SQLException {
        Map<Long, Long> replayed = replayedBefore();
        Map<String, String> numbers = numbersBefore();
        Set<Long> ours = new HashSet<>(replayed.values());
        // laptop 宛名番号/世帯番号 → the laptop 異動番号 of the conflict they wait for
        Map<String, Long> blocked = new HashMap<>();
        int applied = 0;
        int already = 0;
        int newConflicts = 0;
        int knownConflicts = 0;
        OfflineChangeReplay replay = null;
        for (Map.Entry<Long, Change> entry : changes.entrySet()) {
            long laptopId = entry.getKey();
            Change change = entry.getValue();
            if (replayed.containsKey(laptopId)) {
                already++;
                continue;
            }
            Map<String, Object> changeRow = map(change.after(), changeTable.columnNames());
            List<Map<String, Object>> rows = residentRows.getOrDefault(laptopId, List.of());
            OfflineChangeReplay.RecordedOffline offline = new OfflineChangeReplay.RecordedOffline(changeRow, rows);
            ChangeKind kind = offline.kind();
            Set<String> touched = touched(offline);
            OfflineMerger.Conflict conflict = null;
            if (conflictListed(change)) {
                conflict = new OfflineMerger.Conflict("KNOWN", "");
            } else if (touched.stream().anyMatch(blocked::containsKey)) {
                long earlier = touched.stream().filter(blocked::containsKey).map(blocked::get).min(Long::compare).orElseThrow();
                conflict = new OfflineMerger.Conflict("DEPENDS_ON_CONFLICT",
                        ContinuityMessages.text("I-CON-0039", earlier, kind.japanese()));
            } else if (rows.isEmpty()) {
                conflict = new OfflineMerger.Conflict("NOT_MERGEABLE", ContinuityMessages.text("I-CON-0038", kind.japanese()));
            } else {
                if (replay == null) {
                    replay = replays.get();
                }
                Map<String, Integer> residents = new LinkedHashMap<>();
                Map<String, Integer> households = new LinkedHashMap<>();
                for (String number : touched) {
                    if (number.startsWith(OfflineChangeReplay.ATENA)) {
                        String atena = number.substring(OfflineChangeReplay.ATENA.length());
                        if (residentBase.containsKey(atena) && !numbers.containsKey(number)) {
                            residents.put(atena, residentBase.get(atena));
                        }
                    } else {
                        String household = number.substring(OfflineChangeReplay.HOUSEHOLD.length());
                        if (householdBase.containsKey(household) && !numbers.containsKey(number)) {
                            households.put(household, householdBase.get(household));
                        }
                    }
                }
                Set<Long> meanwhile = replay.changedSince(residents, households, ours);
                if (!meanwhile.isEmpty()) {
                    conflict = new OfflineMerger.Conflict("CHANGED_CENTRALLY", ContinuityMessages.text("I-CON-0036",
                            meanwhile.stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow(),
                            kind.japanese()));
                } else {
                    Savepoint savepoint = connection.setSavepoint();
                    OfflineChangeReplay.Outcome outcome = replay.replay(offline, numbers);
                    if (outcome instanceof OfflineChangeReplay.Applied done) {
                        connection.releaseSavepoint(savepoint);
                        remember(laptopId, done);
                        ours.add(done.receipt().changeId());
                        numbers.putAll(done.newNumbers());
                        audit(offline, done, auditTable, laptopLog);
                        applied++;
                        continue;
                    }
                    connection.rollback(savepoint);
                    conflict = outcome instanceof OfflineChangeReplay.Refused refused
                            ? new OfflineMerger.Conflict("REFUSED", ContinuityMessages.text("I-CON-0037", refused.messageId(), refused.message()))
                            : outcome instanceof OfflineChangeReplay.NotReplayable not
                                    && not.why() == OfflineChangeReplay.Why.NUMBER_UNREADABLE
                            ? new OfflineMerger.Conflict("NOT_MERGEABLE", ContinuityMessages.text("I-CON-0040", kind.japanese()))
                            : new OfflineMerger.Conflict("NOT_MERGEABLE", ContinuityMessages.text("I-CON-0038", kind.japanese()));
                }
            }
            // Later laptop 異動 on the same people or households build on this one: they wait with it.
            touched.forEach(number -> blocked.putIfAbsent(number, laptopId));
            if (conflict.reason().equals("KNOWN")) {
                knownConflicts++;
                continue;
            }
            String people = String.join("、", rows.stream().map(row -> (String) row.get("name")).distinct().toList());
            OfflineMerger.Conflict listed = new OfflineMerger.Conflict(conflict.reason(), conflict.detail()
                    + (people.isEmpty() ? "" : "（対象: " + people + "）"));
            if (OfflineMerger.record(connection, tenant, snapshot, changeTable, changeKeyColumns, change, null, listed)) {
                newConflicts++;
            } else {
                knownConflicts++;
            }
        }
        appendAuditEntries();
        return new Counts(applied, already, newConflicts, knownConflicts);
    }

    /** An アクセスログ entry of a replayed change, appended after the last change ({@link #appendAuditEntries()}). */
    private record AuditEntry(Instant occurredAt, String actor, String role, String target, String query,
            String clientAddress) {
    }

    private final List<AuditEntry> auditEntries = new ArrayList<>();

    /**
     * Appends the replayed changes' entries, in the order of replay, once all changes are replayed: the first
     * append locks the town's audit chain head until the merge commits, and the town's audited requests (on the
     * audit pool that every town shares, decision 0008) would otherwise wait for the rest of the replay.
     */
    private void appendAuditEntries() throws SQLException {
        for (AuditEntry entry : auditEntries) {
            AuditChains.appendAt(connection, tenant.value(), entry.occurredAt(), entry.actor(), entry.role(),
                    "resident.change", entry.target(), entry.query(), entry.clientAddress(), AuditEvent.Outcome.SUCCESS);
        }
        auditEntries.clear();
    }

    /** The laptop's numbers of the people and households a change touches, before and after it. */
    private Set<String> touched(OfflineChangeReplay.RecordedOffline offline) {
        Set<String> touched = new java.util.LinkedHashSet<>();
        for (String atena : offline.residents()) {
            touched.add(OfflineChangeReplay.ATENA + atena);
            String before = residentHouseholdBase.get(atena);
            if (before != null) {
                touched.add(OfflineChangeReplay.HOUSEHOLD + before);
            }
        }
        offline.households().forEach(household -> touched.add(OfflineChangeReplay.HOUSEHOLD + household));
        return touched;
    }

    private boolean conflictListed(Change change) throws SQLException {
        try (PreparedStatement known = connection.prepareStatement("SELECT 1 FROM offline_conflict"
                + " WHERE tenant_id = ? AND snapshot_number = ? AND table_name = ? AND row_key = ?")) {
            known.setString(1, tenant.value());
            known.setInt(2, snapshot);
            known.setString(3, changeTable.name());
            known.setString(4, RowKeys.of(change.after(), changeTable.columnNames(), changeKeyColumns));
            try (ResultSet found = known.executeQuery()) {
                return found.next();
            }
        }
    }

    private Map<Long, Long> replayedBefore() throws SQLException {
        Map<Long, Long> replayed = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT offline_change_id, central_change_id"
                + " FROM offline_registry_change WHERE tenant_id = ? AND snapshot_number = ?")) {
            select.setString(1, tenant.value());
            select.setInt(2, snapshot);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    replayed.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return replayed;
    }

    private Map<String, String> numbersBefore() throws SQLException {
        Map<String, String> numbers = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT number_kind, offline_number, central_number"
                + " FROM offline_registry_number WHERE tenant_id = ? AND snapshot_number = ?")) {
            select.setString(1, tenant.value());
            select.setInt(2, snapshot);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    numbers.put(rows.getString(1) + ":" + rows.getString(2), rows.getString(3));
                }
            }
        }
        return numbers;
    }

    private void remember(long laptopId, OfflineChangeReplay.Applied done) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO offline_registry_change (tenant_id,"
                + " snapshot_number, offline_change_id, central_change_id, merged_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, tenant.value());
            insert.setInt(2, snapshot);
            insert.setLong(3, laptopId);
            insert.setLong(4, done.receipt().changeId());
            insert.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        for (Map.Entry<String, String> number : done.newNumbers().entrySet()) {
            int colon = number.getKey().indexOf(':');
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO offline_registry_number (tenant_id,"
                    + " snapshot_number, number_kind, offline_number, central_number) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, tenant.value());
                insert.setInt(2, snapshot);
                insert.setString(3, number.getKey().substring(0, colon));
                insert.setString(4, number.getKey().substring(colon + 1));
                insert.setString(5, number.getValue());
                insert.executeUpdate();
            }
        }
    }

    /**
     * アクセスログ (appended after the last change): the replayed change, with the laptop clerk as actor and the laptop's time, marked
     * {@code offline:N:change:ID} (the laptop's 異動番号) beside the laptop's own entries.
     */
    private void audit(OfflineChangeReplay.RecordedOffline offline, OfflineChangeReplay.Applied done, Table auditTable,
            List<byte[]> laptopLog) throws SQLException {
        Object recordedAt = offline.change().get("recorded_at");
        Instant occurredAt = recordedAt instanceof OffsetDateTime time ? time.toInstant()
                : recordedAt == null ? Instant.now() : Instant.parse(String.valueOf(recordedAt));
        String role = "CLERK";
        String laptopQuery = offline.kind().japanese() + " 異動番号 " + offline.changeId();
        if (auditTable != null) {
            List<String> columns = auditTable.columnNames();
            for (byte[] row : laptopLog) {
                if ("resident.change".equals(RowKeys.value(row, columns, "action"))
                        && laptopQuery.equals(RowKeys.value(row, columns, "query_text"))) {
                    role = (String) RowKeys.value(row, columns, "actor_role");
                }
            }
        }
        List<String> targets = done.receipt().residents().stream().map(atena -> atena.value()).sorted(Comparator.naturalOrder())
                .toList();
        String target = "atena:" + String.join(",", targets);
        auditEntries.add(new AuditEntry(occurredAt, offline.recordedBy(), role,
                target.length() > 190 ? target.substring(0, 180) + "..." : target,
                offline.kind().japanese() + " 異動番号 " + done.receipt().changeId() + "（オフライン スナップショット第"
                        + snapshot + "号の異動番号 " + offline.changeId() + " を反映）",
                "offline:" + snapshot + ":change:" + offline.changeId()));
    }

    private static Map<String, Object> map(byte[] row, List<String> columns) {
        Object[] values = RowCodec.decode(row, columns.size());
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i), values[i]);
        }
        return map;
    }
}
