package jp.jichitai.cloud.migrationformat;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import jp.jichitai.cloud.shared.MessageId;

/**
 * Writer of a migration CSV in CP932 (Windows-31J) with CRLF line ends and no quoting. The encoding
 * (a table built from the JDK's REPORTING encoder) reports what CP932 cannot hold: such a character never silently becomes "?", it is an error naming the
 * person and the field, unless the {@link GaijiMap} gives a substitute. A field holding a comma or a line
 * break cannot be written without quoting, so it is an error too.
 */
public final class Cp932CsvWriter implements Closeable {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final MessageId UNMAPPABLE = MessageId.of("E-MIG-0301");
    private static final MessageId SEPARATOR = MessageId.of("E-MIG-0304");

    private final OutputStream out;
    private final Layout layout;
    private final String fileName;
    private final GaijiMap gaiji;
    private final MigrationProblems problems;
    private byte[] encoded = new byte[1024];
    private int length;
    private long linesWritten;

    /**
     * A writer of rows of {@code layout} to {@code out}; problems are reported under {@code fileName} with
     * the output line number.
     */
    public Cp932CsvWriter(OutputStream out, String fileName, Layout layout, GaijiMap gaiji, MigrationProblems problems) {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.fileName = fileName;
        this.layout = layout;
        this.gaiji = gaiji;
        this.problems = problems;
    }

    /** Writes the layout's column names as a header line. */
    public void writeHeader() throws IOException {
        String[] names = layout.columns().stream().map(Column::name).toArray(String[]::new);
        writeRow(names, "見出し");
    }

    /**
     * Writes one row. {@code person} names whom the row is about (e.g. the 宛名番号) in error messages.
     * Returns false, having reported why and written nothing, when a field cannot be written.
     */
    public boolean writeRow(String[] fields, String person) throws IOException {
        return writeRow(fields, person, Map.of());
    }

    /**
     * Writes one row, writing the characters in {@code alternativeCodes} with the given bytes instead of
     * the encoder's: CP932 has two codes for some characters (髙 EEE0 and FBFC), and test data must be able
     * to hold both.
     */
    public boolean writeRow(String[] fields, String person, Map<Character, byte[]> alternativeCodes) throws IOException {
        if (fields.length != layout.columnCount()) {
            throw new IllegalArgumentException(layout + " has " + layout.columnCount() + " columns, not " + fields.length);
        }
        long line = linesWritten + 1;
        length = 0;
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                put(',');
            }
            String field = fields[i] == null ? "" : gaiji.apply(fields[i]);
            if (!encodeField(field, i + 1, person, line, alternativeCodes)) {
                return false;
            }
        }
        put('\r');
        put('\n');
        out.write(encoded, 0, length);
        linesWritten++;
        return true;
    }

    /** Encodes with the table of the reporting encoder (see {@link Cp932Tables}); what it cannot hold is reported. */
    private boolean encodeField(String field, int column, String person, long line, Map<Character, byte[]> alternativeCodes) {
        int[] table = Cp932Tables.ENCODE;
        if (encoded.length < length + field.length() * 2 + 4) {
            encoded = Arrays.copyOf(encoded, Math.max(encoded.length * 2, length + field.length() * 2 + 4));
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '\r' || c == '\n') {
                problems.report(fileName, line, column, SEPARATOR, layout.column(column).name(), person);
                return false;
            }
            byte[] alternative = alternativeCodes.isEmpty() ? null : alternativeCodes.get(c);
            if (alternative != null) {
                for (byte b : alternative) {
                    encoded[length++] = b;
                }
                continue;
            }
            int code = table[c];
            if (code < 0) {
                int codePoint = field.codePointAt(i);
                problems.report(fileName, line, column, UNMAPPABLE, layout.column(column).name(), person,
                        new String(Character.toChars(codePoint)), String.format("%04X", codePoint));
                return false;
            }
            if (code > 0xFF) {
                encoded[length++] = (byte) (code >> 8);
            }
            encoded[length++] = (byte) code;
        }
        return true;
    }

    private void put(char c) {
        if (length == encoded.length) {
            encoded = Arrays.copyOf(encoded, encoded.length * 2);
        }
        encoded[length++] = (byte) c;
    }

    public long linesWritten() {
        return linesWritten;
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
