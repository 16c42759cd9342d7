package jp.jichitai.cloud.migrationformat.internal;

import java.util.List;

/**
 * Rules between columns that a layout file cannot express (conditional requirements), keyed by layout
 * version and layout name. A version without rules here gets only the column checks of its files.
 */
public final class LayoutRules {

    /** One of {@code anyOfColumns} must have a value in the rows where {@code conditionColumn} holds {@code conditionValue}. */
    public record ConditionalRequirement(String messageId, List<String> anyOfColumns, String conditionColumn, String conditionValue) {
    }

    private LayoutRules() {
    }

    public static List<ConditionalRequirement> of(String version, String layoutName) {
        if ("v0".equals(version) && "data_d0101".equals(layoutName)) {
            return List.of(
                    new ConditionalRequirement("E-MIG-0120", List.of("氏"), "住民種別", "1"),
                    new ConditionalRequirement("E-MIG-0121", List.of("氏", "アルファベット氏名"), "住民種別", "2"),
                    new ConditionalRequirement("E-MIG-0122", List.of("国籍・地域"), "住民種別", "2"),
                    new ConditionalRequirement("E-MIG-0122", List.of("30条の45区分"), "住民種別", "2"));
        }
        return List.of();
    }
}
