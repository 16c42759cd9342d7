package jp.jichitai.cloud.migration.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import jp.jichitai.cloud.migrationformat.CsvRow;

/**
 * Streams rows into PostgreSQL with {@code COPY ... FROM STDIN} (text format, UTF-8): each decoded CP932 row is
 * turned into one tab-separated line in a reusable buffer, sent a megabyte at a time while the server inserts.
 * Nothing is held per row, so a million residents load in constant memory.
 */
final class CopyRowLoader implements RowLoader {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final byte[] tenantBytes;
    private final int columns;
    private final int sealedColumn;
    private final Sealer sealer;
    private byte[] buffer = new byte[FLUSH_AT + (1 << 16)];
    private int length;
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
        // Worst case: every character takes 3 bytes of UTF-8 or 2 of an escape, plus a separator per field.
        ensureRoom(3 * (row.fieldEnd(columns) - row.fieldStart(1)) + 2 * columns + 40);
        System.arraycopy(tenantBytes, 0, buffer, length, tenantBytes.length);
        length += tenantBytes.length;
        buffer[length++] = '\t';
        appendNumber(row.lineNumber());
        for (int column = 1; column <= columns; column++) {
            buffer[length++] = '\t';
            int start = row.fieldStart(column);
            int end = row.fieldEnd(column);
            if (start == end) {
                buffer[length++] = '\\';
                buffer[length++] = 'N';
            } else if (column == sealedColumn) {
                char[] sealed = sealer.seal(row, row.field(column)).toCharArray();
                ensureRoom(3 * sealed.length);
                appendText(sealed, 0, sealed.length);
            } else {
                appendText(chars, start, end);
            }
        }
        buffer[length++] = '\n';
        loaded++;
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /** UTF-8 with COPY's text escapes; CP932 decodes to the Basic Multilingual Plane only (no surrogates). */
    private void appendText(char[] chars, int start, int end) {
        byte[] out = buffer;
        int at = length;
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { out[at++] = '\\'; out[at++] = '\\'; }
                    case '\t' -> { out[at++] = '\\'; out[at++] = 't'; }
                    case '\n' -> { out[at++] = '\\'; out[at++] = 'n'; }
                    case '\r' -> { out[at++] = '\\'; out[at++] = 'r'; }
                    default -> out[at++] = (byte) c;
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        length = at;
    }

    private void appendNumber(long value) {
        String digits = Long.toString(value);
        for (int i = 0; i < digits.length(); i++) {
            buffer[length++] = (byte) digits.charAt(i);
        }
    }

    private void ensureRoom(int bytes) {
        if (length + bytes > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
        }
    }

    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    @Override
    public void discard() throws SQLException {
        if (!discarded) {
            discarded = true;
            length = 0;
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
