package jp.jichitai.cloud.migration.internal;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.migration.GaijiInventory;

/** The 外字実態調査 as data, for the town's administrator; the mapping itself is set through {@code PUT .../gaiji/{codePoint}}. */
@RestController
@Tag(name = "gaiji", description = "外字テーブル")
class GaijiInventoryApiController {

    private final GaijiInventories inventories;
    private final AuditLog auditLog;

    GaijiInventoryApiController(GaijiInventories inventories, AuditLog auditLog) {
        this.inventories = inventories;
        this.auditLog = auditLog;
    }

    record PlaceView(String register, String reference, String field) {
    }

    record EntryView(String codePoint, String cp932, String character, int count, List<PlaceView> places,
            String substitute, String description) {
    }

    @GetMapping("/api/v1/t/{tenantCode}/gaiji/inventory")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Operation(summary = "外字実態調査: 団体のデータにある外字と出現箇所（団体管理者）")
    List<EntryView> inventory(@PathVariable String tenantCode) {
        GaijiInventory inventory = inventories.ofCurrentTenant();
        auditLog.record(AuditEvent.of("gaiji.inventory.view", "gaiji-inventory")
                .query(inventory.entries().size() + " characters, " + inventory.totalPlaces() + " places"));
        return inventory.entries().stream().map(entry -> new EntryView(entry.codePointText(),
                entry.cp932Code().orElse(null), entry.character(), entry.count(),
                entry.places().stream().map(place -> new PlaceView(place.register(), place.reference(), place.field()))
                        .toList(),
                entry.mapping().map(mapping -> mapping.substitute()).orElse(null),
                entry.mapping().map(mapping -> mapping.description()).orElse(null))).toList();
    }
}
