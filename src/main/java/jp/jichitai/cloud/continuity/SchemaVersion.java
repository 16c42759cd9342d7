package jp.jichitai.cloud.continuity;

import java.util.Arrays;

/**
 * The version of the database schema, as Flyway numbers it ({@code 70}, {@code 1.0.1}): the highest
 * successful migration. A vault file records the version it was exported from and is never restored
 * into an older schema, whose tables may lack its columns.
 */
public record SchemaVersion(String text) implements Comparable<SchemaVersion> {

    public SchemaVersion {
        if (text == null || !text.matches("[0-9]+([._][0-9]+)*")) {
            throw new IllegalArgumentException("schema version must look like 70 or 1.0.1: " + text);
        }
        text = text.replace('_', '.');
    }

    public static SchemaVersion of(String text) {
        return new SchemaVersion(text);
    }

    private long[] parts() {
        return Arrays.stream(text.split("\\.")).mapToLong(Long::parseLong).toArray();
    }

    @Override
    public int compareTo(SchemaVersion other) {
        long[] mine = parts();
        long[] theirs = other.parts();
        for (int index = 0; index < Math.max(mine.length, theirs.length); index++) {
            long left = index < mine.length ? mine[index] : 0;
            long right = index < theirs.length ? theirs[index] : 0;
            if (left != right) {
                return Long.compare(left, right);
            }
        }
        return 0;
    }

    public boolean isNewerThan(SchemaVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
