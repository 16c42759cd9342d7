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
     */
    final class StagedCopy implements RegistryRowSink {

        private static final int FLUSH_AT = 1 << 20;

        private final Connection connection;
        private final Set<Table> staged = new LinkedHashSet<>();
        private final java.util.Map<Table, Boolean> rowSecurity = new java.util.EnumMap<>(Table.class);
        private final CopyText text = new CopyText(FLUSH_AT + (1 << 16));

        StagedCopy(Connection connection) {
            this.connection = connection;
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

        /** Nanoseconds spent in COPY (sending and the server's work) and in {@link #finish()}, for the summary. */
        private long copyNanos;
        private long finishNanos;

        @Override
        public void write(Table table, List<Object[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            try {
                boolean staging = table == Table.SEARCH_KEY || rowSecurityApplies(table);
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
                        .copyIn("COPY " + (staging ? stagingName(table) : table.name) + " (" + table.columns
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
            return String.format(java.util.Locale.ROOT, "COPY %.1f 秒、一時表から索引順の書込み %.1f 秒", copyNanos / 1e9,
                    finishNanos / 1e9);
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
            } catch (SQLException e) {
                throw new IllegalStateException("moving the staged registry rows failed: " + e.getMessage(), e);
            } finally {
                finishNanos += System.nanoTime() - started;
            }
        }
    }
}
