package jp.jichitai.cloud.fitgap.internal;

import java.time.OffsetDateTime;

import jp.jichitai.cloud.fitgap.FitGapAnalysis;

/** A town's stored analysis: its number within the town, its title and the analysis itself. */
record StoredAnalysis(long id, String title, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        FitGapAnalysis analysis) {
}
