package jp.jichitai.cloud.operations.internal;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The operator's input for the provider's records, shared by the API (JSON) and the screens (forms,
 * {@code datetime-local} fields). Times are Japan time without offset, as the operator reads them.
 */
final class RecordInputs {

    private RecordInputs() {
    }

    /** 障害記録の入力. */
    record IncidentInput(
            @NotNull(message = "発生日時を入力してください。") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startedAt,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endedAt,
            @NotEmpty(message = "影響を受けた団体を1つ以上選んでください。") List<String> affectedTenants,
            @NotBlank(message = "対象システムを入力してください。") @Size(max = 200, message = "対象システムは200文字以内で入力してください。") String systems,
            @NotBlank(message = "影響を入力してください。") @Size(max = 2000, message = "影響は2000文字以内で入力してください。") String impact,
            @Size(max = 2000, message = "原因は2000文字以内で入力してください。") String cause,
            @Size(max = 2000, message = "対応内容は2000文字以内で入力してください。") String actions,
            @Size(max = 2000, message = "再発防止策は2000文字以内で入力してください。") String recurrencePrevention) {

        static IncidentInput of(IncidentRecord incident) {
            return new IncidentInput(incident.startedAt(), incident.endedAt(),
                    incident.affectedTenants().stream().map(Object::toString).toList(), incident.systems(),
                    incident.impact(), incident.cause(), incident.actions(), incident.recurrencePrevention());
        }

        static IncidentInput empty() {
            return new IncidentInput(null, null, List.of(), "", "", "", "", "");
        }
    }

    /** メンテナンス記録の入力. */
    record MaintenanceInput(
            @NotBlank(message = "件名を入力してください。") @Size(max = 200, message = "件名は200文字以内で入力してください。") String title,
            @NotNull(message = "予定開始日時を入力してください。") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime plannedStart,
            @NotNull(message = "予定終了日時を入力してください。") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime plannedEnd,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime noticeSentAt,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime actualStart,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime actualEnd,
            @NotEmpty(message = "対象の団体を1つ以上選んでください。") List<String> affectedTenants,
            @Size(max = 2000, message = "作業内容は2000文字以内で入力してください。") String workDone) {

        static MaintenanceInput of(MaintenanceRecord maintenance) {
            return new MaintenanceInput(maintenance.title(), maintenance.plannedStart(), maintenance.plannedEnd(),
                    maintenance.noticeSentAt(), maintenance.actualStart(), maintenance.actualEnd(),
                    maintenance.affectedTenants().stream().map(Object::toString).toList(), maintenance.workDone());
        }

        static MaintenanceInput empty() {
            return new MaintenanceInput("", null, null, null, null, null, List.of(), "");
        }
    }

    /** 問い合わせの入力. */
    record TicketInput(
            @NotBlank(message = "団体を選んでください。") String tenant,
            @NotNull(message = "受付日時を入力してください。") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime receivedAt,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime answeredAt,
            @NotBlank(message = "分類を選んでください。") String category,
            @NotBlank(message = "件名を入力してください。") @Size(max = 200, message = "件名は200文字以内で入力してください。") String subject) {

        static TicketInput of(SupportTicket ticket) {
            return new TicketInput(ticket.tenant().value(), ticket.receivedAt(), ticket.answeredAt(),
                    ticket.category().name(), ticket.subject());
        }

        /** An empty form, received at this minute (the operator types it in as the call comes). */
        static TicketInput receivedNow() {
            return new TicketInput("", LocalDateTime.now(SlaProperties.ZONE).truncatedTo(ChronoUnit.MINUTES), null,
                    SupportCategory.OPERATION.name(), "");
        }

        TicketInput answeredAt(LocalDateTime answered) {
            return new TicketInput(tenant, receivedAt, answered, category, subject);
        }
    }

    /** 障害記録 as the API answers it. */
    record IncidentView(long id, LocalDateTime startedAt, LocalDateTime endedAt, boolean ongoing,
            List<String> affectedTenants, String systems, String impact, String cause, String actions,
            String recurrencePrevention) {

        static IncidentView of(IncidentRecord incident) {
            return new IncidentView(incident.id(), incident.startedAt(), incident.endedAt(), incident.isOngoing(),
                    incident.affectedTenants().stream().map(Object::toString).toList(), incident.systems(),
                    incident.impact(), incident.cause(), incident.actions(), incident.recurrencePrevention());
        }
    }

    /** メンテナンス記録 as the API answers it. */
    record MaintenanceView(long id, String title, LocalDateTime plannedStart, LocalDateTime plannedEnd,
            LocalDateTime noticeSentAt, LocalDateTime actualStart, LocalDateTime actualEnd,
            List<String> affectedTenants, String workDone) {

        static MaintenanceView of(MaintenanceRecord maintenance) {
            return new MaintenanceView(maintenance.id(), maintenance.title(), maintenance.plannedStart(),
                    maintenance.plannedEnd(), maintenance.noticeSentAt(), maintenance.actualStart(),
                    maintenance.actualEnd(), maintenance.affectedTenants().stream().map(Object::toString).toList(),
                    maintenance.workDone());
        }
    }

    /** 問い合わせ as the API answers it. */
    record TicketView(long id, String tenant, LocalDateTime receivedAt, LocalDateTime answeredAt, String category,
            String categoryName, String subject) {

        static TicketView of(SupportTicket ticket) {
            return new TicketView(ticket.id(), ticket.tenant().value(), ticket.receivedAt(), ticket.answeredAt(),
                    ticket.category().name(), ticket.category().japaneseName(), ticket.subject());
        }
    }
}
