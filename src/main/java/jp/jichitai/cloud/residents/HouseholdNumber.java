package jp.jichitai.cloud.residents;

import jp.jichitai.cloud.residents.internal.ModulusEleven;
import jp.jichitai.cloud.residents.internal.RegistryNumbers;
import jp.jichitai.cloud.residents.internal.ResidentMessages;

/**
 * 世帯番号 (household number).
 *
 * <p>Numbers this system issues are a serial followed by a modulus 11 check digit, weights 2 to 7 cycling
 * from the rightmost serial digit, check digit {@code 11 - r}, and 0 when {@code r} is 0 or 1 (the case r = 1
 * is not stated anywhere we could find: <b>project choice</b>). Numbers migrated from the former system are
 * kept exactly as they were, leading zeros included, whether or not they pass the check. Up to 15 digits.
 */
public record HouseholdNumber(String value) implements Comparable<HouseholdNumber> {

    public HouseholdNumber {
        RegistryNumbers.requireForm(value, "E-RES-0012");
    }

    /** The number issued for {@code serial}: its digits and the check digit. */
    public static HouseholdNumber issued(long serial) {
        return new HouseholdNumber(RegistryNumbers.issue(serial));
    }

    /** A number taken over from the former system as it is. */
    public static HouseholdNumber migrated(String digits) {
        return new HouseholdNumber(digits);
    }

    /** A number typed by a person that must be one this system issued: its check digit is verified. */
    public static HouseholdNumber checked(String digits) {
        HouseholdNumber number = new HouseholdNumber(digits);
        if (!number.isIssuedForm()) {
            throw ResidentMessages.refusal("E-RES-0013", digits);
        }
        return number;
    }

    /** Whether the number ends in a correct check digit, as every number this system issues does. */
    public boolean isIssuedForm() {
        return ModulusEleven.hasValidCheckDigit(value);
    }

    @Override
    public int compareTo(HouseholdNumber other) {
        int byLength = Integer.compare(value.length(), other.value.length());
        return byLength != 0 ? byLength : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
