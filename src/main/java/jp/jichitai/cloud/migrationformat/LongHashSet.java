package jp.jichitai.cloud.migrationformat;

import java.util.Arrays;

/**
 * Set of long keys without boxing (8 bytes a slot), for duplicate key checks over millions of rows.
 * Two-part keys such as (宛名番号, 履歴番号) are packed with {@link #pack}: 宛名番号 has at most 15 digits
 * (&lt; 2^50, and never 2^50 − 1) in the low bits and the second part at most 4 (&lt; 2^14) above them, so
 * the packed value is never -1, the empty mark.
 */
public final class LongHashSet {

    private static final long EMPTY = -1;

    private long[] keys;
    private int size;
    private int mask;

    public LongHashSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 4 / 3) - 1) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
    }

    public static long pack(long fifteenDigits, long fourDigits) {
        return fourDigits << 50 | fifteenDigits;
    }

    /**
     * The slot of a key in a table of {@code mask + 1} slots. Migration files come sorted by 宛名番号, so
     * neighbouring keys are kept in neighbouring slots (the low 20 bits are added as they are) and the table
     * is walked almost in order instead of with a cache miss per row; the higher bits are spread by a
     * multiplication, so keys that differ only there do not pile up.
     */
    public static int slot(long key, int mask) {
        return (int) (key + (key >>> 20) * 0x9E3779B97F4A7C15L) & mask;
    }

    /** Adds a key; false when it was there already. */
    public boolean add(long key) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("-1 cannot be a key");
        }
        int slot = slotOf(keys, mask, key);
        if (keys[slot] == key) {
            return false;
        }
        keys[slot] = key;
        if (++size > (mask + 1) * 3 / 4) {
            grow();
        }
        return true;
    }

    public int size() {
        return size;
    }

    public boolean contains(long key) {
        return key != EMPTY && keys[slotOf(keys, mask, key)] == key;
    }

    /** Whether any key of this set is in {@code other} too. */
    public boolean sharesKeyWith(LongHashSet other) {
        for (long key : keys) {
            if (key != EMPTY && other.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private static int slotOf(long[] keys, int mask, long key) {
        int slot = slot(key, mask);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] larger = new long[keys.length * 2];
        Arrays.fill(larger, EMPTY);
        int largerMask = larger.length - 1;
        for (long key : keys) {
            if (key != EMPTY) {
                larger[slotOf(larger, largerMask, key)] = key;
            }
        }
        keys = larger;
        mask = largerMask;
    }
}
