package jp.jichitai.cloud.operations;

import java.time.Instant;

import jp.jichitai.cloud.shared.TenantCode;

/**
 * Where batch jobs (imports, exports, backups, drills) report each finished run, so that the month's
 * バッチ処理時間遵守率 counts it. Cheap: the run is tallied in memory and stored with the minute's
 * measurements; call it once at the end of each run, whatever its outcome.
 */
public interface BatchRuns {

    /** A run of a job of one tenant, compared with the contract's target for its kind. */
    void record(TenantCode tenant, BatchKind kind, Instant started, Instant finished);
}
