package jp.jichitai.cloud.operations.internal;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.operations.internal.RecordInputs.IncidentInput;
import jp.jichitai.cloud.operations.internal.RecordInputs.MaintenanceInput;
import jp.jichitai.cloud.operations.internal.RecordInputs.TicketInput;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.Tenant;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * The operator's screens for 障害記録, メンテナンス記録, 問い合わせ and the towns' SLA契約 (path
 * /operator/** is operator only). The three records share one save flow: validate, save through
 * {@link ProviderRecords}, show the refusal in Japanese on the form, or go back to the list.
 */
@Controller
class OperatorRecordsScreenController {

    private final OperationsRecords records;
    private final ProviderRecords changes;
    private final SlaContracts contracts;
    private final Tenants tenants;

    OperatorRecordsScreenController(OperationsRecords records, ProviderRecords changes, SlaContracts contracts,
            Tenants tenants) {
        this.records = records;
        this.changes = changes;
        this.contracts = contracts;
        this.tenants = tenants;
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("not found", null, false, false);
        }
    }

    /** One kind of record on the screens: its form template, its list and what the notice says. */
    private enum Kind {
        INCIDENT("operations/incident-form", "/operator/incidents", "障害記録を保存しました。"),
        MAINTENANCE("operations/maintenance-form", "/operator/maintenance", "メンテナンス記録を保存しました。"),
        TICKET("operations/ticket-form", "/operator/tickets", "問い合わせを保存しました。");

        final String form;
        final String list;
        final String notice;

        Kind(String form, String list, String notice) {
            this.form = form;
            this.list = list;
            this.notice = notice;
        }
    }

    // ---- incidents

    @GetMapping("/operator/incidents")
    String incidents(Model model) {
        List<IncidentRecord> all = records.allIncidents();
        model.addAttribute("incidents", new MonthlyReport("", null, all, List.of(), List.of()).incidentRows());
        model.addAttribute("ids", all.stream().map(IncidentRecord::id).toList());
        model.addAttribute("tenants", tenants.all());
        return "operations/incidents";
    }

    @GetMapping("/operator/incidents/new")
    String newIncident(Model model) {
        return form(Kind.INCIDENT, 0, IncidentInput.empty(), model);
    }

    @GetMapping("/operator/incidents/{id:\\d+}")
    String editIncident(@PathVariable long id, Model model) {
        return form(Kind.INCIDENT, id, IncidentInput.of(records.incident(id).orElseThrow(NotFound::new)), model);
    }

    @PostMapping("/operator/incidents/{id:\\d+}")
    String saveIncident(@PathVariable long id, @Validated @ModelAttribute("form") IncidentInput form,
            BindingResult errors, @AuthenticationPrincipal JichitaiUser operator, Model model,
            RedirectAttributes redirect) {
        return save(Kind.INCIDENT, id, form, errors, model, redirect,
                input -> changes.saveIncident(id, input, operator.username()));
    }

    // ---- maintenance

    @GetMapping("/operator/maintenance")
    String maintenance(Model model) {
        List<MaintenanceRecord> all = records.allMaintenance();
        model.addAttribute("maintenance", new MonthlyReport("", null, List.of(), all, List.of()).maintenanceRows());
        model.addAttribute("ids", all.stream().map(MaintenanceRecord::id).toList());
        return "operations/maintenance";
    }

    @GetMapping("/operator/maintenance/new")
    String newMaintenance(Model model) {
        return form(Kind.MAINTENANCE, 0, MaintenanceInput.empty(), model);
    }

    @GetMapping("/operator/maintenance/{id:\\d+}")
    String editMaintenance(@PathVariable long id, Model model) {
        return form(Kind.MAINTENANCE, id, MaintenanceInput.of(records.maintenance(id).orElseThrow(NotFound::new)),
                model);
    }

    @PostMapping("/operator/maintenance/{id:\\d+}")
    String saveMaintenance(@PathVariable long id, @Validated @ModelAttribute("form") MaintenanceInput form,
            BindingResult errors, @AuthenticationPrincipal JichitaiUser operator, Model model,
            RedirectAttributes redirect) {
        return save(Kind.MAINTENANCE, id, form, errors, model, redirect,
                input -> changes.saveMaintenance(id, input, operator.username()));
    }

    // ---- support desk

    /** 問い合わせ: the unanswered first (oldest first, as they wait), then the answered, newest first. */
    @GetMapping("/operator/tickets")
    String tickets(Model model) {
        List<SupportTicket> all = records.allTickets();
        model.addAttribute("waiting", all.stream().filter(ticket -> ticket.answeredAt() == null)
                .sorted(java.util.Comparator.comparing(SupportTicket::receivedAt)).map(TicketRow::of).toList());
        model.addAttribute("answered", all.stream().filter(ticket -> ticket.answeredAt() != null).map(TicketRow::of)
                .toList());
        return "operations/tickets";
    }

    @GetMapping("/operator/tickets/new")
    String newTicket(Model model) {
        return form(Kind.TICKET, 0, TicketInput.receivedNow(), model);
    }

    @GetMapping("/operator/tickets/{id:\\d+}")
    String editTicket(@PathVariable long id, Model model) {
        return form(Kind.TICKET, id, TicketInput.of(records.ticket(id).orElseThrow(NotFound::new)), model);
    }

    @PostMapping("/operator/tickets/{id:\\d+}")
    String saveTicket(@PathVariable long id, @Validated @ModelAttribute("form") TicketInput form,
            BindingResult errors, @AuthenticationPrincipal JichitaiUser operator, Model model,
            RedirectAttributes redirect) {
        return save(Kind.TICKET, id, form, errors, model, redirect,
                input -> changes.saveTicket(id, input, operator.username()));
    }

    /** 回答済みにする: records the answer at this minute. */
    @PostMapping("/operator/tickets/{id:\\d+}/answered")
    String answerTicket(@PathVariable long id, @AuthenticationPrincipal JichitaiUser operator,
            RedirectAttributes redirect) {
        SupportTicket ticket = records.ticket(id).orElseThrow(NotFound::new);
        LocalDateTime now = LocalDateTime.now(SlaProperties.ZONE).truncatedTo(ChronoUnit.MINUTES);
        TicketInput answered = TicketInput.of(ticket).answeredAt(now.isBefore(ticket.receivedAt())
                ? ticket.receivedAt() : now);
        changes.saveTicket(id, answered, operator.username());
        redirect.addFlashAttribute("notice", "問い合わせ「" + ticket.subject() + "」を回答済みにしました。");
        return "redirect:/operator/tickets";
    }

    /** A ticket as the list shows it. */
    record TicketRow(long id, String tenant, String received, String answered, String category, String subject) {
        static TicketRow of(SupportTicket ticket) {
            return new TicketRow(ticket.id(), ticket.tenant().value(), ticket.receivedAt().format(MonthlyReport.TIME),
                    ticket.answeredAt() == null ? "回答待ち" : ticket.answeredAt().format(MonthlyReport.TIME),
                    ticket.category().japaneseName(), ticket.subject());
        }
    }

    // ---- contracts

    @GetMapping("/operator/contracts")
    String contracts(Model model) {
        Map<TenantCode, SlaContract> agreed = contracts.all();
        model.addAttribute("rows", tenants.all().stream().map(tenant -> ContractRow.of(tenant,
                agreed.getOrDefault(tenant.code(), SlaContract.DEFAULT))).toList());
        return "operations/contracts";
    }

    @PostMapping("/operator/contracts/{tenant:\\d{6}}")
    String saveContract(@PathVariable String tenant, @RequestParam String serviceWindow,
            @RequestParam String supportWindow, @AuthenticationPrincipal JichitaiUser operator,
            RedirectAttributes redirect) {
        TenantCode code = TenantCode.of(tenant);
        Tenant town = tenants.find(code).orElseThrow(NotFound::new);
        try {
            contracts.save(code, new SlaContract(jp.jichitai.cloud.operations.ServiceWindow.parse(serviceWindow),
                    jp.jichitai.cloud.operations.ServiceWindow.parse(supportWindow), true), operator.username());
            changes.recordContractChange(code);
            redirect.addFlashAttribute("notice", town.name() + "のSLA契約を保存しました。");
        } catch (BusinessException refused) {
            redirect.addFlashAttribute("refusal", town.name() + ": " + refused.japaneseMessage());
        }
        return "redirect:/operator/contracts";
    }

    /** A town's contract as the screen shows it, written and in Japanese. */
    record ContractRow(String code, String name, String serviceWindow, String serviceHours, String supportWindow,
            String supportHours, boolean agreed) {
        static ContractRow of(Tenant tenant, SlaContract contract) {
            return new ContractRow(tenant.code().value(), tenant.name(), contract.serviceWindow().written(),
                    contract.serviceWindow().japanese(), contract.supportWindow().written(),
                    contract.supportWindow().japanese(), contract.agreed());
        }
    }

    // ---- the shared form flow

    private String form(Kind kind, long id, Object form, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("tenants", tenants.all());
        model.addAttribute("categories", SupportCategory.values());
        return kind.form;
    }

    private <F> String save(Kind kind, long id, F form, BindingResult errors, Model model,
            RedirectAttributes redirect, Consumer<F> saving) {
        if (errors.hasErrors()) {
            return form(kind, id, form, model);
        }
        try {
            saving.accept(form);
        } catch (BusinessException refused) {
            model.addAttribute("refusal", refused.japaneseMessage());
            return form(kind, id, form, model);
        }
        redirect.addFlashAttribute("notice", kind.notice);
        return "redirect:" + kind.list;
    }
}
