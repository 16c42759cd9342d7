package jp.jichitai.cloud.migrationformat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * Windows-31J as lookup tables, built once from the JDK's REPORTING decoder and encoder, so that a million
 * rows are decoded and encoded with a table lookup per character instead of a coder call per line or
 * field. The tables hold exactly what the reporting coders accept; whatever they refuse is marked
 * {@link #INVALID} / absent, and callers fall back to the coder itself to report it.
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
                boolean lead = false;
                for (int second = 0; second < 256; second++) {
                    char c = decode(decoder, new byte[] {(byte) first, (byte) second});
                    DOUBLE[first << 8 | second] = c;
                    lead |= c != INVALID;
                }
                SINGLE[first] = lead ? LEAD : INVALID;
            }
        }
        CharsetEncoder encoder = cp932.newEncoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int c = 0; c < 65536; c++) {
            ENCODE[c] = -1;
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            try {
                ByteBuffer bytes = encoder.reset().encode(CharBuffer.wrap(new char[] {(char) c}));
                ENCODE[c] = bytes.remaining() == 1 ? bytes.get(0) & 0xFF : (bytes.get(0) & 0xFF) << 8 | bytes.get(1) & 0xFF;
            } catch (CharacterCodingException e) {
                ENCODE[c] = -1;
            }
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

    private static char decode(CharsetDecoder decoder, byte[] bytes) {
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes));
            return chars.length() == 1 ? chars.get(0) : INVALID;
        } catch (CharacterCodingException e) {
            return INVALID;
        }
    }
}
