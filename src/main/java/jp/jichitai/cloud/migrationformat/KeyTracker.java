package jp.jichitai.cloud.migrationformat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds rows whose key (the layout's key columns) was seen before. Keys of one or two digit columns that
 * fit in 64 bits (15 + 4 digits) are packed into longs; any other key is kept as text.
 */
public final class KeyTracker {

    private final List<Column> keyColumns;
    private final LongHashSet packedKeys;
    private final Set<String> textKeys;

    public KeyTracker(Layout layout, int expectedRows) {
        keyColumns = layout.keyColumns();
        boolean packable = !keyColumns.isEmpty() && keyColumns.size() <= 2
                && keyColumns.stream().allMatch(column -> column.type() == ColumnType.DIGITS)
                && keyColumns.get(0).maxLength() <= 15 && (keyColumns.size() == 1 || keyColumns.get(1).maxLength() <= 4);
        packedKeys = packable ? new LongHashSet(expectedRows) : null;
        textKeys = packable || keyColumns.isEmpty() ? null : new HashSet<>();
    }

    /** Records the row's key; false when the key is a duplicate. */
    public boolean add(CsvRow row) {
        if (packedKeys != null) {
            long first = row.fieldAsLong(keyColumns.get(0).number());
            long key = keyColumns.size() == 1 ? first : LongHashSet.pack(first, row.fieldAsLong(keyColumns.get(1).number()));
            return packedKeys.add(key);
        }
        if (textKeys != null) {
            return textKeys.add(describe(row));
        }
        return true;
    }

    /** Whether keys are packed into numbers, which {@link #sharesKeyWith} needs. */
    public boolean isPacked() {
        return packedKeys != null;
    }

    /**
     * Whether a key recorded here was recorded by {@code other} too (both packed): the rows of a file read in two
     * parts, each with a tracker of its own, hold a duplicate across the parts exactly then.
     */
    public boolean sharesKeyWith(KeyTracker other) {
        if (packedKeys == null || other.packedKeys == null) {
            throw new IllegalStateException("only packed keys can be compared");
        }
        return packedKeys.sharesKeyWith(other.packedKeys);
    }

    public boolean hasKey() {
        return !keyColumns.isEmpty();
    }

    /** The key as {@code 宛名番号=…, 履歴番号=…} for messages. */
    public String describe(CsvRow row) {
        return keyColumns.stream().map(column -> column.name() + "=" + row.field(column.number()))
                .collect(Collectors.joining(", "));
    }
}
