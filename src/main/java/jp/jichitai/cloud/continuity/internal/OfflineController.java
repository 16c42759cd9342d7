package jp.jichitai.cloud.continuity.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
import jp.jichitai.cloud.continuity.Passphrase;
import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * The tenant administrator's オフライン運用 screen: take a snapshot (centre), write the changes file (on the
 * offline instance), see the merges, and decide each conflict.
 */
@Controller
class OfflineController {

    private final OfflineRecords records;
    private final OfflineBanner banner;
    private final AuditLog auditLog;
    private final Path dataDirectory;

    OfflineController(OfflineRecords records, OfflineBanner banner, AuditLog auditLog,
            @Value("${jc.data-dir}") String dataDirectory) {
        this.records = records;
        this.banner = banner;
        this.auditLog = auditLog;
        this.dataDirectory = Path.of(dataDirectory);
    }

    @GetMapping("/admin/offline")
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'AUDITOR')")
    String page(Model model) {
        model.addAttribute("snapshots", records.snapshots());
        model.addAttribute("merges", records.merges());
        model.addAttribute("conflicts", records.conflicts());
        model.addAttribute("openConflicts", records.conflicts().stream().filter(OfflineRecords.ConflictRow::open).count());
        model.addAttribute("timestamp", ContinuityController.TIMESTAMP);
        return "admin/offline";
    }

    @PostMapping("/admin/offline/snapshot")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    Object snapshot(@RequestParam String passphrase, @RequestParam String confirmation,
            @AuthenticationPrincipal JichitaiUser user, RedirectAttributes redirect) throws SQLException, IOException {
        if (banner.current().isPresent()) {
            return refused(redirect, "E-CON-0032");
        }
        if (!passphrase.equals(confirmation)) {
            return refused(redirect, "E-CON-0011");
        }
        Path file;
        try (Passphrase secret = Passphrase.forNewFile(passphrase.toCharArray())) {
            file = records.snapshot(secret, user.username());
        } catch (BusinessException refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageId() + " " + refusal.japaneseMessage());
            return "redirect:/admin/offline";
        }
        auditLog.record(AuditEvent.of("offline.snapshot", "tenant:" + TenantContext.require().value()));
        return download(file, "offline-snapshot-" + TenantContext.require().value() + "-" + today() + ".jcvault");
    }

    @PostMapping("/admin/offline/changes")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    Object changes(@RequestParam String passphrase, RedirectAttributes redirect) throws SQLException, IOException {
        if (banner.current().isEmpty()) {
            return refused(redirect, "E-CON-0025");
        }
        Path file;
        try (Passphrase secret = Passphrase.of(passphrase.toCharArray())) {
            file = records.changes(dataDirectory, secret);
        } catch (BusinessException refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageId() + " " + refusal.japaneseMessage());
            return "redirect:/admin/offline";
        }
        auditLog.record(AuditEvent.of("offline.changes", "tenant:" + TenantContext.require().value()));
        return download(file, "offline-changes-" + TenantContext.require().value() + "-" + today() + ".jcchanges");
    }

    @PostMapping("/admin/offline/conflicts/{id}")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String resolve(@PathVariable long id, @RequestParam String decision, @AuthenticationPrincipal JichitaiUser user,
            RedirectAttributes redirect) {
        boolean takeOffline = "offline".equals(decision);
        try {
            records.resolve(id, takeOffline, user.username());
        } catch (BusinessException refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageId() + " " + refusal.japaneseMessage());
            return "redirect:/admin/offline";
        }
        auditLog.record(AuditEvent.of("offline.conflict.resolve", "offline-conflict:" + id)
                .query(takeOffline ? "take-offline" : "keep-central"));
        redirect.addFlashAttribute("notice", "競合 " + id + " を"
                + (takeOffline ? "オフライン側の内容で反映しました。" : "中央の内容のままとしました。"));
        return "redirect:/admin/offline";
    }

    private static String refused(RedirectAttributes redirect, String id) {
        redirect.addFlashAttribute("refusal", id + " " + ContinuityMessages.text(id));
        return "redirect:/admin/offline";
    }

    private static ResponseEntity<byte[]> download(Path file, String name) throws IOException {
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                    .body(Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
    }
}
