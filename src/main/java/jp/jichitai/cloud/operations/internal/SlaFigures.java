package jp.jichitai.cloud.operations.internal;

import java.math.BigDecimal;

/**
 * 月次のSLA実績 (the month's SLA figures of one town) as the API, the screen, the CSV and the report
 * show them. Percentages are numbers truncated to two decimals; {@code null} where nothing was
 * measured (n/a).
 *
 * @param availability              稼働率 in percent
 * @param onlineCompliance          オンライン応答時間遵守率 in percent
 * @param batchCompliance           バッチ処理時間遵守率 in percent
 * @param supportCompliance         問い合わせ対応率: tickets answered within the target, in percent
 */
public record SlaFigures(String tenant, String month, long serviceMinutes, long plannedMaintenanceMinutes,
        long incidentMinutes, int incidentCount, BigDecimal availability, BigDecimal availabilityTarget,
        Boolean availabilityMet, long requestCount, long requestsWithinTarget, BigDecimal onlineTargetSeconds,
        BigDecimal onlineCompliance, BigDecimal onlineComplianceTarget, Boolean onlineComplianceMet, long batchRuns,
        long batchRunsWithinTarget, BigDecimal batchCompliance, BigDecimal batchComplianceTarget,
        Boolean batchComplianceMet, long supportTickets, long supportTicketsAnsweredInTime,
        BigDecimal supportCompliance) {
}
