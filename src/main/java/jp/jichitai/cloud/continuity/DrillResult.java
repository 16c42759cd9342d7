package jp.jichitai.cloud.continuity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import jp.jichitai.cloud.shared.TenantCode;

/**
 * 訓練結果 (drill result), as measured. For a restore drill: the tenant, the seconds the restore took,
 * the rows compared and the tables that did not match. For a failover drill (the whole cluster, no
 * tenant): the seconds without service, the acknowledged writes checked, those lost, and the seconds
 * the cluster ran with a single copy.
 */
public record DrillResult(String drillId, DrillKind kind, Optional<TenantCode> tenant, String scenario,
        Instant startedAt, BigDecimal recoverySeconds, long rowsChecked, long losses, BigDecimal singleCopySeconds,
        boolean passed, String summary) {

    public DrillResult {
        if (drillId == null || drillId.isBlank() || drillId.length() > 80) {
            throw new IllegalArgumentException("a drill id of 1 to 80 characters: " + drillId);
        }
        tenant = tenant == null ? Optional.empty() : tenant;
        summary = summary.length() > 200 ? summary.substring(0, 200) : summary;
    }

    /** Whether the measured recovery stayed within a target (a drill that never recovered does not). */
    public boolean recoveredWithin(java.time.Duration target) {
        return passed && recoverySeconds != null
                && recoverySeconds.compareTo(BigDecimal.valueOf(target.toMillis()).movePointLeft(3)) <= 0;
    }
}
