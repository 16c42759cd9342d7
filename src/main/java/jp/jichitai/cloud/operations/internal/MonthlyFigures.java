package jp.jichitai.cloud.operations.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import jp.jichitai.cloud.operations.DailyAggregate;
import jp.jichitai.cloud.operations.HealthProbeOutages;
import jp.jichitai.cloud.operations.MonthlySlaReport;
import jp.jichitai.cloud.operations.Outage;
import jp.jichitai.cloud.operations.Rate;
import jp.jichitai.cloud.operations.SlaCalculator;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * The month's figures of a town, from its stored daily aggregates and the provider's incident and
 * maintenance records that name it, the failed health probes, and the hours of its {@link SlaContract}.
 */
@Service
class MonthlyFigures {

    private final DailyAggregates aggregates;
    private final OperationsRecords records;
    private final SlaContracts contracts;
    private final HealthProbes probes;
    private final SlaProperties properties;
    private final Clock clock;

    MonthlyFigures(DailyAggregates aggregates, OperationsRecords records, SlaContracts contracts,
            HealthProbes probes, SlaProperties properties) {
        this.aggregates = aggregates;
        this.contracts = contracts;
        this.probes = probes;
        this.records = records;
        this.properties = properties;
        this.clock = Clock.system(SlaProperties.ZONE);
    }

    /** The figures and the month's records of one town, read in that town's scope. */
    record MonthOfTown(SlaFigures figures, List<IncidentRecord> incidents, List<MaintenanceRecord> maintenance) {
    }

    MonthOfTown of(TenantCode tenant, YearMonth month) {
        LocalDateTime from = month.atDay(1).atStartOfDay();
        LocalDateTime to = month.plusMonths(1).atDay(1).atStartOfDay();
        LocalDateTime now = LocalDateTime.now(clock);
        SlaContract contract = contracts.of(tenant);
        List<IncidentRecord> incidents = records.incidentsOf(tenant, from, to);
        List<MaintenanceRecord> maintenance = records.maintenanceOf(tenant, from, to);
        List<Outage> outages = new ArrayList<>();
        incidents.forEach(incident -> incident.outageUntil(now).ifPresent(outages::add));
        maintenance.forEach(window -> window.outageAsOf(now).ifPresent(outages::add));
        List<Outage> probeFailures = HealthProbeOutages.of(probes.failedMinutes(from, to));
        outages.addAll(probeFailures);
        List<DailyAggregate> days = TenantContext.callAs(tenant, () -> aggregates.ofMonth(tenant, month));

        Duration onlineTarget = properties.onlineTargetOf(tenant);
        MonthlySlaReport report = new SlaCalculator(contract.serviceWindow(), onlineTarget)
                .report(month, outages, days);
        // The probe's own share, for the report: its failed minutes within the service hours.
        long probeFailedMinutes = new SlaCalculator(contract.serviceWindow(), onlineTarget)
                .report(month, probeFailures, List.of()).unplannedOutage().toMinutes();
        long batchWithin = days.stream().mapToLong(day -> day.batch().runsWithinTarget()).sum();
        long requestsWithin = days.stream().mapToLong(day -> day.online().countWithin(onlineTarget)).sum();

        SupportDesk desk = SupportDesk.of(records.ticketsOf(tenant, from, to), contract.supportWindow(),
                properties.getSupportAnswerTarget(), now);
        Rate support = desk.compliance();

        SlaFigures figures = new SlaFigures(tenant.value(), month.toString(), contract.serviceWindow().japanese(),
                report.serviceTime().toMinutes(), report.plannedMaintenance().toMinutes(), probeFailedMinutes,
                report.unplannedOutage().toMinutes(), report.incidentCount() - probeFailures.size(),
                percent(report.availability()), properties.getAvailabilityTargetPercent(),
                met(report.availability(), properties.getAvailabilityTargetPercent()), report.onlineRequests(),
                requestsWithin, BigDecimal.valueOf(onlineTarget.toMillis(), 3).stripTrailingZeros(),
                percent(report.onlineResponseCompliance()), properties.getOnlineComplianceTargetPercent(),
                met(report.onlineResponseCompliance(), properties.getOnlineComplianceTargetPercent()),
                report.batchRuns(), batchWithin, percent(report.batchCompliance()),
                properties.getBatchComplianceTargetPercent(),
                met(report.batchCompliance(), properties.getBatchComplianceTargetPercent()),
                contract.supportWindow().japanese(), contract.supportWindow().serviceTime(month).toMinutes(),
                properties.getSupportAnswerTarget().toMinutes(), support.denominator(), support.numerator(),
                desk.pending(), percent(support), properties.getSupportComplianceTargetPercent(),
                met(support, properties.getSupportComplianceTargetPercent()));
        return new MonthOfTown(figures, incidents, maintenance);
    }

    SlaFigures figures(TenantCode tenant, YearMonth month) {
        return of(tenant, month).figures();
    }

    /** The figures of the twelve months up to and including {@code last}, oldest first (trend charts). */
    List<SlaFigures> trend(TenantCode tenant, YearMonth last) {
        List<SlaFigures> months = new ArrayList<>();
        for (int back = 11; back >= 0; back--) {
            months.add(figures(tenant, last.minusMonths(back)));
        }
        return months;
    }

    private static BigDecimal percent(Rate rate) {
        return rate.percent().orElse(null);
    }

    private static Boolean met(Rate rate, BigDecimal target) {
        return rate.isApplicable() ? rate.meets(target) : null;
    }
}
