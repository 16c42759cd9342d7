package jp.jichitai.cloud.fitgap.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import jp.jichitai.cloud.fitgap.FitGapClass;
import jp.jichitai.cloud.fitgap.FitGapSummary;

/** 進捗 (progress) of an analysis at one save: the summary as it stood then. */
record ProgressSnapshot(int number, OffsetDateTime takenAt, FitGapSummary summary) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String takenInJapan() {
        return takenAt.atZoneSameInstant(ZoneId.of("Asia/Tokyo")).format(SHOWN);
    }

    public int count(String fitGapClass) {
        return summary.count(FitGapClass.valueOf(fitGapClass));
    }

    public Map<FitGapClass, Integer> counts() {
        return summary.countsByClass();
    }

    public int unassessed() {
        return summary.unassessed();
    }

    public BigDecimal completionPercent() {
        return summary.completionPercent();
    }
}
