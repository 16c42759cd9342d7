package jp.jichitai.cloud.fitgap.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.jichitai.cloud.fitgap.FitGapWorkbook;
import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.shared.ApiError;
import jp.jichitai.cloud.shared.MessageId;

/**
 * A town's fit and gap analyses. The path's town has been checked against the user's by the
 * platform; an analysis number of another town is simply not found in this town's rows.
 */
@RestController
@RequestMapping("/api/v1/t/{tenantCode}/fit-gap/analyses")
@Tag(name = "fit-gap", description = "フィット&ギャップ分析")
class FitGapApiController {

    static final ApiError NOT_FOUND = new ApiError(MessageId.of("E-API-0404"), "指定されたデータは見つかりません。");
    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final FitGapService service;

    FitGapApiController(FitGapService service) {
        this.service = service;
    }

    record StartRequest(String templateId, String title, List<String> steps) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'AUDITOR')")
    @Operation(summary = "フィット&ギャップ分析の一覧")
    List<AnalysisView> analyses(@PathVariable String tenantCode) {
        return service.all().stream().map(AnalysisView::of).toList();
    }

    @PostMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Operation(summary = "標準手順書テンプレートから分析を始める（手順を選ばなければ全手順）")
    ResponseEntity<AnalysisView> start(@PathVariable String tenantCode, @RequestBody(required = false) StartRequest request,
            @AuthenticationPrincipal JichitaiUser user) {
        StartRequest body = request == null ? new StartRequest(null, null, null) : request;
        long id = service.start(body.templateId(), body.title(), body.steps(), user.username());
        return ResponseEntity.status(HttpStatus.CREATED).body(AnalysisView.of(service.find(id).orElseThrow()));
    }

    @GetMapping("/{id:\\d+}")
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'AUDITOR')")
    @Operation(summary = "フィット&ギャップ分析（手順ごとの判定と集計）")
    ResponseEntity<?> analysis(@PathVariable String tenantCode, @PathVariable long id) {
        return service.find(id).<ResponseEntity<?>>map(found -> ResponseEntity.ok(AnalysisView.of(found)))
                .orElseGet(FitGapApiController::notFound);
    }

    @PutMapping("/{id:\\d+}/steps/{step}")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Operation(summary = "手順の判定（導入可・事務変更・仕様変更・双方変更・導入しない）、現行の運用、対応策、担当、期限を記録する")
    ResponseEntity<?> assess(@PathVariable String tenantCode, @PathVariable long id, @PathVariable String step,
            @RequestBody FitGapService.AssessmentInput input, @AuthenticationPrincipal JichitaiUser user) {
        return service.assess(id, step, input, user.username())
                .<ResponseEntity<?>>map(found -> ResponseEntity.ok(AnalysisView.of(found)))
                .orElseGet(FitGapApiController::notFound);
    }

    @GetMapping("/{id:\\d+}.xlsx")
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'AUDITOR')")
    @Operation(summary = "フィット&ギャップ分析表（Excel）")
    ResponseEntity<?> workbook(@PathVariable String tenantCode, @PathVariable long id) {
        return service.find(id).<ResponseEntity<?>>map(found -> {
            service.recordExport(id);
            return workbookResponse(found);
        }).orElseGet(FitGapApiController::notFound);
    }

    /** 進捗の推移 as the API answers it: one entry per save, oldest first. */
    record Progress(int number, java.time.OffsetDateTime takenAt, java.util.Map<String, Integer> countsByClass,
            int unassessed, java.math.BigDecimal completionPercent) {
    }

    @GetMapping("/{id:\\d+}/progress")
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'AUDITOR')")
    @Operation(summary = "進捗の推移（保存ごとの判定別件数）")
    ResponseEntity<?> progress(@PathVariable String tenantCode, @PathVariable long id) {
        return service.find(id).<ResponseEntity<?>>map(found -> ResponseEntity.ok(service.progress(id).stream()
                .map(snapshot -> {
                    java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
                    snapshot.counts().forEach((fitGapClass, count) -> counts.put(fitGapClass.japaneseName(), count));
                    return new Progress(snapshot.number(), snapshot.takenAt(), counts, snapshot.unassessed(),
                            snapshot.completionPercent());
                }).toList()))
                .orElseGet(FitGapApiController::notFound);
    }

    @GetMapping("/{id:\\d+}.pdf")
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'AUDITOR')")
    @Operation(summary = "フィット&ギャップ分析表（PDF）")
    ResponseEntity<?> pdf(@PathVariable String tenantCode, @PathVariable long id) {
        return service.find(id).<ResponseEntity<?>>map(found -> {
            byte[] pdf = FitGapPdf.render(service.tenantName(), found, service.progress(id));
            service.recordExport(id);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"fit-gap-" + tenantCode + "-" + id
                            + ".pdf\"")
                    .body(pdf);
        }).orElseGet(FitGapApiController::notFound);
    }

    static ResponseEntity<byte[]> workbookResponse(StoredAnalysis analysis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FitGapWorkbook.write(analysis.analysis(), out);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"fit-gap-"
                        + analysis.analysis().tenant().value() + "-" + analysis.id() + ".xlsx\"")
                .body(out.toByteArray());
    }

    private static ResponseEntity<ApiError> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(NOT_FOUND);
    }
}
