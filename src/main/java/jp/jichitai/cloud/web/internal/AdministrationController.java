package jp.jichitai.cloud.web.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.tenancy.GaijiMapping;
import jp.jichitai.cloud.tenancy.TenantProfile;
import jp.jichitai.cloud.tenancy.Tenants;

/** The tenant administrator's screens: settings, users, and the tenant's own アクセスログ. */
@Controller
class AdministrationController {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private final Tenants tenants;
    private final UserAccounts accounts;
    private final AuditLog auditLog;

    AdministrationController(Tenants tenants, UserAccounts accounts, AuditLog auditLog) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.auditLog = auditLog;
    }

    @GetMapping("/admin/audit")
    String auditLog(Model model) {
        model.addAttribute("entries", auditLog.newest(200));
        model.addAttribute("timestamp", TIMESTAMP);
        auditLog.record(AuditEvent.of("audit.view", "audit-log").query("newest 200"));
        return "admin/audit";
    }

    @PostMapping("/admin/audit/verify")
    String verifyAuditLog(RedirectAttributes redirect) {
        var result = auditLog.verifyCurrentChain();
        redirect.addFlashAttribute("verification", result.intact()
                ? "改ざんは検出されませんでした（" + result.entriesChecked() + "件を確認）。"
                : "記録番号 " + result.firstBrokenSequence().getAsLong() + " で改ざんまたは欠落を検出しました。");
        redirect.addFlashAttribute("verificationIntact", result.intact());
        return "redirect:/admin/audit";
    }

    @GetMapping("/admin/audit.csv")
    void exportAuditLog(@AuthenticationPrincipal JichitaiUser user, HttpServletResponse response) throws IOException {
        auditLog.record(AuditEvent.of("audit.export", "audit-log"));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log-"
                + user.tenant().orElseThrow().value() + ".csv\"");
        PrintWriter out = new PrintWriter(response.getOutputStream(), false, StandardCharsets.UTF_8);
        out.print('\uFEFF');
        out.print("番号,日時,利用者,役割,操作,対象,条件,端末,結果,前ハッシュ,ハッシュ\r\n");
        auditLog.forEachEntry(entry -> out.print(String.join(",", Long.toString(entry.sequence()),
                TIMESTAMP.format(entry.occurredAt()), csv(entry.actor()), csv(entry.actorRole()), csv(entry.action()),
                csv(entry.target()), csv(entry.query()), csv(entry.clientAddress()), entry.outcome(),
                entry.previousHash(), entry.entryHash()) + "\r\n"));
        out.flush();
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String users(@AuthenticationPrincipal JichitaiUser user, Model model) {
        model.addAttribute("users", accounts.ofTenant(user.tenant().orElseThrow()));
        return "admin/users";
    }

    @PostMapping("/admin/users/{username}/unlock")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String unlock(@AuthenticationPrincipal JichitaiUser user, @PathVariable String username,
            RedirectAttributes redirect) {
        boolean unlocked = accounts.unlock(user.tenant().orElseThrow(), username);
        auditLog.record(AuditEvent.of("user.unlock", "user:" + username)
                .outcome(unlocked ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE));
        redirect.addFlashAttribute("notice", unlocked ? username + " のロックを解除しました。" : "該当する利用者が見つかりません。");
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/settings")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String settings(Model model) {
        TenantProfile profile = tenants.currentProfile();
        model.addAttribute("profile", profile);
        model.addAttribute("form", new MayorForm(profile.mayorTitle(), profile.mayorName()));
        return "admin/settings";
    }

    @PostMapping("/admin/settings")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String saveSettings(@Validated @ModelAttribute("form") MayorForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("profile", tenants.currentProfile());
            return "admin/settings";
        }
        tenants.updateCurrentMayor(form.mayorTitle(), form.mayorName());
        auditLog.record(AuditEvent.of("tenant.settings.update", "tenant-profile"));
        redirect.addFlashAttribute("notice", "設定を保存しました。");
        return "redirect:/admin/settings";
    }

    @GetMapping("/admin/gaiji")
    String gaiji(Model model) {
        model.addAttribute("mappings", tenants.currentGaijiMappings());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new GaijiForm("", "", ""));
        }
        return "admin/gaiji";
    }

    @PostMapping("/admin/gaiji")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String saveGaiji(@ModelAttribute("form") GaijiForm form, Model model, RedirectAttributes redirect) {
        try {
            GaijiMapping mapping = new GaijiMapping(GaijiMapping.parseCodePoint(form.codePoint()), form.substitute(),
                    form.description());
            tenants.saveGaijiMapping(mapping);
            auditLog.record(AuditEvent.of("gaiji.mapping.save", "gaiji:" + mapping.codePointText()));
            redirect.addFlashAttribute("notice", mapping.codePointText() + " の対応を保存しました。");
            return "redirect:/admin/gaiji";
        } catch (BusinessException refused) {
            model.addAttribute("formError", refused.japaneseMessage());
            model.addAttribute("mappings", tenants.currentGaijiMappings());
            return "admin/gaiji";
        }
    }

    /** The 外字 form: code point as U+E000 or E000, and a substitute and/or a description. */
    record GaijiForm(String codePoint, String substitute, String description) {
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        // A leading = + - @ would be run as a formula by spreadsheet programs.
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
