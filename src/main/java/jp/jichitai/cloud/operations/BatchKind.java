package jp.jichitai.cloud.operations;

import java.time.Duration;

/**
 * バッチ処理の種類 (kind of batch job) whose duration the SLA's バッチ処理時間遵守率 covers. Each kind has
 * its own target duration in the contract ({@code jc.sla.batch-targets.<kind>}).
 */
public enum BatchKind {

    IMPORT("データ取込", Duration.ofMinutes(30)),
    EXPORT("データ出力", Duration.ofMinutes(30)),
    BACKUP("バックアップ", Duration.ofHours(1)),
    DRILL("訓練", Duration.ofHours(2));

    private final String japaneseName;
    private final Duration defaultTarget;

    BatchKind(String japaneseName, Duration defaultTarget) {
        this.japaneseName = japaneseName;
        this.defaultTarget = defaultTarget;
    }

    /** The contract's target unless {@code jc.sla.batch-targets.<kind>} says otherwise; the command line uses it. */
    public Duration defaultTarget() {
        return defaultTarget;
    }

    public String japaneseName() {
        return japaneseName;
    }
}
