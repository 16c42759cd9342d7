package jp.jichitai.cloud.operations.internal;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * The 運用報告書 screens: the town's administrator (and auditor) see their own town's month; the
 * operator sees any town's, as the provider who reports to them, and the report of all towns
 * ({@code /operator/sla-summary}; /operator/** is operator only).
 */
@Controller
class SlaScreenController {

    private final SlaReports reports;
    private final AuditLog auditLog;

    SlaScreenController(SlaReports reports, AuditLog auditLog) {
        this.reports = reports;
        this.auditLog = auditLog;
    }

    @GetMapping("/admin/sla")
    String townReport(@RequestParam(required = false) String month, Model model) {
        return show(TenantContext.require(), month, "/admin/sla", model);
    }

    @GetMapping("/admin/sla/{month}.pdf")
    ResponseEntity<byte[]> townPdf(@PathVariable String month) {
        return pdf(TenantContext.require(), month);
    }

    @GetMapping("/admin/sla/{month}.csv")
    ResponseEntity<byte[]> townCsv(@PathVariable String month) {
        return csv(TenantContext.require(), month);
    }

    @GetMapping("/admin/sla/{month}/charts/{kind}.png")
    ResponseEntity<byte[]> townChart(@PathVariable String month, @PathVariable String kind) {
        return chart(TenantContext.require(), month, kind);
    }

    @GetMapping("/operator/sla/{tenant}")
    String operatorReport(@PathVariable String tenant, @RequestParam(required = false) String month, Model model) {
        return show(TenantCode.of(tenant), month, "/operator/sla/" + tenant, model);
    }

    @GetMapping("/operator/sla/{tenant}/{month}.pdf")
    ResponseEntity<byte[]> operatorPdf(@PathVariable String tenant, @PathVariable String month) {
        return pdf(TenantCode.of(tenant), month);
    }

    @GetMapping("/operator/sla/{tenant}/{month}.csv")
    ResponseEntity<byte[]> operatorCsv(@PathVariable String tenant, @PathVariable String month) {
        return csv(TenantCode.of(tenant), month);
    }

    @GetMapping("/operator/sla/{tenant}/{month}/charts/{kind}.png")
    ResponseEntity<byte[]> operatorChart(@PathVariable String tenant, @PathVariable String month,
            @PathVariable String kind) {
        return chart(TenantCode.of(tenant), month, kind);
    }

    @GetMapping("/operator/sla-summary")
    String providerReport(@RequestParam(required = false) String month, Model model) {
        YearMonth chosen = chosen(month);
        model.addAttribute("report", reports.provider(chosen));
        model.addAttribute("base", "/operator/sla-summary");
        model.addAttribute("month", chosen.toString());
        model.addAttribute("previousMonth", chosen.minusMonths(1).toString());
        model.addAttribute("nextMonth", chosen.plusMonths(1).toString());
        return "operations/provider-report";
    }

    @GetMapping("/operator/sla-summary/{month}.pdf")
    ResponseEntity<byte[]> providerPdf(@PathVariable String month) {
        ProviderReport report = reports.provider(SlaApiController.parseMonth(month));
        auditLog.record(AuditEvent.of("sla.provider-report.print", "sla-report:all:" + month));
        return download(MonthlyReportPdf.render(report), MediaType.APPLICATION_PDF,
                "operations-report-all-" + month + ".pdf");
    }

    @GetMapping("/operator/sla-summary/{month}.csv")
    ResponseEntity<byte[]> providerCsv(@PathVariable String month) {
        ProviderReport report = reports.provider(SlaApiController.parseMonth(month));
        auditLog.record(AuditEvent.of("sla.provider-report.export", "sla-report:all:" + month));
        return download(report.csv().getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("text/csv;charset=UTF-8"), "sla-all-" + month + ".csv");
    }

    @GetMapping("/operator/sla-summary/{month}/charts/{kind}.png")
    ResponseEntity<byte[]> providerChart(@PathVariable String month, @PathVariable String kind) {
        ProviderReport report = reports.provider(SlaApiController.parseMonth(month));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .body(TrendCharts.png(TrendCharts.draw(kindOf(kind), report.trend())));
    }

    private static YearMonth chosen(String month) {
        return month == null || month.isBlank() ? YearMonth.now(SlaProperties.ZONE) : SlaApiController.parseMonth(month);
    }

    private static TrendCharts.Kind kindOf(String kind) {
        return "requests".equals(kind) ? TrendCharts.Kind.REQUESTS : TrendCharts.Kind.AVAILABILITY;
    }

    private String show(TenantCode tenant, String month, String base, Model model) {
        YearMonth chosen = chosen(month);
        model.addAttribute("report", reports.report(tenant, chosen));
        model.addAttribute("base", base);
        model.addAttribute("month", chosen.toString());
        model.addAttribute("previousMonth", chosen.minusMonths(1).toString());
        model.addAttribute("nextMonth", chosen.plusMonths(1).toString());
        return "operations/report";
    }

    private ResponseEntity<byte[]> pdf(TenantCode tenant, String month) {
        MonthlyReport report = reports.report(tenant, SlaApiController.parseMonth(month));
        auditLog.record(AuditEvent.of("sla.report.print", "sla-report:" + tenant + ":" + month));
        return download(MonthlyReportPdf.render(report), MediaType.APPLICATION_PDF,
                "operations-report-" + tenant + "-" + month + ".pdf");
    }

    private ResponseEntity<byte[]> csv(TenantCode tenant, String month) {
        MonthlyReport report = reports.report(tenant, SlaApiController.parseMonth(month));
        auditLog.record(AuditEvent.of("sla.report.export", "sla-report:" + tenant + ":" + month));
        return download(report.csv().getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("text/csv;charset=UTF-8"), "sla-" + tenant + "-" + month + ".csv");
    }

    private ResponseEntity<byte[]> chart(TenantCode tenant, String month, String kind) {
        TrendCharts.Kind chosen = kindOf(kind);
        MonthlyReport report = reports.report(tenant, SlaApiController.parseMonth(month));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .body(TrendCharts.png(TrendCharts.draw(chosen, report.trend())));
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }
}
