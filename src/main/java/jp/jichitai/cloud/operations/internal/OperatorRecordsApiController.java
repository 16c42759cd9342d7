package jp.jichitai.cloud.operations.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.operations.internal.RecordInputs.IncidentInput;
import jp.jichitai.cloud.operations.internal.RecordInputs.IncidentView;
import jp.jichitai.cloud.operations.internal.RecordInputs.MaintenanceInput;
import jp.jichitai.cloud.operations.internal.RecordInputs.MaintenanceView;
import jp.jichitai.cloud.operations.internal.RecordInputs.TicketInput;
import jp.jichitai.cloud.operations.internal.RecordInputs.TicketView;
import jp.jichitai.cloud.shared.ApiError;
import jp.jichitai.cloud.shared.MessageId;

/** The provider's records: incidents, maintenance, support desk tickets (operator only, by path). */
@RestController
@RequestMapping("/api/v1/operator")
@Tag(name = "operator-records", description = "障害・メンテナンス・問い合わせの記録（運用者）")
class OperatorRecordsApiController {

    static final ApiError NOT_FOUND = new ApiError(MessageId.of("E-API-0404"), "指定されたデータは見つかりません。");

    private final OperationsRecords records;
    private final ProviderRecords changes;
    private final HealthProbe healthProbe;

    OperatorRecordsApiController(OperationsRecords records, ProviderRecords changes, HealthProbe healthProbe) {
        this.records = records;
        this.changes = changes;
        this.healthProbe = healthProbe;
    }

    @PostMapping("/health-probe")
    @Operation(summary = "ヘルスチェックを今すぐ実行し、この分の結果を記録する（通常は1分ごとに自動実行）")
    HealthProbe.Result probe() {
        return healthProbe.probe();
    }

    @ExceptionHandler(OperationsRefusals.RecordNotFound.class)
    ResponseEntity<ApiError> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND);
    }

    @GetMapping("/incidents")
    @Operation(summary = "障害記録の一覧")
    List<IncidentView> incidents() {
        return records.allIncidents().stream().map(IncidentView::of).toList();
    }

    @GetMapping("/incidents/{id}")
    @Operation(summary = "障害記録")
    IncidentView incident(@PathVariable long id) {
        return records.incident(id).map(IncidentView::of).orElseThrow(OperationsRefusals::notFound);
    }

    @PostMapping("/incidents")
    @Operation(summary = "障害記録を登録する")
    ResponseEntity<IncidentView> createIncident(@Validated @RequestBody IncidentInput input,
            @AuthenticationPrincipal JichitaiUser operator) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(IncidentView.of(changes.saveIncident(0, input, operator.username())));
    }

    @PutMapping("/incidents/{id}")
    @Operation(summary = "障害記録を更新する（復旧日時、原因、対応、再発防止策の追記など）")
    IncidentView updateIncident(@PathVariable long id, @Validated @RequestBody IncidentInput input,
            @AuthenticationPrincipal JichitaiUser operator) {
        return IncidentView.of(changes.saveIncident(id, input, operator.username()));
    }

    @DeleteMapping("/incidents/{id}")
    @Operation(summary = "障害記録を削除する（誤登録）")
    ResponseEntity<Void> deleteIncident(@PathVariable long id) {
        if (!changes.deleteIncident(id)) {
            throw OperationsRefusals.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/maintenance")
    @Operation(summary = "メンテナンス記録の一覧")
    List<MaintenanceView> maintenance() {
        return records.allMaintenance().stream().map(MaintenanceView::of).toList();
    }

    @GetMapping("/maintenance/{id}")
    @Operation(summary = "メンテナンス記録")
    MaintenanceView maintenance(@PathVariable long id) {
        return records.maintenance(id).map(MaintenanceView::of).orElseThrow(OperationsRefusals::notFound);
    }

    @PostMapping("/maintenance")
    @Operation(summary = "メンテナンス記録を登録する（計画）")
    ResponseEntity<MaintenanceView> createMaintenance(@Validated @RequestBody MaintenanceInput input,
            @AuthenticationPrincipal JichitaiUser operator) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(MaintenanceView.of(changes.saveMaintenance(0, input, operator.username())));
    }

    @PutMapping("/maintenance/{id}")
    @Operation(summary = "メンテナンス記録を更新する（通知日時、実施時間、作業内容）")
    MaintenanceView updateMaintenance(@PathVariable long id, @Validated @RequestBody MaintenanceInput input,
            @AuthenticationPrincipal JichitaiUser operator) {
        return MaintenanceView.of(changes.saveMaintenance(id, input, operator.username()));
    }

    @DeleteMapping("/maintenance/{id}")
    @Operation(summary = "メンテナンス記録を削除する（誤登録）")
    ResponseEntity<Void> deleteMaintenance(@PathVariable long id) {
        if (!changes.deleteMaintenance(id)) {
            throw OperationsRefusals.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tickets")
    @Operation(summary = "問い合わせの一覧")
    List<TicketView> tickets() {
        return records.allTickets().stream().map(TicketView::of).toList();
    }

    @GetMapping("/tickets/{id}")
    @Operation(summary = "問い合わせ")
    TicketView ticket(@PathVariable long id) {
        return records.ticket(id).map(TicketView::of).orElseThrow(OperationsRefusals::notFound);
    }

    @PostMapping("/tickets")
    @Operation(summary = "問い合わせを登録する")
    ResponseEntity<TicketView> createTicket(@Validated @RequestBody TicketInput input,
            @AuthenticationPrincipal JichitaiUser operator) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(TicketView.of(changes.saveTicket(0, input, operator.username())));
    }

    @PutMapping("/tickets/{id}")
    @Operation(summary = "問い合わせを更新する（回答日時）")
    TicketView updateTicket(@PathVariable long id, @Validated @RequestBody TicketInput input,
            @AuthenticationPrincipal JichitaiUser operator) {
        return TicketView.of(changes.saveTicket(id, input, operator.username()));
    }

    @DeleteMapping("/tickets/{id}")
    @Operation(summary = "問い合わせを削除する（誤登録）")
    ResponseEntity<Void> deleteTicket(@PathVariable long id) {
        if (!changes.deleteTicket(id)) {
            throw OperationsRefusals.notFound();
        }
        return ResponseEntity.noContent().build();
    }
}
