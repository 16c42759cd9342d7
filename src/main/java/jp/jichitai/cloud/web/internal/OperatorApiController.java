package jp.jichitai.cloud.web.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.jichitai.cloud.tenancy.Tenants;

/** The provider's view: which towns use the service; never their residents' data. */
@RestController
@Tag(name = "operator", description = "運用者向け")
class OperatorApiController {

    private final Tenants tenants;

    OperatorApiController(Tenants tenants) {
        this.tenants = tenants;
    }

    record TenantEntry(String code, String name, String prefecture) {
    }

    @GetMapping("/api/v1/operator/tenants")
    @Operation(summary = "利用団体の一覧（運用者）")
    List<TenantEntry> tenants() {
        return tenants.all().stream()
                .map(tenant -> new TenantEntry(tenant.code().value(), tenant.name(), tenant.prefecture()))
                .toList();
    }
}
