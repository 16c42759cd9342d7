package jp.jichitai.cloud.disaster;

import java.math.BigDecimal;

/**
 * 被害の程度 (damage level) of a dwelling, from the Cabinet Office's damage assessment standard
 * (内閣府 災害に係る住家の被害認定基準, 2021) by the damage ratio of the dwelling.
 *
 * <p>Each level owns the half-open range {@code [lowerBound, next level's lowerBound)} of the ratio in
 * percent; 全壊 is closed at 100. The constants are ordered from the most to the least severe.
 */
public enum DamageLevel {

    TOTAL_COLLAPSE("全壊", new BigDecimal("50")),
    LARGE_SCALE_HALF_COLLAPSE("大規模半壊", new BigDecimal("40")),
    MEDIUM_SCALE_HALF_COLLAPSE("中規模半壊", new BigDecimal("30")),
    HALF_COLLAPSE("半壊", new BigDecimal("20")),
    SEMI_HALF_COLLAPSE("準半壊", new BigDecimal("10")),
    /** Commonly called 一部損壊 (partial damage); the assessment standard names it 準半壊に至らない. */
    BELOW_SEMI_HALF_COLLAPSE("準半壊に至らない", BigDecimal.ZERO);

    private final String japaneseName;
    private final BigDecimal lowerBoundPercent;

    DamageLevel(String japaneseName, BigDecimal lowerBoundPercent) {
        this.japaneseName = japaneseName;
        this.lowerBoundPercent = lowerBoundPercent;
    }

    /** The level of a damage ratio: the most severe level whose lower bound the ratio reaches. */
    public static DamageLevel of(DamageRatio ratio) {
        for (DamageLevel level : values()) {
            if (ratio.percent().compareTo(level.lowerBoundPercent) >= 0) {
                return level;
            }
        }
        throw new AssertionError("a valid damage ratio is never below 0: " + ratio);
    }

    /** The name printed on the 罹災証明書. */
    public String japaneseName() {
        return japaneseName;
    }

    /** The smallest ratio, in percent, that reaches this level (inclusive). */
    public BigDecimal lowerBoundPercent() {
        return lowerBoundPercent;
    }
}
