package jp.jichitai.cloud.operations.internal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.operations.internal.RecordInputs.IncidentInput;
import jp.jichitai.cloud.operations.internal.RecordInputs.MaintenanceInput;
import jp.jichitai.cloud.operations.internal.RecordInputs.TicketInput;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.Tenants;

/** The operator's changes to the provider's records: checked against the tenant register, audited. */
@Service
class ProviderRecords {

    private final OperationsRecords records;
    private final Tenants tenants;
    private final AuditLog auditLog;

    ProviderRecords(OperationsRecords records, Tenants tenants, AuditLog auditLog) {
        this.records = records;
        this.tenants = tenants;
        this.auditLog = auditLog;
    }

    IncidentRecord saveIncident(long id, IncidentInput input, String operator) {
        IncidentRecord saved = records.saveIncident(new IncidentRecord(id, input.startedAt(), input.endedAt(),
                registered(input.affectedTenants()), input.systems().strip(), input.impact().strip(),
                text(input.cause()), text(input.actions()), text(input.recurrencePrevention())), operator);
        auditLog.record(AuditEvent.of(id == 0 ? "incident.create" : "incident.update", "incident:" + saved.id()));
        return saved;
    }

    boolean deleteIncident(long id) {
        boolean deleted = records.deleteIncident(id);
        auditLog.record(AuditEvent.of("incident.delete", "incident:" + id)
                .outcome(deleted ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE));
        return deleted;
    }

    MaintenanceRecord saveMaintenance(long id, MaintenanceInput input, String operator) {
        if (input.actualEnd() != null && input.actualStart() == null) {
            throw OperationsRefusals.refusal("E-OPS-0024");
        }
        MaintenanceRecord saved = records.saveMaintenance(new MaintenanceRecord(id, input.title().strip(),
                input.plannedStart(), input.plannedEnd(), input.noticeSentAt(), input.actualStart(), input.actualEnd(),
                registered(input.affectedTenants()), text(input.workDone())), operator);
        auditLog.record(AuditEvent.of(id == 0 ? "maintenance.create" : "maintenance.update",
                "maintenance:" + saved.id()));
        return saved;
    }

    boolean deleteMaintenance(long id) {
        boolean deleted = records.deleteMaintenance(id);
        auditLog.record(AuditEvent.of("maintenance.delete", "maintenance:" + id)
                .outcome(deleted ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE));
        return deleted;
    }

    SupportTicket saveTicket(long id, TicketInput input, String operator) {
        SupportCategory category = Arrays.stream(SupportCategory.values())
                .filter(value -> value.name().equals(input.category()) || value.japaneseName().equals(input.category()))
                .findFirst()
                .orElseThrow(() -> OperationsRefusals.refusal("E-OPS-0023", Arrays.stream(SupportCategory.values())
                        .map(SupportCategory::japaneseName).collect(Collectors.joining("・")), input.category()));
        if (input.answeredAt() != null && input.answeredAt().isBefore(input.receivedAt())) {
            throw OperationsRefusals.refusal("E-OPS-0001", input.receivedAt(), input.answeredAt());
        }
        SupportTicket saved = records.saveTicket(new SupportTicket(id, registered(List.of(input.tenant())).get(0),
                input.receivedAt(), input.answeredAt(), category, input.subject().strip()), operator);
        auditLog.record(AuditEvent.of(id == 0 ? "ticket.create" : "ticket.update", "ticket:" + saved.id()));
        return saved;
    }

    boolean deleteTicket(long id) {
        boolean deleted = records.deleteTicket(id);
        auditLog.record(AuditEvent.of("ticket.delete", "ticket:" + id)
                .outcome(deleted ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE));
        return deleted;
    }

    void recordContractChange(TenantCode tenant) {
        auditLog.record(AuditEvent.of("sla.contract.update", "sla-contract:" + tenant));
    }

    private List<TenantCode> registered(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw OperationsRefusals.refusal("E-OPS-0021");
        }
        return codes.stream().distinct().map(code -> {
            TenantCode tenant = TenantCode.of(code);
            if (tenants.find(tenant).isEmpty()) {
                throw OperationsRefusals.refusal("E-OPS-0020", code);
            }
            return tenant;
        }).sorted().toList();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
