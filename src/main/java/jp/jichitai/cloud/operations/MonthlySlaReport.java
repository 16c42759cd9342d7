package jp.jichitai.cloud.operations;

import java.time.Duration;
import java.time.YearMonth;

/**
 * 月次SLA報告 (monthly SLA report) for one tenant, as reported to each municipality.
 *
 * @param serviceTime          the agreed service hours of the month (サービス提供時間)
 * @param plannedMaintenance   planned stops within service hours, shown separately and excluded
 * @param unplannedOutage      incidents within service hours and outside planned stops
 * @param incidentCount        incidents that touch the month, also outside service hours
 * @param availability         稼働率 = (serviceTime − plannedMaintenance − unplannedOutage)
 *                             / (serviceTime − plannedMaintenance), in milliseconds
 * @param onlineResponseCompliance オンライン応答時間遵守率
 * @param batchCompliance      バッチ処理時間遵守率
 */
public record MonthlySlaReport(YearMonth month, Duration serviceTime, Duration plannedMaintenance,
        Duration unplannedOutage, int incidentCount, Rate availability, long onlineRequests,
        Rate onlineResponseCompliance, long batchRuns, Rate batchCompliance) {
}
