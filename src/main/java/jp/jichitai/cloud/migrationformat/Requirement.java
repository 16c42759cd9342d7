package jp.jichitai.cloud.migrationformat;

/** Whether a column must have a value. */
public enum Requirement {
    REQUIRED,
    OPTIONAL,
    /** Required in some rows only, decided by a rule of the layout version (e.g. 氏 for 日本人). */
    CONDITIONAL;

    static Requirement named(String name) {
        return switch (name.trim()) {
            case "yes" -> REQUIRED;
            case "no", "" -> OPTIONAL;
            case "conditional" -> CONDITIONAL;
            default -> throw new IllegalArgumentException("required must be yes, no or conditional: " + name);
        };
    }
}
