package jp.jichitai.cloud.migrationformat;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import jp.jichitai.cloud.shared.MessageId;

/**
 * Writer of a migration CSV in CP932 (Windows-31J) with CRLF line ends and no quoting. The encoding
 * (a table built from the JDK's REPORTING encoder) reports what CP932 cannot hold: such a character never silently becomes "?", it is an error naming the
 * person and the field, unless the {@link GaijiMap} gives a substitute. A field holding a comma or a line
 * break cannot be written without quoting, so it is an error too.
 *
 * <p>Rows are written whole ({@link #writeRow}) or field by field ({@link #beginRow}, {@link #text},
 * {@link #cp932}, {@link #number}, {@link #endRow}); the second way takes fields as the CP932 bytes they
 * were read as, so a million rows are written without building a String per field. Either way a row is
 * built in a large reusable buffer and dropped whole when one of its fields cannot be written.
 */
public final class Cp932CsvWriter implements Closeable {

    private static final MessageId UNMAPPABLE = MessageId.of("E-MIG-0301");
    private static final MessageId SEPARATOR = MessageId.of("E-MIG-0304");
    private static final int FLUSH_AT = 1 << 20;

    /**
     * By byte pair (first × 256 + second): the pair's character in its usual code (髙 FBFC → EEE0), or -1 for a
     * pair that needs the full path: a 外字 (which the map may replace) or no character at all. One lookup
     * instead of decoding and encoding each two-byte character of a field copied as read.
     */
    private static final int[] PAIR_IN_USUAL_CODE = new int[65536];

    static {
        for (int pair = 0; pair < PAIR_IN_USUAL_CODE.length; pair++) {
            char c = Cp932Tables.DOUBLE[pair];
            PAIR_IN_USUAL_CODE[pair] = c == Cp932Tables.INVALID || GaijiTally.isGaiji(c) || Cp932Tables.ENCODE[c] <= 0xFF
                    ? -1 : Cp932Tables.ENCODE[c];
        }
    }

    private final OutputStream out;
    private final Layout layout;
    private final String fileName;
    private final GaijiMap gaiji;
    private final boolean substitutesGaiji;
    private final MigrationProblems problems;
    private byte[] encoded = new byte[FLUSH_AT + (1 << 16)];
    private int length;
    private int rowStart;
    private int column;
    private MessageId failure;
    private int failedColumn;
    private int failedCodePoint;
    private long linesWritten;

    /**
     * A writer of rows of {@code layout} to {@code out}; problems are reported under {@code fileName} with
     * the output line number.
     */
    public Cp932CsvWriter(OutputStream out, String fileName, Layout layout, GaijiMap gaiji, MigrationProblems problems) {
        this.out = out;
        this.fileName = fileName;
        this.layout = layout;
        this.gaiji = gaiji;
        this.substitutesGaiji = !gaiji.isEmpty();
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
        beginRow();
        for (String field : fields) {
            text(field, alternativeCodes);
        }
        return endRow(() -> person);
    }

    /** Starts a row; add its fields in order, then call {@link #endRow}. */
    public void beginRow() {
        rowStart = length;
        column = 0;
        failure = null;
    }

    /** Adds a field given as text (null is empty); mapped 外字 are substituted. */
    public void text(String field) {
        text(field, Map.of());
    }

    /** Adds text, as {@link #text} does, to the end of the last field. */
    public void appendText(String text) {
        if (failure == null) {
            encode(gaiji.apply(text), Map.of());
        }
    }

    private void text(String field, Map<Character, byte[]> alternativeCodes) {
        if (startField()) {
            encode(field == null ? "" : gaiji.apply(field), alternativeCodes);
        }
    }

    /**
     * Adds a field given as valid CP932 bytes, as read: written as the text they stand for would be (mapped
     * 外字 substituted; a character with two codes in its usual code), without decoding to a String.
     */
    public void cp932(byte[] bytes, int start, int end) {
        if (startField()) {
            appendCp932(bytes, start, end);
        }
    }

    /** Adds CP932 bytes, as {@link #cp932} does, to the end of the last field. */
    public void appendCp932(byte[] bytes, int start, int end) {
        if (failure != null) {
            return;
        }
        ensureRoom(2 * (end - start));
        byte[] target = encoded;
        int at = length;
        char[] single = Cp932Tables.SINGLE;
        int[] codes = Cp932Tables.ENCODE;
        int[] usualCodes = PAIR_IN_USUAL_CODE;
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b >= 0) {
                if (b == ',' || b == '\r' || b == '\n') {
                    fail(SEPARATOR, b);
                    return;
                }
                target[at++] = b;
                continue;
            }
            char c = single[b & 0xFF];
            if (c == Cp932Tables.LEAD) {
                int pair = (b & 0xFF) << 8 | bytes[++i] & 0xFF;
                int usual = usualCodes[pair];
                if (usual >= 0) {
                    target[at++] = (byte) (usual >> 8);
                    target[at++] = (byte) usual;
                    continue;
                }
                c = Cp932Tables.DOUBLE[pair];
            }
            String substitute = substitutesGaiji && GaijiTally.isGaiji(c) ? gaiji.substituteFor(c) : null;
            if (substitute != null) {
                length = at;
                if (!encode(substitute, Map.of())) {
                    return;
                }
                ensureRoom(2 * (end - i));
                target = encoded;
                at = length;
                continue;
            }
            int code = codes[c];
            if (code < 0) {
                fail(UNMAPPABLE, c);
                return;
            }
            if (code > 0xFF) {
                target[at++] = (byte) (code >> 8);
            }
            target[at++] = (byte) code;
        }
        length = at;
    }

    /** Adds a non-negative number as ASCII digits. */
    public void number(long value) {
        if (!startField()) {
            return;
        }
        ensureRoom(20);
        if (value == 0) {
            encoded[length++] = '0';
            return;
        }
        int digits = 0;
        for (long rest = value; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = length + digits - 1; i >= length; i--) {
            encoded[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    /**
     * Ends the row: writes it and returns true, or, when a field could not be written, reports the first
     * such field (naming {@code person}, asked only then) and returns false, having written nothing.
     */
    public boolean endRow(Supplier<String> person) throws IOException {
        if (failure == null && column != layout.columnCount()) {
            throw new IllegalArgumentException(layout + " has " + layout.columnCount() + " columns, not " + column);
        }
        long line = linesWritten + 1;
        if (failure != null) {
            length = rowStart;
            String name = layout.column(failedColumn).name();
            if (failure == SEPARATOR) {
                problems.report(fileName, line, failedColumn, SEPARATOR, name, person.get());
            } else {
                problems.report(fileName, line, failedColumn, UNMAPPABLE, name, person.get(),
                        new String(Character.toChars(failedCodePoint)), String.format("%04X", failedCodePoint));
            }
            failure = null;
            return false;
        }
        ensureRoom(2);
        encoded[length++] = '\r';
        encoded[length++] = '\n';
        linesWritten++;
        if (length >= FLUSH_AT) {
            out.write(encoded, 0, length);
            length = 0;
        }
        return true;
    }

    /** Puts the comma before a field; false when the row has failed already and the field is skipped. */
    private boolean startField() {
        column++;
        if (failure != null) {
            return false;
        }
        if (column > 1) {
            ensureRoom(1);
            encoded[length++] = ',';
        }
        return true;
    }

    /** Encodes with the table of the reporting encoder (see {@link Cp932Tables}); false when a character cannot be written. */
    private boolean encode(String field, Map<Character, byte[]> alternativeCodes) {
        int[] table = Cp932Tables.ENCODE;
        ensureRoom(field.length() * 2 + 4);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '\r' || c == '\n') {
                fail(SEPARATOR, c);
                return false;
            }
            byte[] alternative = alternativeCodes.isEmpty() ? null : alternativeCodes.get(c);
            if (alternative != null) {
                ensureRoom(alternative.length + 2 * (field.length() - i));
                for (byte b : alternative) {
                    encoded[length++] = b;
                }
                continue;
            }
            int code = table[c];
            if (code < 0) {
                fail(UNMAPPABLE, field.codePointAt(i));
                return false;
            }
            if (code > 0xFF) {
                encoded[length++] = (byte) (code >> 8);
            }
            encoded[length++] = (byte) code;
        }
        return true;
    }

    private void fail(MessageId id, int codePoint) {
        failure = id;
        failedColumn = column;
        failedCodePoint = codePoint;
    }

    private void ensureRoom(int bytes) {
        if (encoded.length < length + bytes) {
            encoded = Arrays.copyOf(encoded, Math.max(encoded.length * 2, length + bytes));
        }
    }

    public long linesWritten() {
        return linesWritten;
    }

    /** Writes the rows built so far to the stream and flushes it. */
    public void flush() throws IOException {
        out.write(encoded, 0, length);
        length = 0;
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
