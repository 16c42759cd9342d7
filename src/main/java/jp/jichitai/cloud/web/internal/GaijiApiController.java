package jp.jichitai.cloud.web.internal;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.shared.PlatformMessages;
import jp.jichitai.cloud.tenancy.GaijiMapping;
import jp.jichitai.cloud.tenancy.Tenants;

/** The town's 外字 table: certificates and exports print each 外字 through it. */
@RestController
@RequestMapping("/api/v1/t/{tenantCode}/gaiji")
@Tag(name = "gaiji", description = "外字テーブル")
class GaijiApiController {

    private final Tenants tenants;
    private final AuditLog auditLog;

    GaijiApiController(Tenants tenants, AuditLog auditLog) {
        this.tenants = tenants;
        this.auditLog = auditLog;
    }

    record MappingView(String codePoint, String character, String substitute, String description) {
        static MappingView of(GaijiMapping mapping) {
            return new MappingView(mapping.codePointText(), Character.toString(mapping.codePoint()),
                    mapping.substitute(), mapping.description());
        }
    }

    record MappingBody(String substitute, String description) {
    }

    @GetMapping
    @Operation(summary = "外字テーブルの一覧")
    List<MappingView> mappings(@PathVariable String tenantCode) {
        return tenants.currentGaijiMappings().stream().map(MappingView::of).toList();
    }

    @PutMapping("/{codePoint}")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Operation(summary = "外字の代替文字・説明を設定する（団体管理者）。codePoint は E000 や U+E000 の形")
    MappingView save(@PathVariable String tenantCode, @PathVariable String codePoint, @RequestBody MappingBody body) {
        GaijiMapping mapping = new GaijiMapping(GaijiMapping.parseCodePoint(codePoint), body.substitute(),
                body.description());
        tenants.saveGaijiMapping(mapping);
        auditLog.record(AuditEvent.of("gaiji.mapping.save", "gaiji:" + mapping.codePointText()));
        return MappingView.of(mapping);
    }

    @DeleteMapping("/{codePoint}")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Operation(summary = "外字の対応を削除する（団体管理者）")
    ResponseEntity<Object> remove(@PathVariable String tenantCode, @PathVariable String codePoint) {
        int point = GaijiMapping.parseCodePoint(codePoint);
        boolean removed = tenants.removeGaijiMapping(point);
        auditLog.record(AuditEvent.of("gaiji.mapping.remove", "gaiji:" + String.format("U+%04X", point))
                .outcome(removed ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE));
        return removed ? ResponseEntity.noContent().build()
                : ResponseEntity.status(404).body(PlatformMessages.error("E-API-0404"));
    }
}
