package jp.jichitai.cloud.migrationformat.internal;

/**
 * Tells a UTF-8 line from a CP932 one. Japanese text in UTF-8 is made of three-byte sequences whose
 * continuation bytes (80–BF) cannot line up by chance through a whole line of real CP932 text, so a line
 * that is valid UTF-8 and holds at least one sequence of three or more bytes is taken for UTF-8.
 */
public final class Utf8Sniffer {

    private Utf8Sniffer() {
    }

    /** The offset of the first multi-byte character if the bytes are valid UTF-8 with a 3+ byte character; else -1. */
    public static int firstMultiByteIfValidUtf8(byte[] bytes, int start, int end) {
        int first = -1;
        boolean longSequence = false;
        int i = start;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            int length;
            if (b < 0x80) {
                i++;
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
            } else {
                return -1;
            }
            if (i + length > end) {
                return -1;
            }
            for (int k = 1; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return -1;
                }
            }
            if (first < 0) {
                first = i;
            }
            longSequence |= length >= 3;
            i += length;
        }
        return longSequence ? first : -1;
    }
}
