package jp.jichitai.cloud.continuity;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An important system's target recovery time against the drills: the slower of the latest failover drill
 * (the whole cluster) and the latest restore drill of the tenant, at a glance: 達成 or 未達.
 */
public record RecoveryAssessment(ImportantSystem system, Optional<BigDecimal> measuredSeconds, Verdict verdict) {

    public enum Verdict {
        ACHIEVED("達成"), NOT_ACHIEVED("未達"), NOT_MEASURED("未計測"), NOT_APPLICABLE("対象外");

        private final String japaneseName;

        Verdict(String japaneseName) {
            this.japaneseName = japaneseName;
        }

        public String japaneseName() {
            return japaneseName;
        }
    }

    /**
     * Assesses a system against the latest drills: not applicable to the town's own systems; not measured
     * until both kinds of drill have run; not achieved when either failed or took longer than the target.
     */
    public static RecoveryAssessment of(ImportantSystem system, Optional<DrillResult> latestFailover,
            Optional<DrillResult> latestRestore) {
        if (!system.cloudProvided()) {
            return new RecoveryAssessment(system, Optional.empty(), Verdict.NOT_APPLICABLE);
        }
        if (latestFailover.isEmpty() || latestRestore.isEmpty()) {
            return new RecoveryAssessment(system, Optional.empty(), Verdict.NOT_MEASURED);
        }
        DrillResult failover = latestFailover.get();
        DrillResult restore = latestRestore.get();
        Optional<BigDecimal> slowest = failover.recoverySeconds() == null || restore.recoverySeconds() == null
                ? Optional.empty() : Optional.of(failover.recoverySeconds().max(restore.recoverySeconds()));
        boolean achieved = failover.recoveredWithin(system.targetRecoveryTime())
                && restore.recoveredWithin(system.targetRecoveryTime());
        return new RecoveryAssessment(system, slowest, achieved ? Verdict.ACHIEVED : Verdict.NOT_ACHIEVED);
    }
}
