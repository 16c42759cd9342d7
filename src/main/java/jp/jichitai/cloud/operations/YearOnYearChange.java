package jp.jichitai.cloud.operations;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 前年度比較 (year-on-year comparison) of an annual cost.
 *
 * <p>名寄市's example in the source document: 9,098千円 → 7,863千円, 1,235千円 less, which is 13.57...%;
 * the document prints "13%削減", i.e. the percentage truncated to a whole number. Rounded half up it
 * would be 14%, to one decimal 13.6%. {@link #reductionPercent(int, RoundingMode)} lets the report
 * choose, and {@link #DOCUMENT_ROUNDING} reproduces the document.
 */
public record YearOnYearChange(ThousandYen previous, ThousandYen current) {

    /** Truncation to whole percent, as the source document rounds. */
    public static final RoundingMode DOCUMENT_ROUNDING = RoundingMode.DOWN;

    /** Reduction (positive) or increase (negative), in 千円. */
    public long reduction() {
        return previous.value() - current.value();
    }

    /** The reduction as a percentage of the previous year, e.g. 13.6 for 9,098 → 7,863 at scale 1. */
    public BigDecimal reductionPercent(int scale, RoundingMode rounding) {
        if (previous.value() == 0) {
            throw OperationsMessages.refusal("E-OPS-0013");
        }
        return BigDecimal.valueOf(reduction()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(previous.value()), scale, rounding);
    }
}
