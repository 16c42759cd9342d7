package jp.jichitai.cloud.disaster;

/**
 * 世帯番号 of a victim household in the 被災者台帳, as the resident registry issued it. Kept as text: migrated
 * numbers are accepted as they are, so this type checks presence, not a check digit.
 */
public record HouseholdId(String value) {

    public HouseholdId {
        if (value == null || value.isBlank()) {
            throw DisasterMessages.refusal("E-DIS-0012");
        }
        value = value.strip();
    }

    public static HouseholdId of(String value) {
        return new HouseholdId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
