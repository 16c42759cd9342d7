package jp.jichitai.cloud.operations.internal;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * 運用報告書 (monthly operations report) of one town: the month's figures against the SLA targets,
 * the incidents and maintenance of the month, and the trend of the last twelve months. The HTML
 * page, the PDF and the CSV are all made from this one value, so they always agree.
 */
record MonthlyReport(String tenantName, SlaFigures figures, List<IncidentRecord> incidents,
        List<MaintenanceRecord> maintenance, List<SlaFigures> trend) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One line of the figures table: item, result, target, and whether the target was met. */
    record Line(String item, String result, String target, String verdict) {
    }

    /** An incident as the report's table shows it. */
    record IncidentRow(String started, String ended, String systems, String impact, String cause, String actions,
            String recurrencePrevention) {
    }

    /** A maintenance as the report's table shows it. */
    record MaintenanceRow(String title, String planned, String notice, String actual, String workDone) {
    }

    public List<IncidentRow> incidentRows() {
        return incidents.stream().map(incident -> new IncidentRow(incident.startedAt().format(TIME),
                incident.endedAt() == null ? "継続中" : incident.endedAt().format(TIME), incident.systems(),
                incident.impact(), incident.cause(), incident.actions(), incident.recurrencePrevention())).toList();
    }

    public List<MaintenanceRow> maintenanceRows() {
        return maintenance.stream().map(window -> new MaintenanceRow(window.title(),
                window.plannedStart().format(TIME) + " 〜 " + window.plannedEnd().format(TIME),
                window.noticeSentAt() == null ? "未通知" : window.noticeSentAt().format(TIME),
                window.actualStart() == null ? "未実施" : window.actualStart().format(TIME) + " 〜 "
                        + (window.actualEnd() == null ? "実施中" : window.actualEnd().format(TIME)),
                window.workDone())).toList();
    }

    public String monthTitle() {
        String[] parts = figures.month().split("-");
        return parts[0] + "年" + Integer.parseInt(parts[1]) + "月";
    }

    public List<Line> lines() {
        return linesOf(figures);
    }

    static List<Line> linesOf(SlaFigures figures) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("サービス提供時間", hours(figures.serviceMinutes()), figures.serviceHours(), ""));
        lines.add(new Line("計画停止時間", hours(figures.plannedMaintenanceMinutes()), "", ""));
        lines.add(new Line("障害停止時間", hours(figures.incidentMinutes())
                + (figures.healthFailedMinutes() == 0 ? "" : "（うちヘルスチェック異常 " + hours(figures.healthFailedMinutes()) + "）"),
                "", ""));
        lines.add(new Line("障害件数", figures.incidentCount() + "件", "", ""));
        lines.add(new Line("稼働率", percent(figures.availability()), percent(figures.availabilityTarget()) + "以上",
                verdict(figures.availabilityMet())));
        lines.add(new Line("オンライン処理件数", String.format("%,d件", figures.requestCount()), "", ""));
        lines.add(new Line("オンライン応答時間遵守率", percent(figures.onlineCompliance()),
                figures.onlineTargetSeconds().toPlainString() + "秒以内 " + percent(figures.onlineComplianceTarget()) + "以上",
                verdict(figures.onlineComplianceMet())));
        lines.add(new Line("バッチ処理件数", String.format("%,d件", figures.batchRuns()), "", ""));
        lines.add(new Line("バッチ処理時間遵守率", percent(figures.batchCompliance()),
                percent(figures.batchComplianceTarget()) + "以上", verdict(figures.batchComplianceMet())));
        lines.add(new Line("サポート受付時間", hours(figures.supportHoursMinutes()), figures.supportHours(), ""));
        lines.add(new Line("問い合わせ件数", figures.supportTickets() + "件"
                + (figures.supportTicketsPending() == 0 ? "" : "（ほか回答待ち " + figures.supportTicketsPending() + "件）"),
                "", ""));
        lines.add(new Line("サポートサービス稼働率", percent(figures.supportCompliance()),
                "受付時間内" + hours(figures.supportAnswerTargetMinutes()) + "以内の回答 "
                        + percent(figures.supportComplianceTarget()) + "以上",
                verdict(figures.supportComplianceMet())));
        return lines;
    }

    static String percent(BigDecimal value) {
        return value == null ? "n/a" : value.toPlainString() + "%";
    }

    static String hours(long minutes) {
        return minutes % 60 == 0 ? String.format("%,d時間", minutes / 60)
                : String.format("%,d時間%d分", minutes / 60, minutes % 60);
    }

    static String verdict(Boolean met) {
        return met == null ? "対象なし" : met ? "達成" : "未達成";
    }

    /** The twelve months' figures as CSV (UTF-8 with BOM for spreadsheet programs), oldest first. */
    String csv() {
        return csvOf(trend);
    }

    static final String CSV_HEADER = "団体コード,月,サービス提供時間(分),計画停止時間(分),障害停止時間(分),障害件数,稼働率(%),"
                + "オンライン処理件数,目標時間内件数,オンライン応答時間遵守率(%),バッチ処理件数,目標時間内バッチ件数,"
                + "バッチ処理時間遵守率(%),問い合わせ件数,期限内回答件数,サポートサービス稼働率(%),"
                + "ヘルスチェック異常(分),サポート受付時間(分),回答待ち件数\r\n";

    /** Figures as CSV rows under {@link #CSV_HEADER}, one row per town and month. */
    static String csvOf(List<SlaFigures> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(CSV_HEADER);
        for (SlaFigures month : rows) {
            csv.append(String.join(",", month.tenant(), month.month(), Long.toString(month.serviceMinutes()),
                    Long.toString(month.plannedMaintenanceMinutes()), Long.toString(month.incidentMinutes()),
                    Integer.toString(month.incidentCount()), number(month.availability()),
                    Long.toString(month.requestCount()), Long.toString(month.requestsWithinTarget()),
                    number(month.onlineCompliance()), Long.toString(month.batchRuns()),
                    Long.toString(month.batchRunsWithinTarget()), number(month.batchCompliance()),
                    Long.toString(month.supportTickets()), Long.toString(month.supportTicketsAnsweredInTime()),
                    number(month.supportCompliance()), Long.toString(month.healthFailedMinutes()),
                    Long.toString(month.supportHoursMinutes()), Long.toString(month.supportTicketsPending())))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
