package jp.jichitai.cloud.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * 全国地方公共団体コード (local government code, JIS X 0402): five digits and a check digit.
 *
 * <p>The check digit is the last digit of {@code 11 - (sum of digits × 6,5,4,3,2 mod 11)}, so that a
 * remainder of 0 gives 1 and a remainder of 1 gives 0. A code that fails the check is refused: a
 * mistyped code must never silently address another municipality.
 */
public final class TenantCode implements Comparable<TenantCode> {

    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
    private static final int[] WEIGHTS = {6, 5, 4, 3, 2};

    private final String value;

    private TenantCode(String value) {
        this.value = value;
    }

    /** Parses a six-digit code, checking its check digit. */
    public static TenantCode of(String value) {
        if (value == null || !SIX_DIGITS.matcher(value).matches()) {
            throw new InvalidTenantCodeException("E-TEN-0001");
        }
        int expected = checkDigitOf(value.substring(0, 5));
        if (value.charAt(5) - '0' != expected) {
            throw new InvalidTenantCodeException("E-TEN-0002");
        }
        return new TenantCode(value);
    }

    /** Whether the text is a well-formed code with a correct check digit. */
    public static boolean isValid(String value) {
        try {
            of(value);
            return true;
        } catch (InvalidTenantCodeException e) {
            return false;
        }
    }

    /** The check digit for the first five digits of a code. */
    public static int checkDigitOf(String fiveDigits) {
        if (fiveDigits == null || fiveDigits.length() != 5 || !fiveDigits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("five digits expected: " + fiveDigits);
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (fiveDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        return (11 - sum % 11) % 10;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantCode code && code.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public int compareTo(TenantCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** A tenant code that is malformed or fails its check digit. */
    public static final class InvalidTenantCodeException extends BusinessException {
        InvalidTenantCodeException(String messageId) {
            super(MessageId.of(messageId), PlatformMessages.text(messageId));
        }
    }
}
