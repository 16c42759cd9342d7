package jp.jichitai.cloud.disaster;

import java.math.BigDecimal;

/**
 * 損害割合 (damage ratio) of a dwelling in percent, 0 to 100 inclusive, as a decimal so that a survey
 * result of 39.99 is never rounded up into a more severe {@link DamageLevel}.
 */
public record DamageRatio(BigDecimal percent) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public DamageRatio {
        if (percent == null) {
            throw DisasterMessages.refusal("E-DIS-0002", "");
        }
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw DisasterMessages.refusal("E-DIS-0001", percent.toPlainString());
        }
    }

    /** Parses a percentage such as {@code 39.99}; the text of a survey form, without the % sign. */
    public static DamageRatio of(String percent) {
        BigDecimal value;
        try {
            value = new BigDecimal(percent == null ? "" : percent.strip());
        } catch (NumberFormatException e) {
            throw DisasterMessages.refusal("E-DIS-0002", String.valueOf(percent));
        }
        return new DamageRatio(value);
    }

    public static DamageRatio of(BigDecimal percent) {
        return new DamageRatio(percent);
    }

    public DamageLevel level() {
        return DamageLevel.of(this);
    }

    @Override
    public boolean equals(Object other) {
        // 40 and 40.00 are the same ratio.
        return other instanceof DamageRatio ratio && ratio.percent.compareTo(percent) == 0;
    }

    @Override
    public int hashCode() {
        return percent.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return percent.toPlainString() + "%";
    }
}
