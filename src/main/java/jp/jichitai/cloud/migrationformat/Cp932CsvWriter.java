package jp.jichitai.cloud.migrationformat;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Map;
import jp.jichitai.cloud.shared.MessageId;

/**
 * Writer of a migration CSV in CP932 (Windows-31J) with CRLF line ends and no quoting. The encoder
 * REPORTS what CP932 cannot hold: such a character never silently becomes "?", it is an error naming the
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
    private final CharsetEncoder encoder = Cp932CsvReader.CP932.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private ByteBuffer encoded = ByteBuffer.allocate(1024);
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
        encoded.clear();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            String field = fields[i] == null ? "" : gaiji.apply(fields[i]);
            if (!encodeField(field, i + 1, person, line, alternativeCodes)) {
                return false;
            }
        }
        put(CRLF[0]);
        put(CRLF[1]);
        out.write(encoded.array(), 0, encoded.position());
        linesWritten++;
        return true;
    }

    private boolean encodeField(String field, int column, String person, long line, Map<Character, byte[]> alternativeCodes)
            throws IOException {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '\r' || c == '\n') {
                problems.report(fileName, line, column, SEPARATOR, layout.column(column).name(), person);
                return false;
            }
        }
        int from = 0;
        if (!alternativeCodes.isEmpty()) {
            for (int i = 0; i < field.length(); i++) {
                byte[] alternative = alternativeCodes.get(field.charAt(i));
                if (alternative != null) {
                    if (!encodeRun(field, from, i, column, person, line)) {
                        return false;
                    }
                    for (byte b : alternative) {
                        put(b);
                    }
                    from = i + 1;
                }
            }
        }
        return encodeRun(field, from, field.length(), column, person, line);
    }

    private boolean encodeRun(String field, int from, int to, int column, String person, long line) {
        if (from == to) {
            return true;
        }
        ensureRoom((to - from) * 2 + 8);
        CharBuffer input = CharBuffer.wrap(field, from, to);
        encoder.reset();
        CoderResult result = encoder.encode(input, encoded, true);
        if (!result.isError()) {
            result = encoder.flush(encoded);
        }
        if (result.isError()) {
            int at = input.position();
            int codePoint = field.codePointAt(at);
            problems.report(fileName, line, column, UNMAPPABLE, layout.column(column).name(), person,
                    new String(Character.toChars(codePoint)), String.format("%04X", codePoint));
            return false;
        }
        return true;
    }

    private void put(byte b) {
        ensureRoom(1);
        encoded.put(b);
    }

    private void ensureRoom(int bytes) {
        if (encoded.remaining() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(encoded.capacity() * 2, encoded.position() + bytes));
            encoded.flip();
            larger.put(encoded);
            encoded = larger;
        }
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
