package jp.jichitai.cloud.operations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * 率 (a rate such as 稼働率 or 遵守率) kept as its numerator and denominator, so that months can be
 * added up exactly and the rounding happens once, when shown.
 *
 * <p>With nothing to measure (no requests, no batch runs, no service time) the rate is not applicable
 * and is shown as {@code n/a}: a month without requests has not met its response-time target, it has
 * not been measured. Percentages are truncated, never rounded up, so that 99.497% is never reported
 * as meeting a 99.5% target.
 */
public record Rate(long numerator, long denominator) {

    public static final int DISPLAY_SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Rate {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("a rate needs 0 <= numerator <= denominator: " + numerator + "/" + denominator);
        }
    }

    public boolean isApplicable() {
        return denominator > 0;
    }

    /** The rate in percent, truncated to {@code scale} decimals; empty when not applicable. */
    public Optional<BigDecimal> percent(int scale) {
        if (!isApplicable()) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.DOWN));
    }

    public Optional<BigDecimal> percent() {
        return percent(DISPLAY_SCALE);
    }

    /** Whether the rate reaches a target in percent; false when not applicable. */
    public boolean meets(BigDecimal targetPercent) {
        return isApplicable() && BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .compareTo(targetPercent.multiply(BigDecimal.valueOf(denominator))) >= 0;
    }

    /** As printed on the monthly report: {@code 99.72%} or {@code n/a}. */
    public String display() {
        return percent().map(p -> p.toPlainString() + "%").orElse("n/a");
    }

    @Override
    public String toString() {
        return display();
    }
}
