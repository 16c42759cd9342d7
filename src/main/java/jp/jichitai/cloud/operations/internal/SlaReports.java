package jp.jichitai.cloud.operations.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.Tenant;
import jp.jichitai.cloud.tenancy.Tenants;

/** Builds a town's 運用報告書 for a month, and the provider's report of all towns. */
@Service
class SlaReports {

    private final MonthlyFigures figures;
    private final Tenants tenants;
    private final SlaProperties properties;

    SlaReports(MonthlyFigures figures, Tenants tenants, SlaProperties properties) {
        this.figures = figures;
        this.tenants = tenants;
        this.properties = properties;
    }

    MonthlyReport report(TenantCode tenant, YearMonth month) {
        MonthlyFigures.MonthOfTown current = figures.of(tenant, month);
        String name = tenants.find(tenant).map(Tenant::name).orElse(tenant.value());
        return new MonthlyReport(name, current.figures(), current.incidents(), current.maintenance(),
                figures.trend(tenant, month));
    }

    /** 運用報告書（全体）: for the operator only (its paths are under /operator). */
    ProviderReport provider(YearMonth month) {
        List<ProviderReport.Town> towns = new ArrayList<>();
        Map<Long, IncidentRecord> incidents = new LinkedHashMap<>();
        Map<Long, MaintenanceRecord> maintenance = new LinkedHashMap<>();
        for (Tenant tenant : tenants.all()) {
            MonthlyFigures.MonthOfTown town = figures.of(tenant.code(), month);
            towns.add(new ProviderReport.Town(tenant.name(), town.figures()));
            town.incidents().forEach(incident -> incidents.putIfAbsent(incident.id(), incident));
            town.maintenance().forEach(window -> maintenance.putIfAbsent(window.id(), window));
        }
        List<SlaFigures> trend = new ArrayList<>();
        for (int back = 11; back > 0; back--) {
            trend.add(whole(month.minusMonths(back)));
        }
        SlaFigures whole = ProviderReport.whole(month.toString(), towns.stream().map(ProviderReport.Town::figures)
                .toList(), incidents.size(), properties);
        trend.add(whole);
        return new ProviderReport(month.toString(), towns, whole,
                incidents.values().stream().sorted(Comparator.comparing(IncidentRecord::startedAt).reversed()).toList(),
                maintenance.values().stream().sorted(Comparator.comparing(MaintenanceRecord::plannedStart).reversed())
                        .toList(),
                trend);
    }

    private SlaFigures whole(YearMonth month) {
        Map<Long, Boolean> incidents = new LinkedHashMap<>();
        List<SlaFigures> towns = new ArrayList<>();
        for (Tenant tenant : tenants.all()) {
            MonthlyFigures.MonthOfTown town = figures.of(tenant.code(), month);
            towns.add(town.figures());
            town.incidents().forEach(incident -> incidents.put(incident.id(), true));
        }
        return ProviderReport.whole(month.toString(), towns, incidents.size(), properties);
    }
}
