package jp.jichitai.cloud.operations;

/**
 * バッチ処理の種類 (kind of batch job) whose duration the SLA's バッチ処理時間遵守率 covers. Each kind has
 * its own target duration in the contract ({@code jc.sla.batch-targets.<kind>}).
 */
public enum BatchKind {

    IMPORT("データ取込"),
    EXPORT("データ出力"),
    BACKUP("バックアップ"),
    DRILL("訓練");

    private final String japaneseName;

    BatchKind(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    public String japaneseName() {
        return japaneseName;
    }
}
