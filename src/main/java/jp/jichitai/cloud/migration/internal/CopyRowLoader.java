package jp.jichitai.cloud.migration.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import jp.jichitai.cloud.migrationformat.CsvRow;
import jp.jichitai.cloud.shared.CopyText;

/**
 * Streams rows into PostgreSQL with {@code COPY ... FROM STDIN} (text format, UTF-8): each decoded CP932 row is
 * turned into one tab-separated line of UTF-8 in a reusable buffer ({@link CopyText}), sent a megabyte at a time
 * while the server inserts. Nothing is held per row, so a million residents load in constant memory.
 */
final class CopyRowLoader implements RowLoader {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final byte[] tenantBytes;
    private final int columns;
    private final int sealedColumn;
    private final Sealer sealer;
    private final CopyText text = new CopyText(FLUSH_AT + (1 << 16));
    private long loaded;
    private boolean discarded;

    CopyRowLoader(Connection connection, String tenant, MigratedTable table, Sealer sealer) throws SQLException {
        this.sealedColumn = table.sealedColumn();
        this.sealer = sealer;
        this.tenantBytes = tenant.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.columns = table.columns().size();
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table.tableName() + " (" + table.loadColumns() + ") FROM STDIN (FORMAT text)");
    }

    @Override
    public void load(CsvRow row) throws SQLException {
        if (discarded) {
            return;
        }
        char[] chars = row.chars();
        text.ascii(tenantBytes).number(row.lineNumber());
        for (int column = 1; column <= columns; column++) {
            int start = row.fieldStart(column);
            int end = row.fieldEnd(column);
            if (start == end) {
                text.nul();
            } else if (column == sealedColumn) {
                text.text(sealer.seal(row, row.field(column)));
            } else {
                text.text(chars, start, end);
            }
        }
        text.endRow();
        loaded++;
        if (text.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (text.length() > 0) {
            copy.writeToCopy(text.bytes(), 0, text.length());
            text.clear();
        }
    }

    @Override
    public void discard() throws SQLException {
        if (!discarded) {
            discarded = true;
            text.clear();
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    @Override
    public long finish() throws SQLException {
        if (discarded) {
            return 0;
        }
        flush();
        long rows = copy.endCopy();
        if (rows != loaded) {
            throw new SQLException("COPY loaded " + rows + " rows, " + loaded + " were sent");
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
