package jp.jichitai.cloud.continuity;

import java.time.Duration;

import jp.jichitai.cloud.continuity.internal.ContinuityMessages;

/**
 * 重要システム (important system) of the plan with its 目標復旧時間 (target recovery time). A system the
 * cloud provides is compared with the measured drills; the town's own systems (network, LGWAN) are not.
 */
public record ImportantSystem(String category, String name, int targetRecoveryHours, boolean cloudProvided) {

    public ImportantSystem {
        category = category == null ? "" : category.strip();
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 100 || category.length() > 60) {
            throw ContinuityMessages.refusal("E-CON-0015", "重要システム", 100);
        }
        if (targetRecoveryHours < 1 || targetRecoveryHours > 720) {
            throw ContinuityMessages.refusal("E-CON-0016", name);
        }
    }

    public Duration targetRecoveryTime() {
        return Duration.ofHours(targetRecoveryHours);
    }
}
