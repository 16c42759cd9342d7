package jp.jichitai.cloud.migrationformat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Windows-31J as lookup tables, built once from the JDK's REPORTING decoder and encoder, so that a million
 * rows are decoded and encoded with a table lookup per character instead of a coder call per line or
 * field. The tables hold exactly what the reporting coders accept; whatever they refuse is marked
 * {@link #INVALID} / absent, and callers fall back to the coder itself to report it.
 *
 * <p>Two facts of Windows-31J let callers work on bytes without decoding (checked by {@code Cp932TablesTests}):
 * every byte below 0x80 is the ASCII character of the same value both ways, and no two-byte code decodes to
 * a character below 0x80. So a field's bytes are ASCII digits exactly when its text is, and a comma, CR or LF
 * byte is always that character, never the second byte of another.
 */
public final class Cp932Tables {

    /** Marks a byte or byte pair that is not CP932 (U+FFFF is no CP932 character). */
    public static final char INVALID = '\uFFFF';
    /** Marks a single byte that starts a two-byte character. */
    public static final char LEAD = '\uFFFE';

    /** By the first byte: the character of a one-byte code, {@link #LEAD}, or {@link #INVALID}. */
    public static final char[] SINGLE = new char[256];
    /** By both bytes (first × 256 + second): the character, or {@link #INVALID}. */
    public static final char[] DOUBLE = new char[65536];
    /** By character: its CP932 code (one byte &lt; 0x100, or two bytes), or -1 when CP932 cannot hold it. */
    public static final int[] ENCODE = new int[65536];

    static {
        Charset cp932 = Charset.forName("windows-31j");
        CharsetDecoder decoder = cp932.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        java.util.Arrays.fill(DOUBLE, INVALID);
        for (int first = 0; first < 256; first++) {
            char single = decode(decoder, new byte[] {(byte) first});
            SINGLE[first] = single;
            if (single == INVALID) {
                SINGLE[first] = decodePairs(decoder, first) ? LEAD : INVALID;
            }
        }
        encodeAll(cp932);
    }

    /**
     * Decodes the 256 pairs starting with {@code first} (a byte that is no character alone) in one stream,
     * which is what decoding each pair alone gives (Windows-31J has no shift states): a refused pair ends a
     * decoder call, is left INVALID, and decoding goes on at the next pair. True when any pair is a character.
     */
    private static boolean decodePairs(CharsetDecoder decoder, int first) {
        byte[] pairs = new byte[512];
        for (int second = 0; second < 256; second++) {
            pairs[2 * second] = (byte) first;
            pairs[2 * second + 1] = (byte) second;
        }
        ByteBuffer input = ByteBuffer.wrap(pairs);
        CharBuffer output = CharBuffer.allocate(256);
        boolean any = false;
        int pair = 0;
        while (pair < 256) {
            input.position(2 * pair);
            output.clear();
            decoder.reset();
            CoderResult result = decoder.decode(input, output, true);
            int decoded = (input.position() - 2 * pair) / 2;
            if (output.position() != decoded) {
                throw new IllegalStateException(String.format("windows-31j decodes the pairs from %02X%02X unexpectedly", first, pair));
            }
            for (int k = 0; k < decoded; k++) {
                DOUBLE[first << 8 | pair + k] = output.get(k);
            }
            any |= decoded > 0;
            pair += decoded + (result.isError() ? 1 : 0);
            if (!result.isError()) {
                break;
            }
        }
        return any;
    }

    /**
     * Encodes, in one call, every character the REPORTING encoder says it can encode ({@code canEncode}, a
     * table lookup in the JDK's double-byte encoder), and reads each character's code off the output (a
     * lead byte starts a pair). {@code Cp932TablesTests} checks the whole table against the reporting
     * encoder, character by character.
     */
    private static void encodeAll(Charset cp932) {
        CharsetEncoder encoder = cp932.newEncoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] characters = new char[65536];
        int count = 0;
        for (int c = 0; c < 65536; c++) {
            if (!Character.isSurrogate((char) c) && encoder.canEncode((char) c)) {
                characters[count++] = (char) c;
            }
        }
        ByteBuffer bytes = ByteBuffer.allocate(2 * count);
        encoder.reset();
        CoderResult result = encoder.encode(CharBuffer.wrap(characters, 0, count), bytes, true);
        if (result.isError() || encoder.flush(bytes).isError()) {
            throw new IllegalStateException("windows-31j refuses to encode what it says it can: " + result);
        }
        java.util.Arrays.fill(ENCODE, -1);
        byte[] output = bytes.array();
        int at = 0;
        for (int i = 0; i < count; i++) {
            int first = output[at++] & 0xFF;
            ENCODE[characters[i]] = SINGLE[first] == LEAD ? first << 8 | output[at++] & 0xFF : first;
        }
        if (at != bytes.position()) {
            throw new IllegalStateException("windows-31j encodes the table unexpectedly");
        }
    }

    private Cp932Tables() {
    }

    /** Decodes bytes already known to be valid CP932 into {@code target}; returns the number of chars, or -1 on a bad byte. */
    public static int decodeValid(byte[] source, int offset, int length, char[] target) {
        int out = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            int b = source[i] & 0xFF;
            char c = SINGLE[b];
            if (c == LEAD) {
                c = i + 1 < end ? DOUBLE[b << 8 | source[++i] & 0xFF] : INVALID;
            }
            if (c == INVALID) {
                return -1;
            }
            target[out++] = c;
        }
        return out;
    }

    /**
     * Whether CP932 bytes decode to exactly {@code text}, decoding on the fly without allocating: the bytes
     * are compared by the characters they stand for, so either code of a character with two codes (髙
     * EEE0 and FBFC) matches it. Bytes that do not decode match nothing.
     */
    public static boolean decodesTo(byte[] source, int offset, int end, CharSequence text) {
        int length = text.length();
        int at = 0;
        for (int i = offset; i < end; i++) {
            int b = source[i] & 0xFF;
            char c = SINGLE[b];
            if (c == LEAD) {
                c = i + 1 < end ? DOUBLE[b << 8 | source[++i] & 0xFF] : INVALID;
            }
            if (c == INVALID || at == length || text.charAt(at++) != c) {
                return false;
            }
        }
        return at == length;
    }

    /** One code through the reporting decoder, without the exception its convenience method would throw. */
    private static char decode(CharsetDecoder decoder, byte[] bytes) {
        CharBuffer chars = CharBuffer.allocate(4);
        decoder.reset();
        if (decoder.decode(ByteBuffer.wrap(bytes), chars, true).isError() || decoder.flush(chars).isError()) {
            return INVALID;
        }
        return chars.position() == 1 ? chars.get(0) : INVALID;
    }
}
