package jp.jichitai.cloud.operations.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.jichitai.cloud.tenancy.TenantContext;

/** A town's monthly SLA figures, for any of its users (the path's town was checked by the platform). */
@RestController
@Tag(name = "sla", description = "サービスレベル（SLA）の実績")
class SlaApiController {

    private final MonthlyFigures figures;

    SlaApiController(MonthlyFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/v1/t/{tenantCode}/sla/{month}")
    @Operation(summary = "月次のSLA実績（稼働率、オンライン応答時間遵守率など。百分率、測定対象なしは null）")
    SlaFigures month(@PathVariable String tenantCode, @PathVariable String month) {
        return figures.figures(TenantContext.require(), parseMonth(month));
    }

    static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw OperationsRefusals.refusal("E-OPS-0022", month);
        }
    }
}
