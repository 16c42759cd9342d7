package jp.jichitai.cloud.operations.internal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import jp.jichitai.cloud.operations.Outage;
import jp.jichitai.cloud.operations.TimeInterval;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * 障害記録 (incident record) of the provider: when the service failed and for which towns, what it
 * affected, why, what was done and how a recurrence is prevented. Ongoing while {@code endedAt} is empty.
 */
record IncidentRecord(long id, LocalDateTime startedAt, LocalDateTime endedAt, List<TenantCode> affectedTenants,
        String systems, String impact, String cause, String actions, String recurrencePrevention) {

    IncidentRecord {
        affectedTenants = List.copyOf(affectedTenants);
        new TimeInterval(startedAt, endedAt == null ? startedAt : endedAt);
    }

    boolean isOngoing() {
        return endedAt == null;
    }

    /** The outage it caused; an ongoing incident counts until {@code now}. */
    Optional<Outage> outageUntil(LocalDateTime now) {
        LocalDateTime end = endedAt != null ? endedAt : now;
        return end.isAfter(startedAt) ? Optional.of(Outage.incident(new TimeInterval(startedAt, end), impact))
                : Optional.empty();
    }
}
