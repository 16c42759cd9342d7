package jp.jichitai.cloud.residents;

import jp.jichitai.cloud.residents.internal.ModulusEleven;
import jp.jichitai.cloud.residents.internal.ResidentMessages;

/**
 * 個人番号 (Individual Number, "My Number"): twelve digits, the last a check digit computed as in 総務省令第85号
 * 第5条: {@code 11 - (Σ Pn × Qn mod 11)} with Qn = n + 1 for n 1..6 and n − 5 for n 7..11, and 0 when the
 * remainder is 0 or 1.
 *
 * <p>{@link #toString()} is the masked form so that the number cannot leak into logs by accident; the full
 * digits are only in {@link #value()}.
 */
public record IndividualNumber(String value) {

    public IndividualNumber {
        if (value == null || !isDigits(value, 12)) {
            throw ResidentMessages.refusal("E-RES-0014");
        }
        if (!ModulusEleven.hasValidCheckDigit(value)) {
            throw ResidentMessages.refusal("E-RES-0015");
        }
    }

    public static IndividualNumber of(String digits) {
        return new IndividualNumber(digits);
    }

    /** The check digit for eleven data digits. */
    public static int checkDigitOf(String elevenDigits) {
        if (elevenDigits == null || !isDigits(elevenDigits, 11)) {
            throw new IllegalArgumentException("eleven digits expected");
        }
        return ModulusEleven.checkDigitOf(elevenDigits);
    }

    /** ASCII digits of the given length (without String.matches, which compiles its pattern on every call). */
    private static boolean isDigits(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Grouped in fours as on the card: {@code 1234 5678 9018}. Only for screens that may show the number. */
    public String grouped() {
        return value.substring(0, 4) + " " + value.substring(4, 8) + " " + value.substring(8);
    }

    /** Masked for lists and logs: {@code **** **** 9018}; the last four (one is the check digit) let a clerk match the card. */
    public String masked() {
        return "**** **** " + value.substring(8);
    }

    @Override
    public String toString() {
        return masked();
    }
}
