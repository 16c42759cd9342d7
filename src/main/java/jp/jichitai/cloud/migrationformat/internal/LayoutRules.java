package jp.jichitai.cloud.migrationformat.internal;

import java.util.List;
import java.util.function.Predicate;

/**
 * Rules between columns that a layout file cannot express (conditional requirements), keyed by layout
 * version and layout name. A version without rules here gets only the column checks of its files.
 */
public final class LayoutRules {

    /** A column that must have a value in the rows that {@code applies} selects. */
    public record ConditionalRequirement(String messageId, List<String> anyOfColumns, Predicate<Row> applies) {
    }

    /** The values a rule looks at. */
    public interface Row {
        String value(String columnName);
    }

    private static final Predicate<Row> JAPANESE = row -> "1".equals(row.value("住民種別"));
    private static final Predicate<Row> FOREIGN = row -> "2".equals(row.value("住民種別"));

    private LayoutRules() {
    }

    public static List<ConditionalRequirement> of(String version, String layoutName) {
        if ("v0".equals(version) && "data_d0101".equals(layoutName)) {
            return List.of(
                    new ConditionalRequirement("E-MIG-0120", List.of("氏"), JAPANESE),
                    new ConditionalRequirement("E-MIG-0121", List.of("氏", "アルファベット氏名"), FOREIGN),
                    new ConditionalRequirement("E-MIG-0122", List.of("国籍・地域"), FOREIGN),
                    new ConditionalRequirement("E-MIG-0122", List.of("30条の45区分"), FOREIGN));
        }
        return List.of();
    }
}
