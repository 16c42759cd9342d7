package jp.jichitai.cloud.setuptool.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.jichitai.cloud.migrationformat.Cp932Tables;

/**
 * 行政区 (districts) of data_cyonei.csv by code, looked up by the code's bytes as a million resident rows
 * hold them, without a String per lookup: a code of up to 15 ASCII digits is packed with its length into a
 * long (so {@code 000034} and {@code 34} stay different codes, as text); any other code is kept as text.
 */
public final class DistrictNames {

    private static final int MOST_PACKED_DIGITS = 15;

    private final LongIntHashMap packed = new LongIntHashMap(256);
    private final Map<String, Integer> textual = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    /** Adds a district, or renames one already added. */
    public void put(byte[] bytes, int start, int end, String name) {
        int index = indexOf(bytes, start, end);
        if (index >= 0) {
            names.set(index, name);
            return;
        }
        long key = packedKey(bytes, start, end);
        if (key >= 0) {
            packed.put(key, names.size(), -1);
        } else {
            textual.put(text(bytes, start, end), names.size());
        }
        names.add(name);
    }

    /** The index of the district with the code these CP932 bytes spell, or -1. */
    public int indexOf(byte[] bytes, int start, int end) {
        long key = packedKey(bytes, start, end);
        if (key >= 0) {
            return packed.get(key, -1);
        }
        return textual.getOrDefault(text(bytes, start, end), -1);
    }

    public String name(int index) {
        return names.get(index);
    }

    public int size() {
        return names.size();
    }

    private static long packedKey(byte[] bytes, int start, int end) {
        int length = end - start;
        if (length > MOST_PACKED_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return -1;
            }
            value = value * 10 + bytes[i] - '0';
        }
        return value << 4 | length;
    }

    private static String text(byte[] bytes, int start, int end) {
        char[] chars = new char[end - start];
        int length = Cp932Tables.decodeValid(bytes, start, end - start, chars);
        return new String(chars, 0, Math.max(length, 0));
    }
}
