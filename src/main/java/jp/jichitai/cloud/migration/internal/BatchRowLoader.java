package jp.jichitai.cloud.migration.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import jp.jichitai.cloud.migrationformat.CsvRow;

/** Loads rows with JDBC batches of prepared inserts (H2, or any database without COPY). */
final class BatchRowLoader implements RowLoader {

    private static final int BATCH = 1000;

    private final PreparedStatement insert;
    private final String tenant;
    private final int columns;
    private final int sealedColumn;
    private final Sealer sealer;
    private int pending;
    private long loaded;
    private boolean discarded;

    BatchRowLoader(Connection connection, String tenant, MigratedTable table, Sealer sealer) throws SQLException {
        this.tenant = tenant;
        this.sealedColumn = table.sealedColumn();
        this.sealer = sealer;
        this.columns = table.columns().size();
        this.insert = connection.prepareStatement("INSERT INTO " + table.tableName() + " (" + table.loadColumns()
                + ") VALUES (" + "?, ".repeat(columns + 1) + "?)");
    }

    @Override
    public void load(CsvRow row) throws SQLException {
        if (discarded) {
            return;
        }
        insert.setString(1, tenant);
        insert.setLong(2, row.lineNumber());
        for (int column = 1; column <= columns; column++) {
            if (row.isEmpty(column)) {
                insert.setNull(column + 2, Types.VARCHAR);
            } else if (column == sealedColumn) {
                insert.setString(column + 2, sealer.seal(row, row.field(column)));
            } else {
                insert.setString(column + 2, row.field(column));
            }
        }
        insert.addBatch();
        if (++pending == BATCH) {
            insert.executeBatch();
            loaded += pending;
            pending = 0;
        }
    }

    @Override
    public void discard() throws SQLException {
        discarded = true;
        insert.clearBatch();
        pending = 0;
    }

    @Override
    public long finish() throws SQLException {
        if (!discarded && pending > 0) {
            insert.executeBatch();
            loaded += pending;
            pending = 0;
        }
        return loaded;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
