package jp.jichitai.cloud.migrationformat.internal;

import java.util.Arrays;
import java.util.function.Predicate;
import jp.jichitai.cloud.migrationformat.Cp932Tables;

/**
 * Remembers a check's verdict on a field by the field's CP932 bytes, for checks on text that takes few
 * distinct values over a million rows (続柄: 世帯主, 子, 妻...): a repeated value costs a hash and a byte
 * comparison instead of a String and a split. The first {@link #MOST_REMEMBERED} distinct values are kept;
 * later ones are decoded and checked each time, so garbage input cannot fill memory.
 */
public final class ByteVerdicts {

    static final int MOST_REMEMBERED = 1024;

    private final Predicate<String> check;
    private final byte[][] keys = new byte[MOST_REMEMBERED * 2][];
    private final boolean[] verdicts = new boolean[MOST_REMEMBERED * 2];
    private int size;

    public ByteVerdicts(Predicate<String> check) {
        this.check = check;
    }

    /** The check's verdict on the text of valid CP932 bytes. */
    public boolean test(byte[] bytes, int start, int end) {
        int mask = keys.length - 1;
        int slot = hash(bytes, start, end) & mask;
        while (keys[slot] != null) {
            if (sameBytes(keys[slot], bytes, start, end)) {
                return verdicts[slot];
            }
            slot = (slot + 1) & mask;
        }
        char[] chars = new char[end - start];
        int length = Cp932Tables.decodeValid(bytes, start, end - start, chars);
        boolean verdict = check.test(new String(chars, 0, Math.max(length, 0)));
        if (size < MOST_REMEMBERED) {
            keys[slot] = Arrays.copyOfRange(bytes, start, end);
            verdicts[slot] = verdict;
            size++;
        }
        return verdict;
    }

    /** A plain loop: keys are a few bytes, and C1, the setup tool's only compiler, does not vectorise Arrays.equals. */
    private static boolean sameBytes(byte[] key, byte[] bytes, int start, int end) {
        if (key.length != end - start) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != bytes[start + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] bytes, int start, int end) {
        int h = 0x811C9DC5;
        for (int i = start; i < end; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
