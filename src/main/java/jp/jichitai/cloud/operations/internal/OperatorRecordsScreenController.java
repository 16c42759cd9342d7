package jp.jichitai.cloud.operations.internal;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.operations.internal.RecordInputs.IncidentInput;
import jp.jichitai.cloud.operations.internal.RecordInputs.MaintenanceInput;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.tenancy.Tenants;

/** The operator's screens for 障害記録 and メンテナンス記録 (path /operator/** is operator only). */
@Controller
class OperatorRecordsScreenController {

    private final OperationsRecords records;
    private final ProviderRecords changes;
    private final Tenants tenants;

    OperatorRecordsScreenController(OperationsRecords records, ProviderRecords changes, Tenants tenants) {
        this.records = records;
        this.changes = changes;
        this.tenants = tenants;
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("not found", null, false, false);
        }
    }

    @GetMapping("/operator/incidents")
    String incidents(Model model) {
        model.addAttribute("incidents", new MonthlyReport("", null, records.allIncidents(), java.util.List.of(),
                java.util.List.of()).incidentRows());
        model.addAttribute("ids", records.allIncidents().stream().map(IncidentRecord::id).toList());
        model.addAttribute("tenants", tenants.all());
        return "operations/incidents";
    }

    @GetMapping("/operator/incidents/new")
    String newIncident(Model model) {
        return incidentForm(0, IncidentInput.empty(), model);
    }

    @GetMapping("/operator/incidents/{id:\\d+}")
    String editIncident(@PathVariable long id, Model model) {
        return incidentForm(id, IncidentInput.of(records.incident(id).orElseThrow(NotFound::new)), model);
    }

    @PostMapping("/operator/incidents/{id:\\d+}")
    String saveIncident(@PathVariable long id, @Validated @ModelAttribute("form") IncidentInput form,
            BindingResult errors, @AuthenticationPrincipal JichitaiUser operator, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return incidentForm(id, form, model);
        }
        try {
            changes.saveIncident(id, form, operator.username());
        } catch (BusinessException refused) {
            model.addAttribute("refusal", refused.japaneseMessage());
            return incidentForm(id, form, model);
        }
        redirect.addFlashAttribute("notice", "障害記録を保存しました。");
        return "redirect:/operator/incidents";
    }

    private String incidentForm(long id, IncidentInput form, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("tenants", tenants.all());
        return "operations/incident-form";
    }

    @GetMapping("/operator/maintenance")
    String maintenance(Model model) {
        var all = records.allMaintenance();
        model.addAttribute("maintenance", new MonthlyReport("", null, java.util.List.of(), all, java.util.List.of())
                .maintenanceRows());
        model.addAttribute("ids", all.stream().map(MaintenanceRecord::id).toList());
        return "operations/maintenance";
    }

    @GetMapping("/operator/maintenance/new")
    String newMaintenance(Model model) {
        return maintenanceForm(0, MaintenanceInput.empty(), model);
    }

    @GetMapping("/operator/maintenance/{id:\\d+}")
    String editMaintenance(@PathVariable long id, Model model) {
        return maintenanceForm(id, MaintenanceInput.of(records.maintenance(id).orElseThrow(NotFound::new)), model);
    }

    @PostMapping("/operator/maintenance/{id:\\d+}")
    String saveMaintenance(@PathVariable long id, @Validated @ModelAttribute("form") MaintenanceInput form,
            BindingResult errors, @AuthenticationPrincipal JichitaiUser operator, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return maintenanceForm(id, form, model);
        }
        try {
            changes.saveMaintenance(id, form, operator.username());
        } catch (BusinessException refused) {
            model.addAttribute("refusal", refused.japaneseMessage());
            return maintenanceForm(id, form, model);
        }
        redirect.addFlashAttribute("notice", "メンテナンス記録を保存しました。");
        return "redirect:/operator/maintenance";
    }

    private String maintenanceForm(long id, MaintenanceInput form, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("tenants", tenants.all());
        return "operations/maintenance-form";
    }
}
