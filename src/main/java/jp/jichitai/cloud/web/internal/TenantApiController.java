package jp.jichitai.cloud.web.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.audit.AuditRecord;
import jp.jichitai.cloud.identity.UserAccount;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.shared.PlatformMessages;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.District;
import jp.jichitai.cloud.tenancy.TenantProfile;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * The tenant's own resources. The path's tenant code has been checked against the signed-in user's
 * tenant before any of these run (identity's TenantBindingFilter), and the transaction is bound to it.
 */
@RestController
@RequestMapping("/api/v1/t/{tenantCode}")
@Tag(name = "tenant", description = "団体の情報と設定")
class TenantApiController {

    private final Tenants tenants;
    private final UserAccounts accounts;
    private final AuditLog auditLog;

    TenantApiController(Tenants tenants, UserAccounts accounts, AuditLog auditLog) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.auditLog = auditLog;
    }

    record TenantSummary(String code, String name, String prefecture, String mayorTitle, String mayorName) {
        static TenantSummary of(TenantProfile profile) {
            return new TenantSummary(profile.code().value(), profile.name(), profile.prefecture(),
                    profile.mayorTitle(), profile.mayorName());
        }
    }

    @GetMapping
    @Operation(summary = "団体の概要（団体コード、名称、首長）")
    TenantSummary profile(@PathVariable String tenantCode) {
        return TenantSummary.of(tenants.currentProfile());
    }

    @GetMapping("/districts")
    @Operation(summary = "行政区の一覧")
    List<District> districts(@PathVariable String tenantCode) {
        return tenants.currentDistricts();
    }

    @PutMapping("/settings")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Operation(summary = "証明書に記載する首長の職名・氏名を変更する（団体管理者）")
    TenantSummary updateSettings(@PathVariable String tenantCode, @Validated @RequestBody MayorForm settings) {
        TenantProfile profile = tenants.updateCurrentMayor(settings.mayorTitle(), settings.mayorName());
        auditLog.record(AuditEvent.of("tenant.settings.update", "tenant-profile"));
        return TenantSummary.of(profile);
    }

    @GetMapping("/audit-log")
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'AUDITOR')")
    @Operation(summary = "アクセスログ（新しい順）")
    List<AuditRecord> auditLog(@PathVariable String tenantCode,
            @RequestParam(defaultValue = "100") int limit) {
        int bounded = Math.max(1, Math.min(limit, 1000));
        auditLog.record(AuditEvent.of("audit.view", "audit-log").query("newest " + bounded));
        return auditLog.newest(bounded);
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Operation(summary = "利用者の一覧（団体管理者）")
    List<UserAccount> users(@PathVariable String tenantCode) {
        return accounts.ofTenant(TenantCode.of(tenantCode));
    }

    @PostMapping("/users/{username}/unlock")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Operation(summary = "利用者のロックを解除する（団体管理者）")
    ResponseEntity<Object> unlock(@PathVariable String tenantCode, @PathVariable String username) {
        boolean unlocked = accounts.unlock(TenantCode.of(tenantCode), username);
        auditLog.record(AuditEvent.of("user.unlock", "user:" + username)
                .outcome(unlocked ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE));
        if (!unlocked) {
            return ResponseEntity.status(404).body(PlatformMessages.error("E-API-0404"));
        }
        return ResponseEntity.ok(Map.of("username", username, "unlocked", true));
    }
}
