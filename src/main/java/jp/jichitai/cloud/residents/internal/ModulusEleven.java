package jp.jichitai.cloud.residents.internal;

/**
 * Modulus 11 check digit with weights 2, 3, 4, 5, 6, 7 cycling from the rightmost data digit; the
 * check digit is {@code 11 - (sum mod 11)}, and 0 when the remainder is 0 or 1.
 *
 * <p>This is the form of the 個人番号 rule (総務省令第85号 第5条: Qn = n+1 for n 1..6, n-5 for n 7..11, which is
 * the same 2..7 cycle). Mapping eleven remainders onto ten digits makes remainders 0 and 1 share the check
 * digit 0, so a substitution that moves the sum between those two remainders goes unnoticed; every other
 * single-digit substitution is detected.
 */
public final class ModulusEleven {

    private ModulusEleven() {
    }

    /** The check digit for a string of data digits. */
    public static int checkDigitOf(CharSequence dataDigits) {
        int remainder = remainderOf(dataDigits);
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    /** The weighted sum of the data digits modulo 11. */
    public static int remainderOf(CharSequence dataDigits) {
        int sum = 0;
        int length = dataDigits.length();
        for (int position = 0; position < length; position++) {
            char digit = dataDigits.charAt(length - 1 - position);
            if (digit < '0' || digit > '9') {
                throw new IllegalArgumentException("digits expected: " + dataDigits);
            }
            sum += (digit - '0') * (2 + position % 6);
        }
        return sum % 11;
    }

    /** Whether the last digit of {@code digits} is the check digit of the digits before it. */
    public static boolean hasValidCheckDigit(CharSequence digits) {
        int length = digits.length();
        if (length < 2) {
            return false;
        }
        char last = digits.charAt(length - 1);
        return last >= '0' && last <= '9' && checkDigitOf(digits.subSequence(0, length - 1)) == last - '0';
    }
}
