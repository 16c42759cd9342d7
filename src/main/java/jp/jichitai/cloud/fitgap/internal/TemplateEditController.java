package jp.jichitai.cloud.fitgap.internal;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.fitgap.ProcedureTemplate;
import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.shared.BusinessException;

/**
 * The provider's editing of the standard templates (paths under /operator are operator only): the
 * template's TSV text, saved as a new version that new analyses start from. The API is
 * {@link TemplateEditApiController}.
 */
@Controller
class TemplateEditController {

    private final TemplateCatalog templates;
    private final AuditLog auditLog;

    TemplateEditController(TemplateCatalog templates, AuditLog auditLog) {
        this.templates = templates;
        this.auditLog = auditLog;
    }

    /** A template's latest version as the API answers it. */
    record TemplateSource(String templateId, String name, String version, Integer versionNo, int steps, String source) {
    }

    /** An edited template as the API takes it. */
    record EditedTemplate(String source) {
    }

    @GetMapping("/operator/fit-gap/templates")
    String templates(@RequestParam(defaultValue = TemplateCatalog.DEFAULT_TEMPLATE) String id, Model model) {
        if (!model.containsAttribute("source")) {
            model.addAttribute("source", templates.currentSource(id));
        }
        TemplateCatalog.Versioned current = templates.current(id);
        model.addAttribute("templateId", id);
        model.addAttribute("shipped", TemplateCatalog.SHIPPED);
        model.addAttribute("current", current);
        model.addAttribute("versions", templates.versions(id));
        return "operations/fit-gap-templates";
    }

    @PostMapping("/operator/fit-gap/templates/{id}")
    String save(@PathVariable String id, @RequestParam String source, @AuthenticationPrincipal JichitaiUser operator,
            RedirectAttributes redirect) {
        try {
            int version = saved(id, source, operator);
            redirect.addFlashAttribute("notice", "手順書テンプレートを第" + version + "版として保存しました。これから始める分析に使われます。");
        } catch (BusinessException refused) {
            redirect.addFlashAttribute("refusal", refused.japaneseMessage());
            redirect.addFlashAttribute("source", source);
        }
        return "redirect:/operator/fit-gap/templates?id=" + id;
    }

    int saved(String id, String source, JichitaiUser operator) {
        int version = templates.save(id, source, operator.username());
        auditLog.record(AuditEvent.of("fitgap.template.edit", "fitgap-template:" + id + ":" + version));
        return version;
    }

    TemplateSource view(String id) {
        TemplateCatalog.Versioned current = templates.current(id);
        ProcedureTemplate template = current.template();
        return new TemplateSource(template.id(), template.name(), template.version(), current.versionNo(),
                template.steps().size(), templates.currentSource(id));
    }

}
