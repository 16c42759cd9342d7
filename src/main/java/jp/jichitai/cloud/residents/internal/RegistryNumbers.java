package jp.jichitai.cloud.residents.internal;

/** The common rules of 宛名番号 and 世帯番号: 1 to 15 digits, issued ones ending in a {@link ModulusEleven} digit. */
public final class RegistryNumbers {

    public static final int MAXIMUM_DIGITS = 15;
    private static final long LARGEST_SERIAL = 99_999_999_999_999L;

    private RegistryNumbers() {
    }

    /** Checks the form (digits only, 1..15) and returns the text unchanged, leading zeros included. */
    /** Compiled once: every number read or loaded is checked (a bulk load checks millions). */
    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("[0-9]{1," + MAXIMUM_DIGITS + "}");

    public static String requireForm(String digits, String formMessageId) {
        if (digits == null || !FORM.matcher(digits).matches()) {
            throw ResidentMessages.refusal(formMessageId, digits);
        }
        return digits;
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
