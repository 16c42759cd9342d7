package jp.jichitai.cloud.migrationformat;

/**
 * 個人番号 (individual number, "My Number"): eleven digits and a check digit. With P(n) the n-th digit
 * counted from the right of the first eleven and Q(n) = n + 1 for n ≤ 6, n − 5 for n ≥ 7, the check digit
 * is 11 − (Σ P(n) × Q(n) mod 11), or 0 when the remainder is 0 or 1.
 */
public final class IndividualNumbers {

    /** Q(n) by the digit's index from the left (n = 11 − index); the check digit itself weighs 0. */
    private static final int[] WEIGHTS = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 0};

    private IndividualNumbers() {
    }

    /** The check digit for the first eleven digits. */
    public static int checkDigitOf(CharSequence elevenDigits) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int digit = elevenDigits.charAt(11 - n) - '0';
            sum += digit * (n <= 6 ? n + 1 : n - 5);
        }
        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    public static boolean isValid(CharSequence twelveDigits) {
        if (twelveDigits.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = twelveDigits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return twelveDigits.charAt(11) - '0' == checkDigitOf(twelveDigits);
    }

    /** The same check on CP932 (or ASCII) bytes, for a reader that does not decode digit fields. */
    public static boolean isValid(byte[] bytes, int start, int end) {
        if (end - start != 12) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            byte b = bytes[start + i];
            if (b < '0' || b > '9') {
                return false;
            }
            sum += (b - '0') * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return bytes[start + 11] - '0' == (remainder <= 1 ? 0 : 11 - remainder);
    }
}
