package jp.jichitai.cloud.operations.internal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import jp.jichitai.cloud.operations.Outage;
import jp.jichitai.cloud.operations.TimeInterval;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * メンテナンス記録 (maintenance record): the planned window announced to the towns, when the notice was
 * sent, the actual window and the work done.
 */
record MaintenanceRecord(long id, String title, LocalDateTime plannedStart, LocalDateTime plannedEnd,
        LocalDateTime noticeSentAt, LocalDateTime actualStart, LocalDateTime actualEnd, List<TenantCode> affectedTenants,
        String workDone) {

    MaintenanceRecord {
        affectedTenants = List.copyOf(affectedTenants);
        new TimeInterval(plannedStart, plannedEnd);
        if (actualStart != null && actualEnd != null) {
            new TimeInterval(actualStart, actualEnd);
        }
    }

    /**
     * The planned stop as it counts for the SLA: the actual window once recorded; before that, the
     * planned window once it has passed. A window still to come stops nothing yet.
     */
    Optional<Outage> outageAsOf(LocalDateTime now) {
        if (actualStart != null) {
            LocalDateTime end = actualEnd != null ? actualEnd : now;
            return end.isAfter(actualStart)
                    ? Optional.of(Outage.plannedMaintenance(new TimeInterval(actualStart, end), title))
                    : Optional.empty();
        }
        return plannedEnd.isAfter(now) ? Optional.empty()
                : Optional.of(Outage.plannedMaintenance(new TimeInterval(plannedStart, plannedEnd), title));
    }
}
