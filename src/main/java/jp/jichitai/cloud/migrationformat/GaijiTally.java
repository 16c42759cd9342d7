package jp.jichitai.cloud.migrationformat;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * 外字 (user-defined characters) seen in a file: CP932 F040–F9FC, decoded to U+E000–U+E757. They are kept
 * as read; this tally lets the summary list each code point with its count and first place.
 */
public final class GaijiTally {

    /** First code point of the CP932 user-defined area in Unicode. */
    public static final int FIRST = 0xE000;
    /** Last code point of the CP932 user-defined area in Unicode (F9FC). */
    public static final int LAST = 0xE757;

    /** Where a 外字 was first seen and how often. */
    public record Occurrence(int codePoint, long count, long firstLine, int firstColumn) {
        public String codePointText() {
            return String.format("U+%04X", codePoint);
        }
    }

    private final Map<Integer, long[]> seen = new TreeMap<>();

    public static boolean isGaiji(char c) {
        return c >= FIRST && c <= LAST;
    }

    /** Counts a 外字; true when it is the first of its code point. */
    public boolean record(char c, long line, int column) {
        long[] entry = seen.computeIfAbsent((int) c, key -> new long[] {0, line, column, seen.size()});
        entry[0]++;
        return entry[0] == 1;
    }

    public boolean contains(int codePoint) {
        return seen.containsKey(codePoint);
    }

    /** The code points in the order they were first seen (the order of their first-occurrence warnings). */
    public int[] codePointsInOrderSeen() {
        int[] codePoints = new int[seen.size()];
        seen.forEach((codePoint, entry) -> codePoints[(int) entry[3]] = codePoint);
        return codePoints;
    }

    /**
     * Adds the tally of the part of a file that follows this one's, whose lines are numbered from 1 again:
     * {@code lineOffset} is the number of lines before it. Counts add up; a code point seen here keeps its first place.
     */
    public void addAll(GaijiTally later, long lineOffset) {
        for (int codePoint : later.codePointsInOrderSeen()) {
            long[] entry = later.seen.get(codePoint);
            long[] mine = seen.computeIfAbsent(codePoint, key -> new long[] {0, entry[1] + lineOffset, entry[2], seen.size()});
            mine[0] += entry[0];
        }
    }

    public long total() {
        return seen.values().stream().mapToLong(entry -> entry[0]).sum();
    }

    public Map<Integer, Occurrence> occurrences() {
        Map<Integer, Occurrence> result = new TreeMap<>();
        seen.forEach((codePoint, entry) -> result.put(codePoint, new Occurrence(codePoint, entry[0], entry[1], (int) entry[2])));
        return Collections.unmodifiableMap(result);
    }
}
