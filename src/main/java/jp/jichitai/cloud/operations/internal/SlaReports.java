package jp.jichitai.cloud.operations.internal;

import java.time.YearMonth;

import org.springframework.stereotype.Service;

import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.Tenant;
import jp.jichitai.cloud.tenancy.Tenants;

/** Builds a town's 運用報告書 for a month. */
@Service
class SlaReports {

    private final MonthlyFigures figures;
    private final Tenants tenants;

    SlaReports(MonthlyFigures figures, Tenants tenants) {
        this.figures = figures;
        this.tenants = tenants;
    }

    MonthlyReport report(TenantCode tenant, YearMonth month) {
        MonthlyFigures.MonthOfTown current = figures.of(tenant, month);
        String name = tenants.find(tenant).map(Tenant::name).orElse(tenant.value());
        return new MonthlyReport(name, current.figures(), current.incidents(), current.maintenance(),
                figures.trend(tenant, month));
    }
}
