package jp.jichitai.cloud.operations.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import jp.jichitai.cloud.operations.BatchKind;
import jp.jichitai.cloud.operations.LatencyBuckets;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * The SLA contract and the measurement settings ({@code jc.sla.*}). The online response-time target
 * may differ per town's contract ({@code jc.sla.online-targets.012211=2s}); every target must be a
 * bound of {@link LatencyBuckets#STANDARD}.
 */
@ConfigurationProperties("jc.sla")
public class SlaProperties {

    /** The service's local time: days of the daily aggregates and times of the records. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private boolean collect = true;
    private Duration flushInterval = Duration.ofMinutes(1);
    private Duration onlineTarget = Duration.ofSeconds(3);
    private Map<String, Duration> onlineTargets = new HashMap<>();
    private Map<BatchKind, Duration> batchTargets = new EnumMap<>(BatchKind.class);
    private Duration healthProbeInterval = Duration.ofMinutes(1);
    /** Counted in the support desk's reception hours: 7h45m is one day of a desk open 8:30 to 17:15. */
    private Duration supportAnswerTarget = Duration.ofHours(7).plusMinutes(45);
    private BigDecimal supportComplianceTargetPercent = new BigDecimal("90");
    private BigDecimal availabilityTargetPercent = new BigDecimal("99.5");
    private BigDecimal onlineComplianceTargetPercent = new BigDecimal("95");
    private BigDecimal batchComplianceTargetPercent = new BigDecimal("95");

    public Duration onlineTargetOf(TenantCode tenant) {
        Duration target = onlineTargets.getOrDefault(tenant.value(), onlineTarget);
        LatencyBuckets.STANDARD.boundIndexOf(target);
        return target;
    }

    public Duration batchTargetOf(BatchKind kind) {
        return batchTargets.getOrDefault(kind, kind.defaultTarget());
    }

    public boolean isCollect() {
        return collect;
    }

    public void setCollect(boolean collect) {
        this.collect = collect;
    }

    public Duration getFlushInterval() {
        return flushInterval;
    }

    public void setFlushInterval(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    public Duration getOnlineTarget() {
        return onlineTarget;
    }

    public void setOnlineTarget(Duration onlineTarget) {
        LatencyBuckets.STANDARD.boundIndexOf(onlineTarget);
        this.onlineTarget = onlineTarget;
    }

    public Map<String, Duration> getOnlineTargets() {
        return onlineTargets;
    }

    public void setOnlineTargets(Map<String, Duration> onlineTargets) {
        onlineTargets.forEach((tenant, target) -> {
            TenantCode.of(tenant);
            LatencyBuckets.STANDARD.boundIndexOf(target);
        });
        this.onlineTargets = onlineTargets;
    }

    public Map<BatchKind, Duration> getBatchTargets() {
        return batchTargets;
    }

    public void setBatchTargets(Map<BatchKind, Duration> batchTargets) {
        this.batchTargets.putAll(batchTargets);
    }

    public Duration getHealthProbeInterval() {
        return healthProbeInterval;
    }

    public void setHealthProbeInterval(Duration healthProbeInterval) {
        this.healthProbeInterval = healthProbeInterval;
    }

    public BigDecimal getSupportComplianceTargetPercent() {
        return supportComplianceTargetPercent;
    }

    public void setSupportComplianceTargetPercent(BigDecimal supportComplianceTargetPercent) {
        this.supportComplianceTargetPercent = supportComplianceTargetPercent;
    }

    public Duration getSupportAnswerTarget() {
        return supportAnswerTarget;
    }

    public void setSupportAnswerTarget(Duration supportAnswerTarget) {
        this.supportAnswerTarget = supportAnswerTarget;
    }

    public BigDecimal getAvailabilityTargetPercent() {
        return availabilityTargetPercent;
    }

    public void setAvailabilityTargetPercent(BigDecimal availabilityTargetPercent) {
        this.availabilityTargetPercent = availabilityTargetPercent;
    }

    public BigDecimal getOnlineComplianceTargetPercent() {
        return onlineComplianceTargetPercent;
    }

    public void setOnlineComplianceTargetPercent(BigDecimal onlineComplianceTargetPercent) {
        this.onlineComplianceTargetPercent = onlineComplianceTargetPercent;
    }

    public BigDecimal getBatchComplianceTargetPercent() {
        return batchComplianceTargetPercent;
    }

    public void setBatchComplianceTargetPercent(BigDecimal batchComplianceTargetPercent) {
        this.batchComplianceTargetPercent = batchComplianceTargetPercent;
    }
}
