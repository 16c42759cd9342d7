package jp.jichitai.cloud.operations.internal;

import java.math.BigDecimal;

/**
 * 月次のSLA実績 (the month's SLA figures of one town) as the API, the screen, the CSV and the report
 * show them. Percentages are numbers truncated to two decimals; {@code null} where nothing was
 * measured (n/a).
 *
 * @param serviceHours              サービス提供時間 of the contract, e.g. 24時間365日 or 平日 8:30〜17:15
 * @param healthFailedMinutes       minutes of the service hours whose ヘルスチェック failed
 * @param incidentMinutes           unplanned stop within service hours: incident records and failed
 *                                  health probes together, each minute counted once
 * @param availability              稼働率 in percent
 * @param onlineCompliance          オンライン応答時間遵守率 in percent
 * @param batchCompliance           バッチ処理時間遵守率 in percent
 * @param supportHours              サポート受付時間 of the contract
 * @param supportHoursMinutes       the desk's reception hours in the month
 * @param supportTickets            tickets received in the month whose outcome is known: answered, or
 *                                  unanswered past the target
 * @param supportTicketsPending     tickets unanswered and still within the target
 * @param supportCompliance         サポートサービス稼働率: tickets answered within the target, counted in
 *                                  reception hours, over {@code supportTickets}, in percent
 */
public record SlaFigures(String tenant, String month, String serviceHours, long serviceMinutes,
        long plannedMaintenanceMinutes, long healthFailedMinutes, long incidentMinutes, int incidentCount,
        BigDecimal availability, BigDecimal availabilityTarget, Boolean availabilityMet, long requestCount,
        long requestsWithinTarget, BigDecimal onlineTargetSeconds, BigDecimal onlineCompliance,
        BigDecimal onlineComplianceTarget, Boolean onlineComplianceMet, long batchRuns, long batchRunsWithinTarget,
        BigDecimal batchCompliance, BigDecimal batchComplianceTarget, Boolean batchComplianceMet,
        String supportHours, long supportHoursMinutes, long supportAnswerTargetMinutes, long supportTickets,
        long supportTicketsAnsweredInTime, long supportTicketsPending, BigDecimal supportCompliance,
        BigDecimal supportComplianceTarget, Boolean supportComplianceMet) {
}
