package jp.jichitai.cloud.residents;

import jp.jichitai.cloud.residents.internal.ResidentMessages;

/** 郵便番号 (postal code): seven digits, shown as {@code 096-0011}. */
public record PostalCode(String digits) {

    // Compiled once: String.matches compiles its pattern on every call, and a migration parses millions of codes.
    private static final java.util.regex.Pattern SEVEN_DIGITS = java.util.regex.Pattern.compile("[0-9]{7}");
    private static final java.util.regex.Pattern HYPHENATED = java.util.regex.Pattern.compile("[0-9]{3}-[0-9]{4}");

    public PostalCode {
        if (digits == null || !SEVEN_DIGITS.matcher(digits).matches()) {
            throw ResidentMessages.refusal("E-RES-0018", digits);
        }
    }

    /** Reads {@code 0960011} or {@code 096-0011}. */
    public static PostalCode parse(String text) {
        if (text != null && HYPHENATED.matcher(text).matches()) {
            return new PostalCode(text.replace("-", ""));
        }
        return new PostalCode(text);
    }

    @Override
    public String toString() {
        return digits.substring(0, 3) + "-" + digits.substring(3);
    }
}
