package jp.jichitai.cloud.setuptool.internal;

import java.util.Arrays;
import jp.jichitai.cloud.migrationformat.LongHashSet;

/**
 * Open-addressing map from non-negative long keys (宛名番号, packed keys) to int values, without boxing:
 * a million persons cost 24 MB instead of the ~100 MB of a {@code HashMap<Long, Integer>}. Key -1 marks
 * an empty slot, so -1 itself cannot be stored.
 */
public final class LongIntHashMap {

    private static final long EMPTY = -1;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    public LongIntHashMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 4 / 3) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
    }

    /** The value for a key, or {@code missing}. */
    public int get(long key, int missing) {
        int slot = slotOf(key);
        return keys[slot] == key ? values[slot] : missing;
    }

    /** Stores a value; returns the previous one or {@code missing}. */
    public int put(long key, int value, int missing) {
        int slot = slotOf(key);
        if (keys[slot] == key) {
            int previous = values[slot];
            values[slot] = value;
            return previous;
        }
        keys[slot] = key;
        values[slot] = value;
        if (++size > (mask + 1) * 3 / 4) {
            grow();
        }
        return missing;
    }

    public int size() {
        return size;
    }

    /** How many keys satisfy the test. */
    public int countKeys(java.util.function.LongPredicate test) {
        int count = 0;
        for (long key : keys) {
            if (key != EMPTY && test.test(key)) {
                count++;
            }
        }
        return count;
    }

    private int slotOf(long key) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("-1 cannot be a key");
        }
        int slot = LongHashSet.slot(key, mask);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
