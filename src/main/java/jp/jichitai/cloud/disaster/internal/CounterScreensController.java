package jp.jichitai.cloud.disaster.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.disaster.DamageRatio;
import jp.jichitai.cloud.disaster.DirectoryMatch;
import jp.jichitai.cloud.disaster.DisasterCertificateKind;
import jp.jichitai.cloud.disaster.DisasterKind;
import jp.jichitai.cloud.disaster.IdentityCheck;
import jp.jichitai.cloud.disaster.IdentityDocumentType;
import jp.jichitai.cloud.disaster.PersonQuery;
import jp.jichitai.cloud.disaster.ReportForm;
import jp.jichitai.cloud.disaster.SurveyMethod;
import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.operations.BatchKind;
import jp.jichitai.cloud.operations.BatchRuns;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.tenancy.TenantContext;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * The counter screens (窓口), one per step of the 業務手順書: 001 届出 → 002 本人認証 → 003 個人検索 → 被害の記録 →
 * 005 申請（様式002） → 発行. Each step is saved as it is completed, so any clerk can resume a half-done case;
 * a stale save shows a conflict with the clerk's input kept on the screen.
 */
@Controller
@PreAuthorize("hasAnyRole('CLERK', 'TENANT_ADMIN')")
class CounterScreensController {

    private final Disasters disasters;
    private final CounterCases cases;
    private final DamagedHouses houses;
    private final VictimSupport support;
    private final DisasterCertificates certificates;
    private final JdbcResidentDirectory directory;
    private final Tenants tenants;
    private final AuditLog auditLog;
    private final BatchRuns batchRuns;

    CounterScreensController(Disasters disasters, CounterCases cases, DamagedHouses houses, VictimSupport support,
            DisasterCertificates certificates, JdbcResidentDirectory directory, Tenants tenants, AuditLog auditLog,
            BatchRuns batchRuns) {
        this.batchRuns = batchRuns;
        this.disasters = disasters;
        this.cases = cases;
        this.houses = houses;
        this.support = support;
        this.certificates = certificates;
        this.directory = directory;
        this.tenants = tenants;
        this.auditLog = auditLog;
    }

    // ---- disasters -------------------------------------------------------------------------------------------

    @GetMapping("/disasters")
    String disasters(Model model) {
        model.addAttribute("disasters", disasters.all());
        model.addAttribute("residentCount", directory.countResidents());
        return "disaster/list";
    }

    @GetMapping("/disasters/new")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String declareForm(Model model) {
        model.addAttribute("values", Map.of("occurredOn", LocalDate.now(Disasters.JAPAN).toString()));
        return declareScreen(model, Map.of());
    }

    @PostMapping("/disasters")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String declare(@RequestParam Map<String, String> form, @RequestParam(name = "districts", required = false) List<String> districts,
            Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate occurredOn = date(form.get("occurredOn"), "occurredOn", "発生日を入力してください。", errors);
        if (errors.isEmpty()) {
            try {
                long id = disasters.declare(form.get("name"), DisasterKind.valueOf(form.getOrDefault("kind", "EARTHQUAKE")),
                        occurredOn, "on".equals(form.get("drill")), districts);
                auditLog.record(AuditEvent.of("disaster.declare", "disaster:" + id));
                redirect.addFlashAttribute("notice", "災害を登録しました。");
                return "redirect:/disasters";
            } catch (BusinessException refused) {
                errors.put(refused.messageId().value().equals("E-DIS-0024") ? "occurredOn" : "name", refused.japaneseMessage());
            }
        }
        model.addAttribute("values", form);
        return declareScreen(model, errors);
    }

    private String declareScreen(Model model, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", DisasterKind.values());
        model.addAttribute("districts", tenants.currentDistricts());
        return "disaster/declare";
    }

    @PostMapping("/disasters/{id}/remove")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String removeDrill(@PathVariable long id, RedirectAttributes redirect) {
        int certificates = disasters.removeDrill(id);
        auditLog.record(AuditEvent.of("disaster.drill.remove", "disaster:" + id).query(certificates + " certificates"));
        redirect.addFlashAttribute("notice", "訓練の記録をすべて削除しました。");
        return "redirect:/disasters";
    }

    @GetMapping("/disasters/directory")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String directoryForm(Model model) {
        model.addAttribute("residentCount", directory.countResidents());
        return "disaster/directory";
    }

    @PostMapping("/disasters/directory")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String importDirectory(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        Instant started = Instant.now();
        try (InputStream in = file.getInputStream()) {
            JdbcResidentDirectory.ImportOutcome outcome = directory.importFile(in, file.getOriginalFilename() == null
                    ? "victim_support_import.csv" : file.getOriginalFilename());
            batchRuns.record(TenantContext.require(), BatchKind.IMPORT, started, Instant.now());
            auditLog.record(AuditEvent.of("disaster.directory.import", "victim-directory")
                    .query(outcome.loaded() + " loaded, " + outcome.errors() + " errors")
                    .outcome(outcome.succeeded() ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE));
            model.addAttribute("outcome", outcome);
        } catch (BusinessException refused) {
            model.addAttribute("refusal", refused.japaneseMessage());
        }
        model.addAttribute("residentCount", directory.countResidents());
        return "disaster/directory";
    }

    @GetMapping("/disasters/{id}")
    String disaster(@PathVariable long id, Model model) {
        model.addAttribute("disaster", disasters.require(id));
        model.addAttribute("openCases", cases.open(id, 50));
        return "disaster/disaster";
    }

    @PostMapping("/disasters/{id}/cases")
    String openCase(@PathVariable long id) {
        disasters.require(id);
        long caseId = cases.open(id);
        return "redirect:/disasters/" + id + "/cases/" + caseId + "/report";
    }

    @GetMapping("/disasters/{id}/cases/{caseId}")
    String resume(@PathVariable long id, @PathVariable long caseId) {
        CounterCase counterCase = cases.require(id, caseId);
        return "redirect:/disasters/" + id + "/cases/" + caseId + "/" + counterCase.step().path();
    }

    // ---- 001 report ------------------------------------------------------------------------------------------

    @GetMapping("/disasters/{id}/cases/{caseId}/report")
    String report(@PathVariable long id, @PathVariable long caseId, Model model) {
        CounterCase counterCase = cases.require(id, caseId);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reportedOn", (counterCase.reportedOn() == null ? LocalDate.now(Disasters.JAPAN) : counterCase.reportedOn()).toString());
        values.put("reportForm", counterCase.reportForm() == null ? ReportForm.FORM_001.name() : counterCase.reportForm().name());
        values.put("description", counterCase.description() == null ? "" : counterCase.description());
        return step(model, id, counterCase, CaseStep.REPORT, values, Map.of(), null);
    }

    @PostMapping("/disasters/{id}/cases/{caseId}/report")
    String saveReport(@PathVariable long id, @PathVariable long caseId, @RequestParam Map<String, String> form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate reportedOn = date(form.get("reportedOn"), "reportedOn", "届出日を入力してください。", errors);
        ReportForm reportForm = "ORAL".equals(form.get("reportForm")) ? ReportForm.ORAL : ReportForm.FORM_001;
        return save(model, id, caseId, CaseStep.REPORT, form, errors,
                version -> support.saveReport(id, caseId, version, reportedOn, reportForm, form.get("description")),
                "description");
    }

    // ---- 002 identity ----------------------------------------------------------------------------------------

    @GetMapping("/disasters/{id}/cases/{caseId}/identity")
    String identity(@PathVariable long id, @PathVariable long caseId, Model model) {
        CounterCase counterCase = cases.require(id, caseId);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("method", counterCase.identityMethod() == null ? CounterCase.BY_DOCUMENT : counterCase.identityMethod());
        values.put("documentType", counterCase.identityDocument() == null ? IdentityDocumentType.DRIVING_LICENCE.name()
                : counterCase.identityDocument().name());
        values.put("documentNumber", nullToEmpty(counterCase.identityNumber()));
        values.put("declaredAddress", nullToEmpty(counterCase.declaredAddress()));
        values.put("declaredName", nullToEmpty(counterCase.declaredName()));
        values.put("declaredBirthDate", nullToEmpty(counterCase.declaredBirthDate()));
        values.put("accepted", Boolean.FALSE.equals(counterCase.judgementAccepted()) ? "false" : "true");
        values.put("reason", nullToEmpty(counterCase.judgementReason()));
        return step(model, id, counterCase, CaseStep.IDENTITY, values, Map.of(), null);
    }

    @PostMapping("/disasters/{id}/cases/{caseId}/identity")
    String saveIdentity(@PathVariable long id, @PathVariable long caseId, @RequestParam Map<String, String> form,
            @AuthenticationPrincipal JichitaiUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean byDocument = !CounterCase.BY_SELF_DECLARATION.equals(form.get("method"));
        IdentityCheck check = null;
        try {
            check = byDocument
                    ? new IdentityCheck.ByDocument(IdentityDocumentType.valueOf(form.getOrDefault("documentType", "OTHER")),
                            form.get("documentNumber"))
                    : new IdentityCheck.BySelfDeclaration(form.get("declaredAddress"), form.get("declaredName"),
                            form.get("declaredBirthDate"), new IdentityCheck.ClerkJudgement(user.username(),
                                    !"false".equals(form.get("accepted")), form.get("reason")));
        } catch (BusinessException refused) {
            errors.put(byDocument ? "documentNumber" : "declaredAddress", refused.japaneseMessage());
        }
        if (check != null && !check.confirmed()) {
            errors.put("accepted", "本人と確認できない場合は、証明書の発行に進めません。確認できた方法で記録してください。");
        }
        IdentityCheck confirmed = check;
        return save(model, id, caseId, CaseStep.IDENTITY, form, errors, version -> confirmed instanceof IdentityCheck.ByDocument document
                ? cases.saveIdentity(id, caseId, version, CounterCase.BY_DOCUMENT, document.documentType(),
                        document.documentNumber(), null, null, null, null, null)
                : cases.saveIdentity(id, caseId, version, CounterCase.BY_SELF_DECLARATION, null, null,
                        ((IdentityCheck.BySelfDeclaration) confirmed).declaredAddress().strip(),
                        ((IdentityCheck.BySelfDeclaration) confirmed).declaredName().strip(),
                        ((IdentityCheck.BySelfDeclaration) confirmed).declaredBirthDate().strip(), true,
                        ((IdentityCheck.BySelfDeclaration) confirmed).judgement().reason().strip()), "documentNumber");
    }

    // ---- 003 person ------------------------------------------------------------------------------------------

    @GetMapping("/disasters/{id}/cases/{caseId}/person")
    String person(@PathVariable long id, @PathVariable long caseId, @RequestParam(required = false) String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        CounterCase counterCase = cases.require(id, caseId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("results", support.search(id, PersonQuery.parse(q)));
            } catch (BusinessException refused) {
                errors.put("q", refused.japaneseMessage());
            }
        }
        if (htmx != null) {
            model.addAttribute("disaster", disasters.require(id));
            model.addAttribute("counterCase", counterCase);
            model.addAttribute("errors", errors);
            model.addAttribute("q", q);
            return "disaster/person :: results";
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("q", q == null ? "" : q);
        model.addAttribute("q", q);
        return step(model, id, counterCase, CaseStep.PERSON, values, errors, null);
    }

    @PostMapping("/disasters/{id}/cases/{caseId}/person")
    String choosePerson(@PathVariable long id, @PathVariable long caseId, @RequestParam Map<String, String> form, Model model) {
        return save(model, id, caseId, CaseStep.PERSON, form, new LinkedHashMap<>(),
                version -> support.choosePerson(id, caseId, version, form.get("atenaNumber")), "q");
    }

    // ---- 004 damage ------------------------------------------------------------------------------------------

    @GetMapping("/disasters/{id}/cases/{caseId}/damage")
    String damage(@PathVariable long id, @PathVariable long caseId, @AuthenticationPrincipal JichitaiUser user, Model model) {
        CounterCase counterCase = cases.require(id, caseId);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("address", counterCase.dwellingId() == null ? "" : houses.require(id, counterCase.dwellingId()).address());
        values.put("surveyedOn", LocalDate.now(Disasters.JAPAN).toString());
        values.put("surveyor", user.displayName());
        values.put("method", SurveyMethod.EXTERIOR.name());
        values.put("damageRatio", "");
        return step(model, id, counterCase, CaseStep.DAMAGE, values, Map.of(), null);
    }

    @PostMapping("/disasters/{id}/cases/{caseId}/damage")
    String saveDamage(@PathVariable long id, @PathVariable long caseId, @RequestParam Map<String, String> form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate surveyedOn = date(form.get("surveyedOn"), "surveyedOn", "調査日を入力してください。", errors);
        DamageRatio ratio = null;
        try {
            ratio = DamageRatio.of(form.get("damageRatio"));
        } catch (BusinessException refused) {
            errors.put("damageRatio", refused.japaneseMessage());
        }
        if (form.get("address") == null || form.get("address").isBlank()) {
            errors.put("address", "被災した住家の所在地を入力してください。");
        }
        SurveyMethod method = Arrays.stream(SurveyMethod.values()).filter(m -> m.name().equals(form.get("method")))
                .findFirst().orElse(SurveyMethod.EXTERIOR);
        DamageRatio surveyed = ratio;
        return save(model, id, caseId, CaseStep.DAMAGE, form, errors, version -> support.recordDamage(id, caseId, version,
                form.get("address"), surveyedOn, form.get("surveyor"), method, surveyed), "damageRatio");
    }

    @PostMapping("/disasters/{id}/cases/{caseId}/resurvey")
    String requestResurvey(@PathVariable long id, @PathVariable long caseId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        CounterCase counterCase = cases.require(id, caseId);
        if (counterCase.dwellingId() != null) {
            houses.requestResurvey(id, counterCase.dwellingId(), LocalDate.now(Disasters.JAPAN),
                    reason == null || reason.isBlank() ? "被災者からの再調査の依頼" : reason);
            auditLog.record(AuditEvent.of("disaster.resurvey.request", "disaster:" + id + " dwelling:" + counterCase.dwellingId()));
            redirect.addFlashAttribute("notice", "再調査の依頼を記録しました。次の調査の結果が証明書の被害の程度になります。");
        }
        return "redirect:/disasters/" + id + "/cases/" + caseId + "/damage";
    }

    // ---- 005 application -------------------------------------------------------------------------------------

    @GetMapping("/disasters/{id}/cases/{caseId}/application")
    String application(@PathVariable long id, @PathVariable long caseId, Model model) {
        CounterCase counterCase = cases.require(id, caseId);
        Map<String, String> values = new LinkedHashMap<>();
        boolean surveyed = counterCase.dwellingId() != null && houses.latestDecided(counterCase.dwellingId()).isPresent();
        values.put("kind", counterCase.certificateKind() != null ? counterCase.certificateKind().name()
                : (surveyed ? DisasterCertificateKind.DAMAGE_CERTIFICATE : DisasterCertificateKind.DAMAGE_REPORT_CERTIFICATE).name());
        values.put("applicantName", counterCase.applicantName() != null ? counterCase.applicantName()
                : counterCase.atenaNumber() == null ? "" : support.person(id, caseId, counterCase.atenaNumber()).person().name());
        values.put("appliedOn", (counterCase.appliedOn() == null ? LocalDate.now(Disasters.JAPAN) : counterCase.appliedOn()).toString());
        values.put("purpose", nullToEmpty(counterCase.purpose()));
        return step(model, id, counterCase, CaseStep.APPLICATION, values, Map.of(), null);
    }

    @PostMapping("/disasters/{id}/cases/{caseId}/application")
    String saveApplication(@PathVariable long id, @PathVariable long caseId, @RequestParam Map<String, String> form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate appliedOn = date(form.get("appliedOn"), "appliedOn", "申請日を入力してください。", errors);
        if (form.get("applicantName") == null || form.get("applicantName").isBlank()) {
            errors.put("applicantName", "申請者の氏名を入力してください。");
        }
        DisasterCertificateKind kind = "DAMAGE_REPORT_CERTIFICATE".equals(form.get("kind"))
                ? DisasterCertificateKind.DAMAGE_REPORT_CERTIFICATE : DisasterCertificateKind.DAMAGE_CERTIFICATE;
        CounterCase current = cases.require(id, caseId);
        if (kind.statesDamageLevel() && (current.dwellingId() == null || houses.latestDecided(current.dwellingId()).isEmpty())) {
            errors.put("kind", Refusals.refusal("E-DIS-0030").japaneseMessage());
        }
        return save(model, id, caseId, CaseStep.APPLICATION, form, errors, version -> cases.saveApplication(id, caseId,
                version, kind, form.get("applicantName").strip(), appliedOn, nullToEmpty(form.get("purpose")).strip()),
                "applicantName");
    }

    // ---- 006 issue -------------------------------------------------------------------------------------------

    @GetMapping("/disasters/{id}/cases/{caseId}/issue")
    String issue(@PathVariable long id, @PathVariable long caseId, Model model) {
        // One-time 再送キー of this page (decision 0009): pressing 発行 twice, or resending after a lost answer,
        // gives the certificate already issued instead of a second number. Showing the page again gives a new key.
        model.addAttribute("idempotencyKey", java.util.UUID.randomUUID().toString());
        return step(model, id, cases.require(id, caseId), CaseStep.ISSUE, Map.of(), Map.of(), null);
    }

    @GetMapping("/disasters/{id}/cases/{caseId}/issued")
    String issued(@PathVariable long id, @PathVariable long caseId, Model model) {
        return step(model, id, cases.require(id, caseId), CaseStep.ISSUED, Map.of(), Map.of(), null);
    }

    /** Issues and answers the PDF itself, so that the clerk's one click opens the certificate to print. */
    @PostMapping("/disasters/{id}/cases/{caseId}/issue")
    Object issueCertificate(@PathVariable long id, @PathVariable long caseId,
            @RequestParam(required = false) String idempotencyKey, Model model) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        // An error page keeps the key it was sent with, so that pressing 発行 again there is still the same request.
        model.addAttribute("idempotencyKey", key != null ? key : java.util.UUID.randomUUID().toString());
        CounterCase counterCase = cases.require(id, caseId);
        if (!counterCase.reached(CaseStep.ISSUE)) {
            return step(model, id, counterCase, CaseStep.ISSUE, Map.of(),
                    Map.of("global", Refusals.refusal("E-DIS-0034", counterCase.step().title()).japaneseMessage()), null);
        }
        try {
            return DisasterApiController.pdf(certificates.issue(id, caseId, key));
        } catch (BusinessException refused) {
            return step(model, id, counterCase, CaseStep.ISSUE, Map.of(), Map.of("global", refused.japaneseMessage()), null);
        }
    }

    @GetMapping("/disasters/{id}/certificates/{serial}.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long id, @PathVariable long serial) {
        DisasterCertificates.Issued issued = certificates.find(id, serial)
                .orElseThrow(() -> new DisasterNotFound("certificate " + serial));
        auditLog.record(AuditEvent.of("disaster.certificate.view", "disaster:" + id + " certificate:" + serial));
        return DisasterApiController.pdf(issued);
    }

    @PostMapping("/disasters/{id}/certificates/{serial}/reprint")
    ResponseEntity<byte[]> reprint(@PathVariable long id, @PathVariable long serial) {
        return DisasterApiController.pdf(certificates.reprint(id, serial));
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    private interface Saving {
        CounterCase save(int version);
    }

    private String save(Model model, long id, long caseId, CaseStep step, Map<String, String> form,
            Map<String, String> errors, Saving saving, String firstField) {
        CounterCase current = cases.require(id, caseId);
        if (errors.isEmpty()) {
            try {
                saving.save(parseVersion(form.get("version")));
                return "redirect:/disasters/" + id + "/cases/" + caseId + "/" + step.next().path();
            } catch (CaseConflict conflict) {
                return step(model, id, conflict.current(), step, form, Map.of("global", conflict.japaneseMessage()),
                        conflict.current());
            } catch (BusinessException refused) {
                errors.put(firstField, refused.japaneseMessage());
            }
        }
        return step(model, id, current, step, form, errors, null);
    }

    private String step(Model model, long id, CounterCase counterCase, CaseStep step, Map<String, String> values,
            Map<String, String> errors, CounterCase conflict) {
        Disaster disaster = disasters.require(id);
        model.addAttribute("disaster", disaster);
        model.addAttribute("counterCase", counterCase);
        model.addAttribute("step", step);
        model.addAttribute("steps", Arrays.stream(CaseStep.values()).filter(s -> s != CaseStep.ISSUED).toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("documentTypes", IdentityDocumentType.values());
        model.addAttribute("surveyMethods", SurveyMethod.values());
        model.addAttribute("reportForms", ReportForm.values());
        model.addAttribute("certificateKinds", DisasterCertificateKind.values());
        Optional<DirectoryMatch> person = counterCase.atenaNumber() == null ? Optional.empty()
                : Optional.of(support.person(id, counterCase.id(), counterCase.atenaNumber()));
        model.addAttribute("person", person.orElse(null));
        if (counterCase.dwellingId() != null) {
            model.addAttribute("dwelling", houses.require(id, counterCase.dwellingId()));
            model.addAttribute("surveys", houses.history(counterCase.dwellingId()));
            model.addAttribute("latestSurvey", houses.latestDecided(counterCase.dwellingId()).orElse(null));
            model.addAttribute("resurveyRequests", houses.resurveyRequests(counterCase.dwellingId()));
        }
        model.addAttribute("serials", certificates.serialsOf(id, counterCase.id()));
        return "disaster/" + step.path();
    }

    private static LocalDate date(String text, String field, String message, Map<String, String> errors) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static int parseVersion(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    @ExceptionHandler(DisasterNotFound.class)
    String notFound(jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(404);
        return "error/404";
    }
}
