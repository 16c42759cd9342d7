package jp.jichitai.cloud.residents.internal;

/** The common rules of 宛名番号 and 世帯番号: 1 to 15 digits, issued ones ending in a {@link ModulusEleven} digit. */
public final class RegistryNumbers {

    public static final int MAXIMUM_DIGITS = 15;
    private static final long LARGEST_SERIAL = 99_999_999_999_999L;

    private RegistryNumbers() {
    }

    /**
     * Checks the form (digits only, 1..15) and returns the text unchanged, leading zeros included. A loop, not a regular
     * expression: every number read is checked (a search page shows 100, a bulk load checks millions), and the pattern
     * took a quarter of a search's time in Java.
     */
    public static String requireForm(String digits, String formMessageId) {
        if (!hasForm(digits)) {
            throw ResidentMessages.refusal(formMessageId, digits);
        }
        return digits;
    }

    private static boolean hasForm(String digits) {
        if (digits == null || digits.isEmpty() || digits.length() > MAXIMUM_DIGITS) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The issued number for a serial: the serial's digits followed by their check digit. */
    public static String issue(long serial) {
        if (serial < 1 || serial > LARGEST_SERIAL) {
            throw new IllegalArgumentException("serial must be 1.." + LARGEST_SERIAL + ": " + serial);
        }
        String data = Long.toString(serial);
        return data + ModulusEleven.checkDigitOf(data);
    }
}
