package jp.jichitai.cloud.migrationformat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * 項目 (column) of a migration layout: its position (1-based), name, type, maximum length in characters,
 * whether it is required, the allowed values (value → label, in file order; empty when any value is allowed)
 * and an optional named check ({@code individual-number}, {@code relationship}).
 */
public record Column(int number, String name, ColumnType type, int maxLength, Requirement requirement,
        Map<String, String> allowedValues, String check) {

    public Column {
        if (number < 1) {
            throw new IllegalArgumentException("column numbers start at 1: " + number);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maximum length must be positive: " + name);
        }
        Objects.requireNonNull(requirement, "requirement");
        allowedValues = Collections.unmodifiableMap(new LinkedHashMap<>(allowedValues));
        check = check == null ? "" : check;
    }

    public boolean isRequired() {
        return requirement == Requirement.REQUIRED;
    }

    public boolean hasAllowedValues() {
        return !allowedValues.isEmpty();
    }

    /** The label of an allowed value, e.g. {@code 男} for {@code 1} in 性別; the value itself when it has none. */
    public String labelOf(String value) {
        String label = allowedValues.get(value);
        return label == null ? value : label;
    }
}
