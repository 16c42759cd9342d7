package jp.jichitai.cloud.fitgap.internal;

import java.util.ArrayList;
import java.util.List;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.jichitai.cloud.fitgap.FitGapClass;
import jp.jichitai.cloud.fitgap.StepAssessment;
import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.shared.BusinessException;

/** The tenant administrator's フィット&ギャップ分析 screens (the auditor reads them). */
@Controller
class FitGapScreenController {

    private final FitGapService service;

    FitGapScreenController(FitGapService service) {
        this.service = service;
    }

    /** One row of the assessment form; a blank class leaves the step unassessed. */
    public static class StepRow {
        private String number;
        private String fitGapClass = "";
        private String currentPractice = "";
        private String countermeasure = "";
        private String owner = "";
        private String dueDate = "";

        public String getNumber() { return number; }
        public void setNumber(String number) { this.number = number; }
        public String getFitGapClass() { return fitGapClass; }
        public void setFitGapClass(String fitGapClass) { this.fitGapClass = fitGapClass; }
        public String getCurrentPractice() { return currentPractice; }
        public void setCurrentPractice(String currentPractice) { this.currentPractice = currentPractice; }
        public String getCountermeasure() { return countermeasure; }
        public void setCountermeasure(String countermeasure) { this.countermeasure = countermeasure; }
        public String getOwner() { return owner; }
        public void setOwner(String owner) { this.owner = owner; }
        public String getDueDate() { return dueDate; }
        public void setDueDate(String dueDate) { this.dueDate = dueDate; }
    }

    /** The whole analysis as one form, saved with one button. */
    public static class AssessmentForm {
        private List<StepRow> steps = new ArrayList<>();

        public List<StepRow> getSteps() { return steps; }
        public void setSteps(List<StepRow> steps) { this.steps = steps; }
    }

    @GetMapping("/admin/fit-gap")
    String analyses(Model model) {
        model.addAttribute("analyses", service.all().stream().map(AnalysisView::of).toList());
        model.addAttribute("template", service.template(null));
        return "admin/fit-gap";
    }

    @PostMapping("/admin/fit-gap")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String start(@RequestParam(defaultValue = "") String title, @RequestParam(required = false) List<String> steps,
            @AuthenticationPrincipal JichitaiUser user, RedirectAttributes redirect) {
        if (steps == null || steps.isEmpty()) {
            redirect.addFlashAttribute("error", jp.jichitai.cloud.fitgap.FitGapMessages.refusal("E-FIT-0010")
                    .japaneseMessage());
            return "redirect:/admin/fit-gap";
        }
        try {
            long id = service.start(null, title, steps, user.username());
            redirect.addFlashAttribute("notice", "分析を始めました。各手順の判定を入力してください。");
            return "redirect:/admin/fit-gap/" + id;
        } catch (BusinessException refused) {
            redirect.addFlashAttribute("error", refused.japaneseMessage());
            return "redirect:/admin/fit-gap";
        }
    }

    @GetMapping("/admin/fit-gap/{id:\\d+}")
    String analysis(@PathVariable long id, Model model) {
        StoredAnalysis stored = service.find(id).orElseThrow(NotFound::new);
        AssessmentForm form = new AssessmentForm();
        stored.analysis().template().steps().forEach(step -> {
            StepRow row = new StepRow();
            row.setNumber(step.number().value());
            stored.analysis().assessmentOf(step.number()).ifPresent(assessment -> fill(row, assessment));
            form.getSteps().add(row);
        });
        return show(stored, form, model);
    }

    @PostMapping("/admin/fit-gap/{id:\\d+}")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String save(@PathVariable long id, @ModelAttribute("form") AssessmentForm form,
            @AuthenticationPrincipal JichitaiUser user, Model model, RedirectAttributes redirect) {
        StoredAnalysis stored = service.find(id).orElseThrow(NotFound::new);
        java.util.Map<String, FitGapService.AssessmentInput> inputs = new java.util.LinkedHashMap<>();
        for (StepRow row : form.getSteps()) {
            if (row.getFitGapClass() != null && !row.getFitGapClass().isBlank()) {
                inputs.put(row.getNumber(), new FitGapService.AssessmentInput(row.getFitGapClass(),
                        row.getCurrentPractice(), row.getCountermeasure(), row.getOwner(), row.getDueDate()));
            }
        }
        try {
            service.assessAll(id, inputs, user.username());
        } catch (FitGapService.StepsRefused refused) {
            model.addAttribute("errors", refused.refusals);
            return show(stored, form, model);
        } catch (BusinessException refused) {
            model.addAttribute("errors", List.of("手順 " + inputs.keySet().iterator().next() + "："
                    + refused.japaneseMessage()));
            return show(stored, form, model);
        }
        int saved = inputs.size();
        redirect.addFlashAttribute("notice", saved + " 件の手順の判定を保存しました。");
        return "redirect:/admin/fit-gap/" + id;
    }

    @GetMapping("/admin/fit-gap/{id:\\d+}.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable long id) {
        StoredAnalysis stored = service.find(id).orElseThrow(NotFound::new);
        service.recordExport(id);
        return FitGapApiController.workbookResponse(stored);
    }

    @GetMapping("/admin/fit-gap/{id:\\d+}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        StoredAnalysis stored = service.find(id).orElseThrow(NotFound::new);
        byte[] pdf = FitGapPdf.render(service.tenantName(), stored, service.progress(id));
        service.recordExport(id);
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"fit-gap-"
                        + stored.analysis().tenant().value() + "-" + id + ".pdf\"")
                .body(pdf);
    }

    private String show(StoredAnalysis stored, AssessmentForm form, Model model) {
        model.addAttribute("analysis", AnalysisView.of(stored));
        model.addAttribute("form", form);
        model.addAttribute("classes", FitGapClass.values());
        model.addAttribute("progress", service.progress(stored.id()));
        return "admin/fit-gap-analysis";
    }

    private static void fill(StepRow row, StepAssessment assessment) {
        row.setFitGapClass(assessment.fitGapClass().name());
        row.setCurrentPractice(assessment.currentPractice());
        row.setCountermeasure(assessment.countermeasure());
        row.setOwner(assessment.owner());
        row.setDueDate(assessment.due().map(Object::toString).orElse(""));
    }

    /** Another town's analysis or none: the platform's 404 page. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("not found", null, false, false);
        }
    }
}
