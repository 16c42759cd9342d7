package jp.jichitai.cloud.setuptool.internal;

/**
 * Set of long keys without boxing, for duplicate key checks over millions of rows. Two-part keys such as
 * (宛名番号, 履歴番号) are packed with {@link #pack}: 宛名番号 has at most 15 digits (&lt; 2^50) and the
 * second part at most 4 (&lt; 2^14).
 */
public final class LongHashSet {

    private final LongIntHashMap map;

    public LongHashSet(int expected) {
        map = new LongIntHashMap(expected);
    }

    public static long pack(long fifteenDigits, long fourDigits) {
        return fifteenDigits << 14 | fourDigits;
    }

    /** Adds a key; false when it was there already. */
    public boolean add(long key) {
        return map.put(key, 1, 0) == 0;
    }

    public int size() {
        return map.size();
    }
}
