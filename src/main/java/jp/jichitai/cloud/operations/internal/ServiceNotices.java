package jp.jichitai.cloud.operations.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * お知らせ (notices) for the signed-in town: maintenance planned in the coming two weeks or under way,
 * and incidents not yet ended (shown as an emergency banner). Called from the template fragment
 * {@code fragments/notices :: notices} as {@code @serviceNotices.current()}, so that only pages that
 * show the notices query them.
 */
@Component("serviceNotices")
class ServiceNotices {

    /** What the fragment shows. */
    record Notices(List<MonthlyReport.IncidentRow> ongoingIncidents, List<MonthlyReport.MaintenanceRow> maintenance) {

        public boolean isEmpty() {
            return ongoingIncidents.isEmpty() && maintenance.isEmpty();
        }
    }

    private final OperationsRecords records;

    ServiceNotices(OperationsRecords records) {
        this.records = records;
    }

    public Notices current() {
        return TenantContext.current().map(this::of).orElseGet(() -> new Notices(List.of(), List.of()));
    }

    Notices of(TenantCode tenant) {
        LocalDateTime now = LocalDateTime.now(SlaProperties.ZONE);
        List<IncidentRecord> ongoing = records.incidentsOf(tenant, now.minusYears(1), now.plusSeconds(1)).stream()
                .filter(IncidentRecord::isOngoing).toList();
        List<MaintenanceRecord> coming = records.maintenanceOf(tenant, now, now.plusDays(14)).stream()
                .filter(window -> window.actualEnd() == null).toList();
        MonthlyReport view = new MonthlyReport("", null, ongoing, coming, List.of());
        return new Notices(view.incidentRows(), view.maintenanceRows());
    }
}
