package jp.jichitai.cloud.residents.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.issuance.IssuedCertificate;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.registry.ResidentCertificates;
import jp.jichitai.cloud.residents.ChangeReceipt;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.HouseholdView;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentRecord;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.shared.BusinessException;

/**
 * 住民記録の窓口画面: search (live results with htmx, a plain form without JavaScript), a person's record with its
 * history, the household with its timeline, and one form per 異動. Everything works with the keyboard alone.
 */
@Controller
class ResidentsScreenController {

    /** Refusals about the 行政区 of the address entered on the form. */
    private static final java.util.Set<String> DISTRICT_REFUSALS = java.util.Set.of("E-RES-0083", "E-RES-0084");

    private final Residents residents;
    private final ResidentCertificates certificates;

    ResidentsScreenController(Residents residents, ResidentCertificates certificates) {
        this.residents = residents;
        this.certificates = certificates;
    }

    /**
     * 交付前の確認: the certificate's content as it will print (members, items, 公用, 認証文), before any issue
     * number is taken. Issuing is the separate button on this page.
     */
    @GetMapping("/residents/{atenaNumber:[0-9]{1,15}}/certificate")
    String certificatePreview(@PathVariable String atenaNumber, @AuthenticationPrincipal JichitaiUser user,
            @ModelAttribute CertificateChoice choice, Model model) {
        if (!canChange(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        AtenaNumber atena = AtenaNumber.migrated(atenaNumber);
        ResidentRecord record = residents.find(atena).orElseThrow(ResidentsScreenController::notFound);
        // One-time 再送キー of this page: pressing 交付 again, or resending after a lost answer, gives the same
        // certificate instead of a second number. A new page (after changing the choice) gets a new key.
        choice.setIdempotencyKey(java.util.UUID.randomUUID().toString());
        model.addAttribute("current", record.current());
        model.addAttribute("choice", choice);
        model.addAttribute("preview", certificates.preview(atena, choice.memberNumbers(), choice.getForm(), choice.options()));
        return "residents/certificate";
    }

    /** 証明書の交付: takes the issue number; the PDF opens in the browser for the clerk to print. */
    @PostMapping("/residents/{atenaNumber:[0-9]{1,15}}/certificate")
    ResponseEntity<byte[]> certificate(@PathVariable String atenaNumber, @AuthenticationPrincipal JichitaiUser user,
            @ModelAttribute CertificateChoice choice) {
        if (!canChange(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        AtenaNumber atena = AtenaNumber.migrated(atenaNumber);
        residents.find(atena).orElseThrow(ResidentsScreenController::notFound);
        IssuedCertificate issued = certificates.issue(atena, choice.memberNumbers(), choice.getForm(), choice.options(),
                choice.getIdempotencyKey());
        return ResidentsApiController.pdf(issued);
    }

    @ModelAttribute("sheets")
    ChangeSheet[] sheets() {
        return ChangeSheet.values();
    }

    @ModelAttribute("canChange")
    boolean canChange(@AuthenticationPrincipal JichitaiUser user) {
        return user != null && (user.role() == Role.CLERK || user.role() == Role.TENANT_ADMIN);
    }

    @GetMapping("/residents")
    String search(@RequestParam(name = "q", required = false) String query,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("results", query == null || query.isBlank() ? null : residents.search(query));
        return htmx != null ? "residents/search :: results" : "residents/search";
    }

    @GetMapping("/residents/{atenaNumber:[0-9]{1,15}}")
    String resident(@PathVariable String atenaNumber, Model model) {
        ResidentRecord record = residents.find(AtenaNumber.migrated(atenaNumber)).orElseThrow(ResidentsScreenController::notFound);
        residentPage(record, model);
        return "residents/resident";
    }

    private void residentPage(ResidentRecord record, Model model) {
        model.addAttribute("record", record);
        model.addAttribute("current", record.current());
        model.addAttribute("householdMembers", record.current().isRemoved() ? List.of()
                : residents.household(record.current().householdNumber()).map(HouseholdView::members).orElse(List.of()));
    }

    @PostMapping("/residents/{atenaNumber:[0-9]{1,15}}/individual-number")
    String showIndividualNumber(@PathVariable String atenaNumber, @RequestParam(defaultValue = "") String purpose,
            @AuthenticationPrincipal JichitaiUser user, Model model) {
        if (!canChange(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        ResidentRecord record = residents.find(AtenaNumber.migrated(atenaNumber)).orElseThrow(ResidentsScreenController::notFound);
        residentPage(record, model);
        model.addAttribute("individualNumber",
                residents.showIndividualNumber(AtenaNumber.migrated(atenaNumber), purpose).map(number -> number.grouped()).orElse("記録なし"));
        return "residents/resident";
    }

    @GetMapping("/residents/households/{householdNumber:[0-9]{1,15}}")
    String household(@PathVariable String householdNumber, Model model) {
        HouseholdView household = residents.household(HouseholdNumber.migrated(householdNumber))
                .orElseThrow(ResidentsScreenController::notFound);
        model.addAttribute("household", household);
        return "residents/household";
    }

    @GetMapping("/residents/{atenaNumber:[0-9]{1,15}}/changes/{kind}")
    String changeForm(@PathVariable String atenaNumber, @PathVariable String kind, Model model) {
        ChangeSheet sheet = sheet(kind, false);
        ResidentRecord record = residents.find(AtenaNumber.migrated(atenaNumber)).orElseThrow(ResidentsScreenController::notFound);
        ChangeForm form = new ChangeForm();
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        form.setChangedOn(today);
        form.setNotifiedOn(today);
        form.getMembers().add(atenaNumber);
        residents.household(record.current().householdNumber())
                .ifPresent(household -> form.setExpectedHouseholdHistory(household.historyNumber()));
        return changePage(sheet, Optional.of(record.current()), form, model, List.of(), null);
    }

    @PostMapping("/residents/{atenaNumber:[0-9]{1,15}}/changes/{kind}")
    String recordChange(@PathVariable String atenaNumber, @PathVariable String kind, @ModelAttribute("form") ChangeForm form,
            Model model, RedirectAttributes redirect) {
        ChangeSheet sheet = sheet(kind, false);
        ResidentRecord record = residents.find(AtenaNumber.migrated(atenaNumber)).orElseThrow(ResidentsScreenController::notFound);
        try {
            ChangeReceipt receipt = residents.record(ChangeForms.toRequest(sheet, Optional.of(record.current()), form,
                    residents.districts()));
            redirect.addFlashAttribute("notice", sheet.title() + "を記録しました（異動番号 " + receipt.changeId() + "）。");
            HouseholdNumber household = residents.find(AtenaNumber.migrated(atenaNumber)).orElseThrow().current().householdNumber();
            return "redirect:/residents/households/" + household.value();
        } catch (ChangeForms.InvalidForm invalid) {
            return changePage(sheet, Optional.of(record.current()), form, model, invalid.errors(), null);
        } catch (BusinessException refused) {
            return changePage(sheet, Optional.of(record.current()), form, model, List.of(), refused);
        }
    }

    @GetMapping("/residents/new")
    String newResidentForm(@RequestParam(defaultValue = "move-in") String kind,
            @RequestParam(required = false) String household, Model model) {
        ChangeSheet sheet = sheet(kind, true);
        ChangeForm form = new ChangeForm();
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        form.setKind(sheet.slug());
        form.setChangedOn(today);
        form.setNotifiedOn(today);
        form.setHousehold(household);
        return changePage(sheet, Optional.empty(), form, model, List.of(), null);
    }

    @PostMapping("/residents/new")
    String recordNewResident(@ModelAttribute("form") ChangeForm form, Model model, RedirectAttributes redirect) {
        ChangeSheet sheet = sheet(form.getKind() == null ? "move-in" : form.getKind(), true);
        try {
            ChangeReceipt receipt = residents.record(ChangeForms.toRequest(sheet, Optional.empty(), form, residents.districts()));
            redirect.addFlashAttribute("notice", sheet.title() + "を記録しました（異動番号 " + receipt.changeId() + "）。");
            return "redirect:/residents/households/" + receipt.households().get(0).value();
        } catch (ChangeForms.InvalidForm invalid) {
            return changePage(sheet, Optional.empty(), form, model, invalid.errors(), null);
        } catch (BusinessException refused) {
            return changePage(sheet, Optional.empty(), form, model, List.of(), refused);
        }
    }

    private String changePage(ChangeSheet sheet, Optional<Resident> subject, ChangeForm form, Model model,
            List<jp.jichitai.cloud.shared.ApiError.FieldError> errors, BusinessException refused) {
        model.addAttribute("sheet", sheet);
        model.addAttribute("subject", subject.orElse(null));
        model.addAttribute("form", form);
        java.util.Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
        errors.forEach(error -> fieldErrors.putIfAbsent(error.field(), error.message()));
        if (refused != null && DISTRICT_REFUSALS.contains(refused.messageId().value())) {
            // The service's own check of the 行政区 (the form's passed, e.g. a district removed meanwhile): on the field.
            fieldErrors.putIfAbsent("district", refused.japaneseMessage());
            refused = null;
        }
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("refusal", refused == null ? null : refused.japaneseMessage());
        model.addAttribute("districts", residents.districts());
        model.addAttribute("members", subject.flatMap(resident -> residents.household(resident.householdNumber()))
                .map(HouseholdView::members).orElse(List.of()));
        return "residents/change";
    }

    private static ChangeSheet sheet(String slug, boolean creates) {
        return ChangeSheet.ofSlug(slug).filter(sheet -> sheet.createsResident() == creates)
                .orElseThrow(ResidentsScreenController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
