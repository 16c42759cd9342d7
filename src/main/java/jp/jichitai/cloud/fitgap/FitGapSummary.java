package jp.jichitai.cloud.fitgap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * 集計 (summary) of an analysis: the number of steps in each class (every class present, zero
 * included), the steps not yet assessed, and how much of the analysis is complete.
 */
public record FitGapSummary(Map<FitGapClass, Integer> countsByClass, int unassessed, int totalSteps,
        int completeSteps) {

    public FitGapSummary {
        EnumMap<FitGapClass, Integer> all = new EnumMap<>(FitGapClass.class);
        for (FitGapClass fitGapClass : FitGapClass.values()) {
            all.put(fitGapClass, countsByClass.getOrDefault(fitGapClass, 0));
        }
        countsByClass = Collections.unmodifiableMap(all);
    }

    public int count(FitGapClass fitGapClass) {
        return countsByClass.get(fitGapClass);
    }

    /** 完了率: complete steps over all steps in percent, truncated to one decimal (66.6, never 66.7). */
    public BigDecimal completionPercent() {
        return BigDecimal.valueOf(completeSteps).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(totalSteps), 1, RoundingMode.DOWN);
    }
}
