package jp.jichitai.cloud.migrationformat;

import java.util.Locale;

/** The kind of value a column of a migration layout holds; each kind has its own validation. */
public enum ColumnType {
    /** Half-width digits, no sign, no separators. */
    DIGITS,
    /** Any text that CP932 can hold, except control characters. */
    TEXT,
    /** Full-width katakana, the long-vowel mark and spaces. */
    KANA,
    /** {@code YYYYMMDD} with {@code 00} for unknown parts. */
    DATE,
    /** One of the layout's allowed values. */
    CODE,
    /** {@code 0} or {@code 1}. */
    FLAG,
    /** Half-width letters and digits. */
    ALNUM,
    /** A name in the Latin alphabet: half-width letters, spaces, {@code -} and {@code '}. */
    ALPHABET;

    /** The type named in a layout definition file, e.g. {@code digits}. */
    public static ColumnType named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown column type: " + name, e);
        }
    }
}
