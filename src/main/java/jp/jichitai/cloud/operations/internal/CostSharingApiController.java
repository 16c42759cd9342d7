package jp.jichitai.cloud.operations.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.operations.CostSharing;
import jp.jichitai.cloud.operations.ThousandYen;
import jp.jichitai.cloud.operations.YearOnYearChange;
import jp.jichitai.cloud.operations.internal.AnnualCosts.AnnualCost;
import jp.jichitai.cloud.shared.ApiError;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.Tenant;
import jp.jichitai.cloud.tenancy.TenantContext;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * 経費按分 (cost sharing): the operator enters each fiscal year's service cost and sharing key; each
 * town's share is computed on reading, with the comparison against the previous year (the source
 * document's "9,098 → 7,863 千円, 13%削減", percent truncated as the document prints it).
 */
@RestController
@Tag(name = "cost-sharing", description = "経費按分")
class CostSharingApiController {

    private final AnnualCosts costs;
    private final Tenants tenants;
    private final AuditLog auditLog;

    CostSharingApiController(AnnualCosts costs, Tenants tenants, AuditLog auditLog) {
        this.costs = costs;
        this.tenants = tenants;
        this.auditLog = auditLog;
    }

    record CostInput(@NotNull(message = "年間経費（千円）を入力してください。") @PositiveOrZero(message = "年間経費は0以上で入力してください。") Long totalThousandYen,
            @NotBlank(message = "按分の基準を入力してください。") @Size(max = 40, message = "按分の基準は40文字以内で入力してください。") String sharingKey,
            @NotEmpty(message = "按分の基準値を団体ごとに入力してください。") Map<String, Long> weights) {
    }

    record Share(String tenant, String name, long weight, long shareThousandYen, Long previousShareThousandYen,
            Long reductionThousandYen, BigDecimal reductionPercent) {
    }

    record Year(int fiscalYear, long totalThousandYen, String sharingKey, List<Share> shares) {
    }

    @ExceptionHandler(OperationsRefusals.RecordNotFound.class)
    ResponseEntity<ApiError> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(OperatorRecordsApiController.NOT_FOUND);
    }

    @PutMapping("/api/v1/operator/costs/{fiscalYear}")
    @Operation(summary = "年度の経費と按分の基準（住民数など）を登録する（運用者）")
    Year save(@PathVariable int fiscalYear, @Validated @RequestBody CostInput input) {
        Map<TenantCode, Long> weights = new LinkedHashMap<>();
        input.weights().forEach((code, weight) -> {
            TenantCode tenant = TenantCode.of(code);
            if (tenants.find(tenant).isEmpty()) {
                throw OperationsRefusals.refusal("E-OPS-0020", code);
            }
            weights.put(tenant, weight == null ? -1 : weight);
        });
        AnnualCost cost = new AnnualCost(fiscalYear, new ThousandYen(input.totalThousandYen()),
                input.sharingKey().strip(), weights);
        CostSharing.share(cost.total(), cost.weights());
        costs.save(cost);
        auditLog.record(AuditEvent.of("cost.update", "annual-cost:" + fiscalYear));
        return year(fiscalYear);
    }

    @GetMapping("/api/v1/operator/costs/{fiscalYear}")
    @Operation(summary = "年度の経費按分と前年度比較（運用者）")
    Year year(@PathVariable int fiscalYear) {
        AnnualCost cost = costs.find(fiscalYear).orElseThrow(OperationsRefusals::notFound);
        Map<TenantCode, ThousandYen> shares = CostSharing.share(cost.total(), cost.weights());
        Map<TenantCode, ThousandYen> previous = costs.find(fiscalYear - 1)
                .map(last -> CostSharing.share(last.total(), last.weights())).orElse(Map.of());
        List<Share> lines = shares.entrySet().stream().map(entry -> share(entry.getKey(),
                cost.weights().get(entry.getKey()), entry.getValue(), Optional.ofNullable(previous.get(entry.getKey()))))
                .toList();
        return new Year(fiscalYear, cost.total().value(), cost.sharingKey(), lines);
    }

    @GetMapping("/api/v1/t/{tenantCode}/costs/{fiscalYear}")
    @Operation(summary = "自団体の経費負担額と前年度比較")
    Share ownShare(@PathVariable String tenantCode, @PathVariable int fiscalYear) {
        TenantCode tenant = TenantContext.require();
        return year(fiscalYear).shares().stream().filter(share -> share.tenant().equals(tenant.value())).findFirst()
                .orElseThrow(OperationsRefusals::notFound);
    }

    private Share share(TenantCode tenant, long weight, ThousandYen share, Optional<ThousandYen> previous) {
        String name = tenants.find(tenant).map(Tenant::name).orElse(tenant.value());
        Optional<YearOnYearChange> change = previous.map(last -> new YearOnYearChange(last, share));
        return new Share(tenant.value(), name, weight, share.value(), previous.map(ThousandYen::value).orElse(null),
                change.map(YearOnYearChange::reduction).orElse(null),
                change.filter(c -> c.previous().value() > 0)
                        .map(c -> c.reductionPercent(0, YearOnYearChange.DOCUMENT_ROUNDING)).orElse(null));
    }
}
