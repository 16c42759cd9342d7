package jp.jichitai.cloud.continuity.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.continuity.ContinuityPlan;
import jp.jichitai.cloud.continuity.ContinuityPlans;
import jp.jichitai.cloud.continuity.PlanSection;
import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.tenancy.TenantContext;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * The tenant administrator's 利用継続計画 screens (edit, history, PDF) with the measured drills beside the
 * targets, and the operator's list of every drill.
 */
@Controller
class ContinuityController {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private final ContinuityPlans plans;
    private final Tenants tenants;
    private final AuditLog auditLog;

    ContinuityController(ContinuityPlans plans, Tenants tenants, AuditLog auditLog) {
        this.plans = plans;
        this.tenants = tenants;
        this.auditLog = auditLog;
    }

    @GetMapping("/admin/continuity")
    String plan(Model model) {
        ContinuityPlan plan = plans.current();
        prepare(model, plan, PlanForm.of(plan));
        return "admin/continuity";
    }

    @PostMapping("/admin/continuity")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String save(@ModelAttribute("form") PlanForm form, @AuthenticationPrincipal JichitaiUser user, Model model,
            RedirectAttributes redirect) {
        ContinuityPlan saved;
        try {
            saved = plans.save(form.toPlan(), user.username());
        } catch (BusinessException refused) {
            prepare(model, plans.current(), form);
            model.addAttribute("refusal", refused.messageId() + " " + refused.japaneseMessage());
            return "admin/continuity";
        }
        auditLog.record(AuditEvent.of("continuity.plan.update", "continuity-plan:v" + saved.version()));
        redirect.addFlashAttribute("notice", "利用継続計画を第" + saved.version() + "版として保存しました。");
        return "redirect:/admin/continuity";
    }

    @GetMapping("/admin/continuity/history")
    String history(Model model) {
        model.addAttribute("versions", plans.history());
        model.addAttribute("timestamp", TIMESTAMP);
        return "admin/continuity-history";
    }

    @GetMapping("/admin/continuity/versions/{version}")
    String version(@PathVariable int version, Model model) {
        ContinuityPlan plan = plans.version(version).orElseThrow(ContinuityController::notFound);
        model.addAttribute("plan", plan);
        model.addAttribute("sections", PlanSection.values());
        model.addAttribute("assessments", plans.assess(plan));
        model.addAttribute("timestamp", TIMESTAMP);
        return "admin/continuity-version";
    }

    @GetMapping("/admin/continuity/plan.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) Integer version) {
        ContinuityPlan plan = version == null ? plans.current()
                : plans.version(version).orElseThrow(ContinuityController::notFound);
        String tenantName = tenants.find(TenantContext.require()).map(tenant -> tenant.name()).orElse("");
        byte[] pdf = PlanPdf.render(tenantName, plan, plans.assess(plan));
        auditLog.record(AuditEvent.of("continuity.plan.print", "continuity-plan:v" + plan.version()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("continuity-plan-v" + plan.version() + ".pdf").build().toString())
                .body(pdf);
    }

    @GetMapping("/operator/drills")
    String drills(Model model) {
        model.addAttribute("drills", plans.drills(200));
        model.addAttribute("timestamp", TIMESTAMP);
        return "operator/drills";
    }

    private void prepare(Model model, ContinuityPlan plan, PlanForm form) {
        model.addAttribute("plan", plan);
        model.addAttribute("form", form);
        model.addAttribute("sections", PlanSection.values());
        model.addAttribute("assessments", plans.assess(plan));
        model.addAttribute("drills", plans.drills(10));
        model.addAttribute("timestamp", TIMESTAMP);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }

    static List<PlanSection> allSections() {
        return List.of(PlanSection.values());
    }
}
