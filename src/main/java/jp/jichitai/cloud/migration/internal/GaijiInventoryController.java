package jp.jichitai.cloud.migration.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.migration.GaijiInventory;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.tenancy.GaijiMapping;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * The administrator's 外字実態調査 screen: every 外字 in the town's data with where it occurs, and a form on each
 * row that sets its mapping in the town's 外字 table (the table certificates and exports print through).
 */
@Controller
@PreAuthorize("hasRole('TENANT_ADMIN')")
class GaijiInventoryController {

    /** Places listed on the screen per 外字; the rest are counted (the command line lists them all). */
    static final int PLACES_SHOWN = 20;

    private final GaijiInventories inventories;
    private final Tenants tenants;
    private final AuditLog auditLog;

    GaijiInventoryController(GaijiInventories inventories, Tenants tenants, AuditLog auditLog) {
        this.inventories = inventories;
        this.tenants = tenants;
        this.auditLog = auditLog;
    }

    /** One row's form: the code point (hidden), a substitute and/or a description. */
    record MappingForm(String codePoint, String substitute, String description) {
    }

    @GetMapping("/admin/gaiji/inventory")
    String inventory(Model model) {
        show(model);
        return "admin/gaiji-inventory";
    }

    @PostMapping("/admin/gaiji/inventory")
    String saveMapping(@ModelAttribute MappingForm form, Model model, RedirectAttributes redirect) {
        try {
            GaijiMapping mapping = new GaijiMapping(GaijiMapping.parseCodePoint(form.codePoint()), form.substitute(),
                    form.description());
            tenants.saveGaijiMapping(mapping);
            auditLog.record(AuditEvent.of("gaiji.mapping.save", "gaiji:" + mapping.codePointText()));
            redirect.addFlashAttribute("notice", mapping.codePointText() + " の対応を保存しました。");
            redirect.addFlashAttribute("saved", mapping.codePointText());
            return "redirect:/admin/gaiji/inventory";
        } catch (BusinessException refused) {
            model.addAttribute("formError", refused.japaneseMessage());
            model.addAttribute("failedCodePoint", form.codePoint());
            model.addAttribute("failedForm", form);
            show(model);
            return "admin/gaiji-inventory";
        }
    }

    private void show(Model model) {
        GaijiInventory inventory = inventories.ofCurrentTenant();
        auditLog.record(AuditEvent.of("gaiji.inventory.view", "gaiji-inventory")
                .query(inventory.entries().size() + " characters, " + inventory.totalPlaces() + " places"));
        model.addAttribute("inventory", inventory);
        model.addAttribute("placesShown", PLACES_SHOWN);
    }
}
