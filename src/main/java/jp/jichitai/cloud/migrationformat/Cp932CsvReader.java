package jp.jichitai.cloud.migrationformat;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import jp.jichitai.cloud.migrationformat.internal.Utf8Sniffer;
import jp.jichitai.cloud.shared.MessageId;

/**
 * Streaming reader of a migration CSV in CP932 (Windows-31J): splits lines on bytes (CRLF or LF; a final
 * line break is optional), decodes each line with a decoder that REPORTS bad bytes instead of replacing
 * them, splits fields on commas (there is no quoting) and checks the field count against the layout.
 *
 * <p>Problems go to a {@link MigrationProblems} as {@code FILE:LINE:COLUMN}. A file that looks like UTF-8
 * or that ends its lines with CR alone is refused as a whole: the reader reports it and stops. 外字
 * (U+E000–U+E757) are kept and counted in a {@link GaijiTally}.
 */
public final class Cp932CsvReader implements Closeable {

    /** Windows-31J, not Shift_JIS: Shift_JIS loses ①, ㈱, 髙, 﨑 and every 外字. */
    public static final Charset CP932 = Charset.forName("windows-31j");

    private static final MessageId UTF8 = MessageId.of("E-MIG-0003");
    private static final MessageId CR_ONLY = MessageId.of("E-MIG-0004");
    private static final MessageId HEADER = MessageId.of("E-MIG-0005");
    private static final MessageId BAD_BYTES = MessageId.of("E-MIG-0006");
    private static final MessageId FIELD_COUNT = MessageId.of("E-MIG-0007");
    private static final MessageId TRAILING_COMMA = MessageId.of("E-MIG-0008");
    private static final MessageId GAIJI = MessageId.of("W-MIG-0002");

    /** What a byte at or above 0x80 is when it starts a character: one of the three kinds below. */
    private static final byte[] FIRST_BYTE_KINDS = new byte[256];
    /** What a byte pair (first × 256 + second) is: a character ({@link #CHARACTER}), a 外字 or no character. */
    private static final byte[] PAIR_KINDS = new byte[65536];
    private static final byte CHARACTER = 0;
    private static final byte GAIJI_OR_LEAD = 1;
    private static final byte NO_CHARACTER = 2;

    static {
        for (int b = 0; b < 256; b++) {
            char c = Cp932Tables.SINGLE[b];
            FIRST_BYTE_KINDS[b] = c == Cp932Tables.LEAD ? GAIJI_OR_LEAD : c == Cp932Tables.INVALID ? NO_CHARACTER : CHARACTER;
        }
        for (int pair = 0; pair < PAIR_KINDS.length; pair++) {
            char c = Cp932Tables.DOUBLE[pair];
            PAIR_KINDS[pair] = c == Cp932Tables.INVALID ? NO_CHARACTER : GaijiTally.isGaiji(c) ? GAIJI_OR_LEAD : CHARACTER;
        }
    }

    private final InputStream in;
    private final Layout layout;
    private final String fileName;
    private final boolean skipHeader;
    private final MigrationProblems problems;
    private final GaijiTally gaiji;
    private final CharsetDecoder decoder = CP932.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CsvRow row = new CsvRow();

    private byte[] buffer = new byte[1 << 20];
    private int position;
    private int limit;
    private boolean endOfFile;
    private boolean refused;
    private boolean headerSkipped;
    private boolean nonAsciiSeen;
    private boolean gaijiInLine;
    private long lineNumber;
    private long bytesConsumed;

    private Cp932CsvReader(InputStream in, Layout layout, String fileName, boolean skipHeader,
            MigrationProblems problems, GaijiTally gaiji) {
        this.in = in;
        this.layout = layout;
        this.fileName = fileName;
        this.skipHeader = skipHeader;
        this.problems = problems;
        this.gaiji = gaiji;
    }

    /** Opens a file; problems are reported under the file's name. */
    public static Cp932CsvReader open(Path file, Layout layout, boolean skipHeader, MigrationProblems problems,
            GaijiTally gaiji) throws IOException {
        return new Cp932CsvReader(Files.newInputStream(file), layout, file.getFileName().toString(), skipHeader, problems, gaiji);
    }

    /** Reads from a stream; problems are reported under {@code fileName}. */
    public static Cp932CsvReader of(InputStream in, String fileName, Layout layout, boolean skipHeader,
            MigrationProblems problems, GaijiTally gaiji) {
        return new Cp932CsvReader(in, layout, fileName, skipHeader, problems, gaiji);
    }

    /** Whether the whole file was refused (UTF-8, CR-only line ends). */
    public boolean isRefused() {
        return refused;
    }

    /** Whether a header line was skipped because of {@code --skip-header}. */
    public boolean headerSkipped() {
        return headerSkipped;
    }

    /** Bytes read so far, for progress reports. */
    public long bytesConsumed() {
        return bytesConsumed;
    }

    /**
     * The next row, or {@code null} at the end of the file. The row object is reused: it is valid until the
     * next call. A malformed row has been reported already and has no reliable fields.
     */
    public CsvRow next() throws IOException {
        while (!refused) {
            if (lineNumber > 0) {
                int end = splitNextLine(row);
                if (end == END_OF_FILE) {
                    return null;
                }
                if (end != CAREFUL) {
                    return checkedLine(end);
                }
            }
            int end = findLineEnd();
            if (end < 0) {
                return null;
            }
            int lineStart = position;
            int nextPosition = end < limit ? end + 1 : end;
            bytesConsumed += nextPosition - position;
            position = nextPosition;
            int contentEnd = end;
            if (contentEnd > lineStart && buffer[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            lineNumber++;
            if (lineNumber == 1 && skipHeader) {
                headerSkipped = true;
                continue;
            }
            row.lineEnd = nextPosition;
            if (parse(lineStart, contentEnd)) {
                return row;
            }
        }
        return null;
    }

    private static final int END_OF_FILE = -1;
    private static final int CAREFUL = -2;
    private static final int MORE = -3;

    /** The row of a line {@link #splitNextLine} has split and checked, ending at {@code end} (its LF or the limit). */
    private CsvRow checkedLine(int end) {
        CsvRow r = row;
        int lineStart = position;
        int nextPosition = end < limit ? end + 1 : end;
        bytesConsumed += nextPosition - position;
        position = nextPosition;
        lineNumber++;
        r.lineNumber = lineNumber;
        r.bytes = buffer;
        r.byteStart = lineStart;
        r.byteEnd = r.byteStarts[r.fieldCount] - 1;
        r.lineEnd = nextPosition;
        r.malformed = false;
        r.problem = null;
        r.decoded = false;
        if (gaijiInLine) {
            tallyGaiji(r);
        }
        checkFieldCount(r);
        return r;
    }

    /**
     * After line 1, the usual case in one pass over the bytes: finds the end of the next line while splitting
     * its fields and checking its bytes (see {@link #splitChecked}), filling the buffer as needed. Returns the
     * index of the line's LF (or the limit for a last line without one), {@link #END_OF_FILE}, or
     * {@link #CAREFUL} when the line needs the careful path (nothing consumed then).
     */
    private int splitNextLine(CsvRow r) throws IOException {
        while (true) {
            if (position == limit && endOfFile) {
                return END_OF_FILE;
            }
            int end = splitUpToLineEnd(r, position, endOfFile);
            if (end != MORE) {
                return end;
            }
            if (endOfFile) {
                return CAREFUL;
            }
            fill();
        }
    }

    /**
     * Splits and checks bytes from {@code start} to the next LF; {@link #MORE} when the buffer ends first (at
     * the end of the file the line ends there), {@link #CAREFUL} for a CR not before an LF, a byte the tables
     * refuse, or the file's first non-ASCII line.
     */
    private int splitUpToLineEnd(CsvRow r, int start, boolean lastLine) {
        byte[] bytes = buffer;
        byte[] firstByteKinds = FIRST_BYTE_KINDS;
        byte[] pairKinds = PAIR_KINDS;
        // Read once: only the careful path sets it, never during this loop.
        boolean nonAscii = nonAsciiSeen;
        int[] byteStarts = r.byteStarts;
        int[] charStarts = r.charStarts;
        byteStarts[0] = start;
        charStarts[0] = 0;
        int fields = 1;
        int characters = 0;
        boolean gaijiSeen = false;
        boolean control = false;
        int end = limit;
        int contentEnd = -1;
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b >= 0) {
                // ',' (2C), LF (0A), CR (0D) and the other control characters are all below '-' (2D): one
                // comparison for digits and letters, and DEL (7F) the only other one to look for.
                if (b < '-') {
                    if (b == ',') {
                        if (fields + 1 >= byteStarts.length) {
                            byteStarts = r.byteStarts = Arrays.copyOf(byteStarts, byteStarts.length * 2);
                            charStarts = r.charStarts = Arrays.copyOf(charStarts, byteStarts.length);
                        }
                        byteStarts[fields] = i + 1;
                        charStarts[fields++] = characters + 1;
                    } else if (b == '\n') {
                        contentEnd = i;
                        end = i;
                        break;
                    } else if (b == '\r') {
                        if (i + 1 == end) {
                            return MORE;
                        }
                        if (bytes[i + 1] != '\n') {
                            return CAREFUL;
                        }
                        contentEnd = i;
                        end = i + 1;
                        break;
                    } else if (b < ' ') {
                        control = true;
                    }
                } else if (b == 0x7F) {
                    control = true;
                }
            } else {
                if (!nonAscii) {
                    return CAREFUL;
                }
                byte kind = firstByteKinds[b & 0xFF];
                if (kind == GAIJI_OR_LEAD) {
                    if (++i == end) {
                        return lastLine ? CAREFUL : MORE;
                    }
                    byte pair = pairKinds[(b & 0xFF) << 8 | bytes[i] & 0xFF];
                    if (pair != CHARACTER) {
                        if (pair == NO_CHARACTER) {
                            return CAREFUL;
                        }
                        gaijiSeen = true;
                    }
                } else if (kind == NO_CHARACTER) {
                    return CAREFUL;
                }
            }
            characters++;
        }
        if (contentEnd < 0) {
            if (!lastLine) {
                return MORE;
            }
            contentEnd = end;
        }
        byteStarts[fields] = contentEnd + 1;
        charStarts[fields] = characters + 1;
        r.fieldCount = fields;
        r.charLength = characters;
        r.controlFree = !control;
        gaijiInLine = gaijiSeen;
        return end;
    }

    /** The end of the current line (index of its LF, or {@code limit} for a last line without one); -1 at the end. */
    private int findLineEnd() throws IOException {
        int scanFrom = position;
        while (true) {
            for (int i = scanFrom; i < limit; i++) {
                if (buffer[i] == '\n') {
                    return i;
                }
            }
            if (endOfFile) {
                return position < limit ? limit : -1;
            }
            int alreadyScanned = limit - position;
            fill();
            scanFrom = alreadyScanned;
        }
    }

    private void fill() throws IOException {
        int remaining = limit - position;
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, remaining);
        } else if (remaining == buffer.length) {
            byte[] larger = new byte[buffer.length * 2];
            System.arraycopy(buffer, 0, larger, 0, remaining);
            buffer = larger;
        }
        position = 0;
        limit = remaining;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfFile = true;
        } else {
            limit += read;
        }
    }

    /** Splits, decodes and checks one line; false when the line is consumed without a row (file refused). */
    private boolean parse(int start, int end) {
        CsvRow r = row;
        r.lineNumber = lineNumber;
        r.bytes = buffer;
        r.byteStart = start;
        r.byteEnd = end;
        r.malformed = false;
        r.problem = null;
        if (lineNumber == 1 && end - start >= 3 && (buffer[start] & 0xFF) == 0xEF && (buffer[start + 1] & 0xFF) == 0xBB
                && (buffer[start + 2] & 0xFF) == 0xBF) {
            refuse(1, UTF8);
            return false;
        }
        if (!splitChecked(r, start, end) && !splitAndDecode(r, start, end)) {
            return !refused;
        }
        if (lineNumber == 1 && !isDigits(r, 1)) {
            problems.report(fileName, lineNumber, 1, HEADER, r.field(1));
            r.malformed = true;
            r.problem = HEADER;
            return true;
        }
        return checkFieldCount(r);
    }

    /** Marks and reports a row whose field count is not the layout's; true (the row is returned either way). */
    private boolean checkFieldCount(CsvRow r) {
        int fields = r.fieldCount;
        if (fields != layout.columnCount()) {
            boolean trailingComma = fields == layout.columnCount() + 1 && r.isEmpty(fields);
            int column = Math.min(fields, layout.columnCount()) + 1;
            r.problem = trailingComma ? TRAILING_COMMA : FIELD_COUNT;
            problems.report(fileName, lineNumber, column, r.problem, layout.columnCount(), fields);
            r.malformed = true;
            return true;
        }
        return true;
    }

    /**
     * The usual case in one pass over the bytes and without decoding: splits the fields (bytes and character
     * offsets) and checks that every byte is CP932 with the tables. False, having changed nothing that
     * matters, when the line needs the careful path: a CR, a byte the tables refuse, or the file's first
     * non-ASCII line (which is checked for UTF-8).
     */
    private boolean splitChecked(CsvRow r, int start, int end) {
        byte[] bytes = buffer;
        char[] single = Cp932Tables.SINGLE;
        char[] pairs = Cp932Tables.DOUBLE;
        int[] byteStarts = r.byteStarts;
        int[] charStarts = r.charStarts;
        byteStarts[0] = start;
        charStarts[0] = 0;
        int fields = 1;
        int characters = 0;
        boolean gaijiSeen = false;
        boolean control = false;
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b >= 0) {
                if (b == ',') {
                    if (fields + 1 >= byteStarts.length) {
                        byteStarts = r.byteStarts = Arrays.copyOf(byteStarts, byteStarts.length * 2);
                        charStarts = r.charStarts = Arrays.copyOf(charStarts, byteStarts.length);
                    }
                    byteStarts[fields] = i + 1;
                    charStarts[fields++] = characters + 1;
                } else if (b == '\r') {
                    return false;
                } else if (b < ' ' || b == 0x7F) {
                    control = true;
                }
            } else {
                if (!nonAsciiSeen) {
                    return false;
                }
                char c = single[b & 0xFF];
                if (c == Cp932Tables.LEAD) {
                    if (++i == end) {
                        return false;
                    }
                    c = pairs[(b & 0xFF) << 8 | bytes[i] & 0xFF];
                    gaijiSeen |= GaijiTally.isGaiji(c);
                }
                if (c == Cp932Tables.INVALID) {
                    return false;
                }
            }
            characters++;
        }
        byteStarts[fields] = end + 1;
        charStarts[fields] = characters + 1;
        r.fieldCount = fields;
        r.charLength = characters;
        r.controlFree = !control;
        r.decoded = false;
        if (gaijiSeen) {
            tallyGaiji(r);
        }
        return true;
    }

    /**
     * The careful path (see {@link #splitChecked}): splits on bytes, refuses CR-only line ends and UTF-8,
     * then decodes the line, reporting the first bad byte. False when the line is refused or malformed.
     */
    private boolean splitAndDecode(CsvRow r, int start, int end) {
        r.decoded = true;
        r.controlFree = false;
        // A comma or CR can never be the second byte of a CP932 character, so bytes can be split before decoding.
        int fields = 1;
        int[] byteStarts = r.byteStarts;
        byteStarts[0] = start;
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            byte b = buffer[i];
            if (b == ',') {
                if (fields + 1 >= byteStarts.length) {
                    byteStarts = r.byteStarts = Arrays.copyOf(byteStarts, byteStarts.length * 2);
                }
                byteStarts[fields++] = i + 1;
            } else if (b == '\r') {
                refuse(0, CR_ONLY);
                return false;
            } else if (b < 0) {
                ascii = false;
            }
        }
        byteStarts[fields] = end + 1;
        r.fieldCount = fields;
        if (r.charStarts.length < byteStarts.length) {
            r.charStarts = new int[byteStarts.length];
        }
        if (!ascii && !nonAsciiSeen) {
            nonAsciiSeen = true;
            int utf8At = Utf8Sniffer.firstMultiByteIfValidUtf8(buffer, start, end);
            if (utf8At >= 0) {
                refuse(r.fieldAtByte(utf8At), UTF8);
                return false;
            }
        }
        if (ascii) {
            copyAscii(r, start, end, fields);
        } else if (!decode(r, start, end)) {
            r.malformed = true;
            r.problem = BAD_BYTES;
            return false;
        }
        return true;
    }

    private static void copyAscii(CsvRow r, int start, int end, int fields) {
        int length = end - start;
        if (r.chars.length < length) {
            r.chars = new char[Math.max(length, r.chars.length * 2)];
        }
        char[] chars = r.chars;
        byte[] bytes = r.bytes;
        for (int i = 0; i < length; i++) {
            chars[i] = (char) bytes[start + i];
        }
        r.charLength = length;
        for (int i = 0; i <= fields; i++) {
            r.charStarts[i] = r.byteStarts[i] - start;
        }
    }

    /**
     * Decodes a line with the tables built from the reporting decoder, splitting fields and counting 外字 in
     * the same pass; on a byte the tables do not hold, the reporting decoder itself finds and reports it.
     */
    private boolean decode(CsvRow r, int start, int end) {
        int length = end - start;
        if (r.chars.length < length) {
            r.chars = new char[Math.max(length, r.chars.length * 2)];
        }
        char[] chars = r.chars;
        byte[] bytes = buffer;
        char[] single = Cp932Tables.SINGLE;
        char[] pairs = Cp932Tables.DOUBLE;
        int[] charStarts = r.charStarts;
        int field = 1;
        charStarts[0] = 0;
        int out = 0;
        boolean gaijiSeen = false;
        for (int i = start; i < end; i++) {
            int b = bytes[i] & 0xFF;
            char c = single[b];
            if (c == Cp932Tables.LEAD) {
                c = i + 1 < end ? pairs[b << 8 | bytes[++i] & 0xFF] : Cp932Tables.INVALID;
                if (c == Cp932Tables.INVALID) {
                    return reportBadBytes(r, start, end);
                }
                gaijiSeen |= GaijiTally.isGaiji(c);
            } else if (c == Cp932Tables.INVALID) {
                return reportBadBytes(r, start, end);
            } else if (c == ',') {
                charStarts[field++] = out + 1;
            }
            chars[out++] = c;
        }
        r.charLength = out;
        charStarts[field] = out + 1;
        if (gaijiSeen) {
            tallyGaiji(r);
        }
        return true;
    }

    private boolean reportBadBytes(CsvRow r, int start, int end) {
        ByteBuffer input = ByteBuffer.wrap(buffer, start, end - start);
        CharBuffer output = CharBuffer.allocate(end - start + 1);
        decoder.reset();
        CoderResult result = decoder.decode(input, output, true);
        if (!result.isError()) {
            result = decoder.flush(output);
        }
        int badAt = input.position();
        int badLength = result.isError() ? result.length() : 1;
        StringBuilder hex = new StringBuilder();
        for (int i = badAt; i < Math.min(end, badAt + Math.max(badLength, 2)); i++) {
            hex.append(String.format("%02X", buffer[i] & 0xFF));
        }
        int column = r.fieldAtByte(badAt);
        problems.report(fileName, lineNumber, column, BAD_BYTES, columnName(column), hex);
        return false;
    }

    private void tallyGaiji(CsvRow r) {
        char[] chars = r.chars();
        int field = 1;
        for (int i = 0; i < r.charLength; i++) {
            char c = chars[i];
            if (c == ',') {
                field++;
            } else if (GaijiTally.isGaiji(c)) {
                if (gaiji.record(c, lineNumber, field)) {
                    problems.report(fileName, lineNumber, field, GAIJI, columnName(field), String.format("%04X", (int) c));
                }
            }
        }
    }

    private String columnName(int column) {
        return column >= 1 && column <= layout.columnCount() ? layout.column(column).name() : "項目" + column;
    }

    private static boolean isDigits(CsvRow r, int number) {
        if (r.isEmpty(number)) {
            return false;
        }
        byte[] bytes = r.bytes;
        for (int i = r.fieldByteStart(number), end = r.fieldByteEnd(number); i < end; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private void refuse(int column, MessageId id) {
        refused = true;
        problems.report(fileName, lineNumber, column, id);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
