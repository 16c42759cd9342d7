package jp.jichitai.cloud.migration.internal;

import java.sql.Connection;
import java.sql.SQLException;

import jp.jichitai.cloud.migrationformat.CsvRow;

/**
 * Writes the valid rows of one file into its table, inside the caller's transaction. Empty fields become NULL.
 * Once {@link #discard()} is called (an error makes the import void) nothing more is sent; the caller rolls back.
 */
public interface RowLoader extends AutoCloseable {

    void load(CsvRow row) throws SQLException;

    /** Stops sending rows: the import will be rolled back. */
    void discard() throws SQLException;

    /** Sends what is buffered; the rows are then in the table (uncommitted). Returns the rows loaded. */
    long finish() throws SQLException;

    @Override
    void close() throws SQLException;

    /** A loader that sends nothing, for checking the rows of an import that is void already. */
    static RowLoader none() {
        return new RowLoader() {
            @Override
            public void load(CsvRow row) {
            }

            @Override
            public void discard() {
            }

            @Override
            public long finish() {
                return 0;
            }

            @Override
            public void close() {
            }
        };
    }

    /** COPY on PostgreSQL, JDBC batches elsewhere (H2). */
    static RowLoader of(Connection connection, String tenant, MigratedTable table) throws SQLException {
        return of(connection, tenant, table, Sealer.NONE);
    }

    /** As {@link #of(Connection, String, MigratedTable)}, the table's {@link MigratedTable#sealedColumn()} sealed. */
    static RowLoader of(Connection connection, String tenant, MigratedTable table, Sealer sealer) throws SQLException {
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) && !rowSecurityActive(connection, table)) {
            return new CopyRowLoader(connection, tenant, table, sealer);
        }
        return new BatchRowLoader(connection, tenant, table, sealer);
    }

    /**
     * Whether row-level security applies to this connection's user on the table (the application's role
     * {@code jc_app}, unlike the owner the command line connects as): PostgreSQL refuses COPY FROM then.
     */
    private static boolean rowSecurityActive(Connection connection, MigratedTable table) throws SQLException {
        try (java.sql.PreparedStatement active = connection.prepareStatement("SELECT row_security_active(?::regclass)")) {
            active.setString(1, table.tableName());
            try (java.sql.ResultSet row = active.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Turns the value of a sealed column into what is stored (the 個人番号 into its cipher text). */
    @FunctionalInterface
    interface Sealer {

        Sealer NONE = (row, value) -> value;

        String seal(CsvRow row, String value);
    }
}
