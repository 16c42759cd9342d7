package jp.jichitai.cloud.residents.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.jichitai.cloud.shared.CopyText;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * Where the bulk loader's rows go: straight into the registry's tables with JDBC batches (the service, H2), or, for
 * a large load on PostgreSQL, with COPY, the search keys through a staging table so that they reach their index in
 * key order ({@link StagedCopy}).
 */
interface RegistryRowSink {

    /** A registry table with the columns the loader writes, and the columns of its primary key. */
    enum Table {
        CHANGE("registry_change", "tenant_id, change_id, change_kind, changed_on, notified_on, recorded_at, recorded_by, "
                + "cancels_change_id, note", "tenant_id, change_id"),
        SNAPSHOT("resident_snapshot", RegistryStore.SNAPSHOT_COLUMNS, "tenant_id, atena_number, history_number"),
        CURRENT("resident_current", "tenant_id, atena_number, history_number, household_number, resident_kind, status, "
                + "name, kana, birth_date, sex, relationship, address, building_line", "tenant_id, atena_number"),
        HOUSEHOLD("household_current", "tenant_id, household_number, history_number, head_atena_number, dissolved",
                "tenant_id, household_number"),
        HOUSEHOLD_SNAPSHOT("household_snapshot", "tenant_id, household_number, history_number, change_id, "
                + "head_atena_number, members, address, district_code, dissolved",
                "tenant_id, household_number, history_number"),
        SEARCH_KEY("resident_search_key", "tenant_id, key_kind, removed, key_value, exact_value, sort_kana, atena_number",
                "tenant_id, key_kind, removed, key_value, exact_value, sort_kana, atena_number");

        final String name;
        final String columns;
        final String primaryKey;

        Table(String name, String columns, String primaryKey) {
            this.name = name;
            this.columns = columns;
            this.primaryKey = primaryKey;
        }

        String insert() {
            return "INSERT INTO " + name + " (" + columns + ") VALUES ("
                    + RegistryStore.placeholders(columns.split(",").length) + ")";
        }
    }

    void write(Table table, List<Object[]> rows);

    /** Moves whatever is staged into the registry's tables; nothing to do when the rows went there directly. */
    default void finish() {
    }

    /**
     * Asks the sink to replace the tenant's search keys as a whole at {@link #finish()}: afterwards the tenant has
     * exactly the keys written (none if none were). True when the sink does so (the caller then leaves the tenant's
     * old keys alone instead of deleting them row by row), false when it cannot (the caller deletes them itself).
     */
    default boolean replaceSearchKeysAtFinish() {
        return false;
    }

    /** Where the writing time went (for the import's progress output); empty when not measured. */
    default String timing() {
        return "";
    }

    /** JDBC batches of a few hundred rows, in the caller's transaction. */
    static RegistryRowSink batches(JdbcTemplate template) {
        return (table, rows) -> {
            for (int from = 0; from < rows.size(); from += 500) {
                template.batchUpdate(table.insert(), rows.subList(from, Math.min(rows.size(), from + 500)));
            }
        };
    }

    /**
     * COPY, in the caller's transaction: straight into the registry's tables, except for the search keys, which go
     * into a temporary staging table (no indexes, no WAL) and from there into resident_search_key in the order of
     * its primary key, with one {@code INSERT ... SELECT ... ORDER BY} at {@link #finish()}.
     *
     * <p>Why the search keys are staged: the registry's tables are shared by all towns, so their indexes stay, and
     * rows reach them in the order the loader writes them (by household). For the snapshots, current records,
     * households and changes that order follows their keys closely (宛名番号 and 異動番号 go with the households).
     * The search keys (eight rows per resident, a seven-column primary key of text: kind, folded key, exact form,
     * reading) arrive in random key order, so every row descends to a different leaf page; once the index outgrows
     * the shared buffers each insert reads and dirties a page just evicted, and each first touch after a checkpoint
     * writes a full page image to the WAL. Session 4, 200,000 residents with JDBC batches: 1.66 million search-key
     * inserts were about 60% of the import and the import wrote 4.9 GB of WAL; inserted in key order the same rows
     * take 40% less time (measured in one transaction: 41.5 s unsorted, 24.8 s sorted, the sort 4 s of it) and the
     * import writes 1.1 GB of WAL.
     *
     * <p>Where row-level security applies to the session (the service's role), COPY into the table itself is refused,
     * so that table is staged as well.
     *
     * <p>The staging tables are dropped at the end of the transaction (commit or rollback), so a killed or voided
     * import leaves nothing behind, as before.
     *
     * <p>Where resident_search_key is partitioned by tenant (PostgreSQL, V71_1) and the session may change its
     * partitions (the tools, as the schema owner), the search keys are not staged but COPYed into a plain table of
     * their own without any index ({@code resident_search_key_t<code>_load}); {@link #finish()} builds its primary
     * key and atena index once, in key order, and swaps it in as the tenant's partition
     * ({@link #finishPartition()}). Session 8, 200,000 residents: COPY into the indexed table 16–18 s, staged and
     * sorted INSERT 20 s, COPY into the bare table and building its indexes afterwards 7.5 s; with this sink the
     * search keys' step went from 15.5 s to 4.7 s and the import from 31.9 s to 21.2 s (26.6 s instead of 50.2 s for
     * a --replace; docs/decisions/0010). The swap happens in the caller's transaction too, so a killed or voided
     * import leaves the tenant's old partition as it was.
     */
    final class StagedCopy implements RegistryRowSink {

        private static final int FLUSH_AT = 1 << 20;

        private final Connection connection;
        private final String tenant;
        private final Set<Table> staged = new LinkedHashSet<>();
        private final java.util.Map<Table, Boolean> rowSecurity = new java.util.EnumMap<>(Table.class);
        private final CopyText text = new CopyText(FLUSH_AT + (1 << 16));

        /** Whether the search keys go to a partition of their own (decided once, at first need). */
        private Boolean toPartition;
        /** Whether the load table of the tenant's partition exists (created in this transaction). */
        private boolean loadTableCreated;
        /** Whether {@link #finish()} replaces the tenant's search keys as a whole ({@link #replaceSearchKeysAtFinish()}). */
        private boolean replacingSearchKeys;

        /** The tenant's code is the only text put into a partition's name and DDL: {@link TenantCode} is six digits. */
        StagedCopy(Connection connection, TenantCode tenant) {
            this.connection = connection;
            this.tenant = tenant.value();
        }

        /**
         * PostgreSQL refuses COPY FROM into a table whose row-level security applies to the session's role (the
         * service's jc_app, for an upload); such tables are staged too, and their rows reach them by INSERT, under
         * the policy. The tools connect as the schema owner, to whom the policy does not apply.
         */
        private boolean rowSecurityApplies(Table table) throws SQLException {
            Boolean applies = rowSecurity.get(table);
            if (applies == null) {
                try (java.sql.PreparedStatement query = connection.prepareStatement("SELECT row_security_active(?)")) {
                    query.setString(1, table.name);
                    try (java.sql.ResultSet result = query.executeQuery()) {
                        result.next();
                        applies = result.getBoolean(1);
                    }
                }
                rowSecurity.put(table, applies);
            }
            return applies;
        }

        private static String stagingName(Table table) {
            return "jc_staged_" + table.name;
        }

        /** The tenant's partition of resident_search_key; the name is safe as it is (letters, digits, underscores). */
        private String partitionName() {
            return Table.SEARCH_KEY.name + "_t" + tenant;
        }

        private String loadTableName() {
            return partitionName() + "_load";
        }

        /**
         * Whether the search keys can go to a partition of their own: resident_search_key is partitioned (V71_1), its
         * row-level security does not apply to the session (COPY would be refused), and the session may attach and
         * drop its partitions (a member of its owner's role, allowed to create tables in its schema). Otherwise, for
         * the service's jc_app, they are staged and inserted through the parent, under its policy, as before.
         */
        private boolean searchKeysToPartition() throws SQLException {
            if (toPartition == null) {
                boolean possible = false;
                if (!rowSecurityApplies(Table.SEARCH_KEY)) {
                    try (java.sql.PreparedStatement query = connection.prepareStatement(
                            "SELECT c.relkind = 'p' AND pg_has_role(c.relowner, 'USAGE') "
                                    + "AND has_schema_privilege(c.relnamespace, 'CREATE') "
                                    + "FROM pg_class c WHERE c.oid = to_regclass(?)")) {
                        query.setString(1, Table.SEARCH_KEY.name);
                        try (java.sql.ResultSet result = query.executeQuery()) {
                            possible = result.next() && result.getBoolean(1);
                        }
                    }
                }
                toPartition = possible;
            }
            return toPartition;
        }

        /**
         * A plain table with the parent's columns (names, types, collations, NOT NULL), without indexes or other
         * constraints, so that COPY only appends. Created in the caller's transaction: a rollback takes it away. A
         * load table left by a committed transaction that never reached {@link #finish()} is stale.
         *
         * <p>The columns are read from the catalog rather than with {@code LIKE resident_search_key}: LIKE locks the
         * parent (ACCESS SHARE) until the transaction ends, and two imports of different towns, each holding that
         * lock while the other's swap wants an exclusive one, deadlock.
         */
        private void createLoadTable() throws SQLException {
            String columns;
            try (java.sql.PreparedStatement query = connection.prepareStatement(
                    "SELECT string_agg(format('%I %s%s%s', a.attname, format_type(a.atttypid, a.atttypmod), "
                            + "CASE WHEN a.attcollation <> t.typcollation THEN ' COLLATE ' || quote_ident(c.collname) ELSE '' END, "
                            + "CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END), ', ' ORDER BY a.attnum) "
                            + "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                            + "LEFT JOIN pg_collation c ON c.oid = a.attcollation "
                            + "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped")) {
                query.setString(1, Table.SEARCH_KEY.name);
                try (java.sql.ResultSet result = query.executeQuery()) {
                    result.next();
                    columns = result.getString(1);
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + loadTableName());
                statement.execute("CREATE TABLE " + loadTableName() + " (" + columns + ")");
            }
            loadTableCreated = true;
        }

        @Override
        public boolean replaceSearchKeysAtFinish() {
            try {
                replacingSearchKeys = searchKeysToPartition();
            } catch (SQLException e) {
                throw new IllegalStateException("checking the partitions of resident_search_key failed: " + e.getMessage(), e);
            }
            return replacingSearchKeys;
        }

        /** Nanoseconds spent in COPY (sending and the server's work) and in {@link #finish()}, for the summary. */
        private long copyNanos;
        private long finishNanos;
        /** Of {@link #finishNanos}: building the partition's indexes and swapping it in; of that, the swap alone. */
        private long partitionNanos;
        private long swapNanos;

        @Override
        public void write(Table table, List<Object[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            try {
                boolean toOwnPartition = table == Table.SEARCH_KEY && searchKeysToPartition();
                boolean staging = !toOwnPartition && (table == Table.SEARCH_KEY || rowSecurityApplies(table));
                if (toOwnPartition && !loadTableCreated) {
                    createLoadTable();
                }
                if (staging && staged.add(table)) {
                    try (Statement statement = connection.createStatement()) {
                        if (staged.size() == 1) {
                            moreTemporaryBuffers(statement);
                        }
                        // LIKE keeps the columns' types and collations, so ORDER BY sorts as the index does.
                        statement.execute("CREATE TEMPORARY TABLE " + stagingName(table) + " (LIKE " + table.name
                                + ") ON COMMIT DROP");
                    }
                }
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + (toOwnPartition ? loadTableName() : staging ? stagingName(table) : table.name)
                                + " (" + table.columns
                                + ") FROM STDIN (FORMAT text)");
                try {
                    text.clear();
                    for (Object[] row : rows) {
                        for (Object value : row) {
                            text.value(value);
                        }
                        text.endRow();
                        if (text.length() >= FLUSH_AT) {
                            send(copy);
                        }
                    }
                    send(copy);
                    copy.endCopy();
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into " + table.name + " failed: " + e.getMessage(), e);
            } finally {
                copyNanos += System.nanoTime() - started;
            }
        }

        @Override
        public String timing() {
            String timing = String.format(java.util.Locale.ROOT, "COPY %.1f 秒、一時表から索引順の書込み %.1f 秒",
                    copyNanos / 1e9, (finishNanos - partitionNanos) / 1e9);
            if (Boolean.TRUE.equals(toPartition)) {
                timing += String.format(java.util.Locale.ROOT, "、索引の作成と区画の付替え %.1f 秒（うち付替え %.2f 秒%s）",
                        partitionNanos / 1e9, swapNanos / 1e9,
                        swapLockTimeouts == 0 ? "" : "、ロック待ちのやり直し " + swapLockTimeouts + " 回");
            }
            return timing;
        }

        /**
         * Keeps a few hundred MB of staging in the server's memory rather than in temporary files. PostgreSQL only
         * allows this before the session's first use of a temporary table (a pooled connection may have used one):
         * then the default stays, under a savepoint so that the refusal does not void the transaction.
         */
        private void moreTemporaryBuffers(Statement statement) throws SQLException {
            java.sql.Savepoint savepoint = connection.setSavepoint();
            try {
                statement.execute("SET LOCAL temp_buffers = '256MB'");
                connection.releaseSavepoint(savepoint);
            } catch (SQLException tooLate) {
                connection.rollback(savepoint);
            }
        }

        private void send(CopyIn copy) throws SQLException {
            if (text.length() > 0) {
                copy.writeToCopy(text.bytes(), 0, text.length());
                text.clear();
            }
        }

        @Override
        public void finish() {
            long started = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                // The sorts of a large town's rows (search keys: about 800 MB for a million residents) in memory
                // where the server can, not in many small temporary files.
                statement.execute("SET LOCAL work_mem = '256MB'");
                for (Table table : staged) {
                    statement.executeUpdate("INSERT INTO " + table.name + " (" + table.columns + ") SELECT "
                            + table.columns + " FROM " + stagingName(table) + " ORDER BY " + table.primaryKey);
                    statement.execute("TRUNCATE " + stagingName(table));
                }
                if (loadTableCreated || replacingSearchKeys) {
                    long partitionStarted = System.nanoTime();
                    try {
                        finishPartition();
                    } finally {
                        partitionNanos += System.nanoTime() - partitionStarted;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("moving the staged registry rows failed: " + e.getMessage(), e);
            } finally {
                finishNanos += System.nanoTime() - started;
            }
        }

        /**
         * Advisory lock of the swaps of resident_search_key's partitions, one at a time for all towns. Imports of the
         * same town are serialised already (the import locks the town's register row); a swap locks the parent and
         * the DEFAULT partition as no other statement does, and two swaps of different towns taking those locks in
         * different orders (DROP: the parent; a first import: DELETE in the DEFAULT partition, then ATTACH) would
         * deadlock. Nothing of the import touches the parent or the DEFAULT partition before this lock.
         */
        private static final int PARTITION_SWAP_LOCK = "resident_search_key partition".hashCode();

        /**
         * Makes the load table the tenant's partition of resident_search_key, in the caller's transaction. First,
         * without any lock on the parent: the primary key and the atena index built once over all the rows (a
         * sort, not 1.6 million descents), a CHECK of the tenant (so that ATTACH knows every row belongs to the
         * partition without reading them), row-level security and the policy afterMigrate gives every tenant-owned
         * table (for a direct reader; jc_app reads through the parent and has no grant here), statistics (ANALYZE
         * samples; VACUUM cannot run in a transaction). Then the swap: the tenant's old partition dropped (or, for a
         * town whose keys still live in the DEFAULT partition, its rows deleted there), the load table renamed and
         * attached. Dropping takes an ACCESS EXCLUSIVE lock on the parent, and ATTACH one on the DEFAULT partition
         * (it reads it for rows of the tenant), so searches wait from there until the caller commits, which it does
         * soon after finish: about 0.16 s with 1.66 million keys of other towns in the DEFAULT partition.
         *
         * <p>The tenant code goes into names and literals of DDL, which takes no bind parameters: it is six
         * digits, as {@link TenantCode} guarantees.
         */
        private void finishPartition() throws SQLException {
            if (!loadTableCreated) {
                createLoadTable(); // replacing with no key written: the tenant's partition is empty
            }
            String load = loadTableName();
            String partition = partitionName();
            Table keys = Table.SEARCH_KEY;
            try (Statement statement = connection.createStatement()) {
                // Sorting a large town's keys for the index (about 170 MB for 1.6 million) in memory.
                statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
                statement.execute("ALTER TABLE " + load + " ADD CONSTRAINT " + load + "_pkey PRIMARY KEY ("
                        + keys.primaryKey + ")");
                statement.execute("CREATE INDEX " + load + "_atena ON " + load + " (tenant_id, atena_number)");
                statement.execute("ALTER TABLE " + load + " ADD CONSTRAINT " + load + "_tenant CHECK (tenant_id = '"
                        + tenant + "')");
                statement.execute("ALTER TABLE " + load + " ENABLE ROW LEVEL SECURITY");
                statement.execute(parentsPolicyOn(load));
                // Statistics before the first search rather than when autovacuum comes by (0.1–0.2 s for 1.66
                // million keys: a sample); they stay with the table through the rename and ATTACH.
                statement.execute("ANALYZE " + load);

                try (java.sql.PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, 0)")) {
                    lock.setInt(1, PARTITION_SWAP_LOCK);
                    lock.execute();
                }
                if (!replacingSearchKeys && tenantHasSearchKeys()) {
                    // Keys added to a town's keys (not a replacement): into the town's index, in its order.
                    statement.executeUpdate("INSERT INTO " + keys.name + " (" + keys.columns + ") SELECT " + keys.columns
                            + " FROM " + load + " ORDER BY " + keys.primaryKey);
                    statement.execute("DROP TABLE " + load);
                    loadTableCreated = false;
                    return;
                }
                long swapStarted = System.nanoTime();
                swapWithBoundedLockWaits(statement, load, partition);
                swapNanos += System.nanoTime() - swapStarted;
            }
            loadTableCreated = false;
            replacingSearchKeys = false;
        }

        /**
         * How long one try of the swap waits for its locks, how many tries, and the pause between them. While the
         * swap waits for the parent's ACCESS EXCLUSIVE lock (behind a long query of any town), every search that
         * comes after it queues behind it too: a bounded wait caps that stall for all towns, and the pause lets
         * the queued searches through before the next try. When no try gets the locks, the import fails as a
         * whole (nothing changed) with a message that says to run it again later.
         */
        static final java.time.Duration SWAP_LOCK_WAIT = java.time.Duration.ofMillis(500);
        static final int SWAP_TRIES = 6;
        static final java.time.Duration SWAP_PAUSE = java.time.Duration.ofSeconds(1);

        /** Tries of the swap that waited too long for a lock and were undone, for the summary. */
        private int swapLockTimeouts;

        /**
         * The swap itself (old partition out, load table renamed and attached), each try under a savepoint and
         * {@code lock_timeout}: a try that times out is rolled back to the savepoint, which keeps everything the
         * import did before, and tried again after a pause. The advisory lock is held throughout.
         */
        private void swapWithBoundedLockWaits(Statement statement, String load, String partition) throws SQLException {
            String old = tenantPartition();
            if (old == null) {
                // The town's keys are still in the DEFAULT partition: deleted there once, before the tries (row
                // locks only, which no search waits for; 0.94 s for 1.66 million keys), not again at each try.
                try (java.sql.PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + Table.SEARCH_KEY.name + " WHERE tenant_id = ?")) {
                    delete.setString(1, tenant);
                    delete.executeUpdate();
                }
            }
            String lockTimeout;
            try (java.sql.ResultSet result = statement.executeQuery("SELECT current_setting('lock_timeout')")) {
                result.next();
                lockTimeout = result.getString(1);
            }
            for (int attempt = 1; ; attempt++) {
                java.sql.Savepoint savepoint = connection.setSavepoint();
                try {
                    statement.execute("SET LOCAL lock_timeout = '" + SWAP_LOCK_WAIT.toMillis() + "ms'");
                    swap(statement, old, load, partition);
                    try (java.sql.PreparedStatement restore = connection.prepareStatement(
                            "SELECT set_config('lock_timeout', ?, true)")) {
                        restore.setString(1, lockTimeout);
                        restore.execute();
                    }
                    connection.releaseSavepoint(savepoint);
                    return;
                } catch (SQLException failure) {
                    if (!LOCK_NOT_AVAILABLE.equals(failure.getSQLState())) {
                        throw failure;
                    }
                    // Undoes the try and its SET LOCAL: lock_timeout is the session's again.
                    connection.rollback(savepoint);
                    swapLockTimeouts++;
                    if (attempt == SWAP_TRIES) {
                        throw RegistryService.refusal("E-RES-0086", tenant,
                                SWAP_TRIES * (SWAP_LOCK_WAIT.toMillis() + SWAP_PAUSE.toMillis()) / 1000);
                    }
                    pause();
                }
            }
        }

        private static final String LOCK_NOT_AVAILABLE = "55P03";

        private static void pause() {
            try {
                Thread.sleep(SWAP_PAUSE.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to swap the search-key partition", interrupted);
            }
        }

        /** One try: the town's old partition (if it has one) dropped, the load table renamed and attached. */
        private void swap(Statement statement, String old, String load, String partition) throws SQLException {
            Table keys = Table.SEARCH_KEY;
            if (old != null) {
                statement.execute("DROP TABLE " + old);
            }
            statement.execute("ALTER TABLE " + load + " RENAME TO " + partition);
            statement.execute("ALTER TABLE " + partition + " RENAME CONSTRAINT " + load + "_pkey TO " + partition
                    + "_pkey");
            statement.execute("ALTER INDEX " + load + "_atena RENAME TO " + partition + "_atena");
            statement.execute("ALTER TABLE " + partition + " RENAME CONSTRAINT " + load + "_tenant TO " + partition
                    + "_tenant");
            statement.execute("ALTER TABLE " + keys.name + " ATTACH PARTITION " + partition + " FOR VALUES IN ('"
                    + tenant + "')");
        }

        /**
         * The parent's {@code tenant_isolation} policy (afterMigrate gives it to every tenant-owned table), as a
         * CREATE POLICY for the load table: copied from the catalog, so that the policy is written in one place.
         */
        private String parentsPolicyOn(String load) throws SQLException {
            try (java.sql.PreparedStatement query = connection.prepareStatement(
                    "SELECT pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid) FROM pg_policy "
                            + "WHERE polrelid = to_regclass(?) AND polname = 'tenant_isolation'")) {
                query.setString(1, Table.SEARCH_KEY.name);
                try (java.sql.ResultSet policy = query.executeQuery()) {
                    if (!policy.next()) {
                        throw new IllegalStateException(Table.SEARCH_KEY.name + " has no tenant_isolation policy");
                    }
                    return "CREATE POLICY tenant_isolation ON " + load + " USING (" + policy.getString(1) + ")"
                            + (policy.getString(2) == null ? "" : " WITH CHECK (" + policy.getString(2) + ")");
                }
            }
        }

        private boolean tenantHasSearchKeys() throws SQLException {
            try (java.sql.PreparedStatement query = connection.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM " + Table.SEARCH_KEY.name + " WHERE tenant_id = ?)")) {
                query.setString(1, tenant);
                try (java.sql.ResultSet result = query.executeQuery()) {
                    result.next();
                    return result.getBoolean(1);
                }
            }
        }

        /**
         * The partition that holds exactly the tenant (whatever its name, as regclass quotes it), or null when the
         * tenant's keys are in the DEFAULT partition. A partition holding other towns too is not the tenant's own:
         * its rows are deleted instead, and ATTACH then refuses the overlap (the import fails, nothing changed).
         */
        private String tenantPartition() throws SQLException {
            try (java.sql.PreparedStatement query = connection.prepareStatement(
                    "SELECT c.oid::regclass::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                            + "WHERE i.inhparent = to_regclass(?) AND pg_get_expr(c.relpartbound, c.oid) = ?")) {
                query.setString(1, Table.SEARCH_KEY.name);
                query.setString(2, "FOR VALUES IN ('" + tenant + "')");
                try (java.sql.ResultSet result = query.executeQuery()) {
                    return result.next() ? result.getString(1) : null;
                }
            }
        }
    }
}
