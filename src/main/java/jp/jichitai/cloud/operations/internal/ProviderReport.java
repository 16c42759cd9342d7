package jp.jichitai.cloud.operations.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jp.jichitai.cloud.operations.Rate;

/**
 * 運用報告書（全体） (the provider's monthly operations report): every town's figures side by side with
 * the service as a whole, the month's incidents and maintenance of all towns, and the trend of the
 * whole. For the operator only: a town sees its own report and never another town's figures.
 *
 * <p>The whole is added up from the towns' counts, never averaged from their percentages: availability
 * is the towns' agreed minutes without stops over their agreed minutes, each compliance rate the towns'
 * counts within target over their counts.
 */
record ProviderReport(String month, List<Town> towns, SlaFigures whole, List<IncidentRecord> incidents,
        List<MaintenanceRecord> maintenance, List<SlaFigures> trend) {

    static final String WHOLE = "全団体";

    /** A town's column. */
    record Town(String name, SlaFigures figures) {
    }

    /** One row of the side-by-side table: the item, each town's result, the whole's. */
    record Row(String item, List<String> results, String whole, String target) {
    }

    public String monthTitle() {
        return new MonthlyReport("", whole, List.of(), List.of(), List.of()).monthTitle();
    }

    public List<Row> rows() {
        List<List<MonthlyReport.Line>> columns = towns.stream().map(town -> MonthlyReport.linesOf(town.figures()))
                .toList();
        List<MonthlyReport.Line> wholeLines = MonthlyReport.linesOf(whole);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < wholeLines.size(); i++) {
            int line = i;
            List<String> results = columns.stream().map(column -> column.get(line).result()
                    + (column.get(line).verdict().equals("未達成") ? "（未達成）" : "")).toList();
            boolean sameTargets = columns.stream().map(column -> column.get(line).target()).distinct().count() <= 1;
            rows.add(new Row(wholeLines.get(i).item(), results, wholeLines.get(i).result(),
                    sameTargets ? wholeLines.get(i).target() : "団体ごと"));
        }
        return rows;
    }

    public MonthlyReport incidentsView() {
        return new MonthlyReport(WHOLE, whole, incidents, maintenance, trend);
    }

    /** Every town's row and the whole's, for the month, as CSV (the per-town report's columns). */
    String csv() {
        List<SlaFigures> rows = new ArrayList<>(towns.stream().map(Town::figures).toList());
        rows.add(whole);
        return MonthlyReport.csvOf(rows);
    }

    /** The service as a whole from the towns' figures of one month. */
    static SlaFigures whole(String month, List<SlaFigures> towns, int incidentCount, SlaProperties properties) {
        long service = 0;
        long planned = 0;
        long probe = 0;
        long unplanned = 0;
        long requests = 0;
        long requestsWithin = 0;
        long batch = 0;
        long batchWithin = 0;
        long supportHours = 0;
        long tickets = 0;
        long ticketsInTime = 0;
        long pending = 0;
        for (SlaFigures town : towns) {
            service += town.serviceMinutes();
            planned += town.plannedMaintenanceMinutes();
            probe = Math.max(probe, town.healthFailedMinutes());
            unplanned += town.incidentMinutes();
            requests += town.requestCount();
            requestsWithin += town.requestsWithinTarget();
            batch += town.batchRuns();
            batchWithin += town.batchRunsWithinTarget();
            supportHours = Math.max(supportHours, town.supportHoursMinutes());
            tickets += town.supportTickets();
            ticketsInTime += town.supportTicketsAnsweredInTime();
            pending += town.supportTicketsPending();
        }
        Rate availability = new Rate(service - planned - unplanned, service - planned);
        Rate online = new Rate(requestsWithin, requests);
        Rate batchRate = new Rate(batchWithin, batch);
        Rate support = new Rate(ticketsInTime, tickets);
        SlaFigures any = towns.isEmpty() ? null : towns.get(0);
        BigDecimal onlineTarget = any == null ? BigDecimal.ZERO : any.onlineTargetSeconds();
        return new SlaFigures(WHOLE, month, "団体ごと", service, planned, probe, unplanned, incidentCount,
                availability.percent().orElse(null), properties.getAvailabilityTargetPercent(),
                met(availability, properties.getAvailabilityTargetPercent()), requests, requestsWithin, onlineTarget,
                online.percent().orElse(null), properties.getOnlineComplianceTargetPercent(),
                met(online, properties.getOnlineComplianceTargetPercent()), batch, batchWithin,
                batchRate.percent().orElse(null), properties.getBatchComplianceTargetPercent(),
                met(batchRate, properties.getBatchComplianceTargetPercent()), "団体ごと", supportHours,
                properties.getSupportAnswerTarget().toMinutes(), tickets, ticketsInTime, pending,
                support.percent().orElse(null), properties.getSupportComplianceTargetPercent(),
                met(support, properties.getSupportComplianceTargetPercent()));
    }

    private static Boolean met(Rate rate, BigDecimal target) {
        return rate.isApplicable() ? rate.meets(target) : null;
    }
}
