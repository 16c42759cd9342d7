package jp.jichitai.cloud.fitgap.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.fitgap.FitGapClass;
import jp.jichitai.cloud.fitgap.FitGapMessages;
import jp.jichitai.cloud.fitgap.ProcedureStep;
import jp.jichitai.cloud.fitgap.ProcedureTemplate;
import jp.jichitai.cloud.fitgap.StepAssessment;
import jp.jichitai.cloud.fitgap.StepNumber;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

/** A town's analyses, for the town bound to the request: start one, assess its steps, read them. */
@Service
class FitGapService {

    private final FitGapAnalyses analyses;
    private final TemplateCatalog templates;
    private final AuditLog auditLog;
    private final jp.jichitai.cloud.tenancy.Tenants tenants;

    FitGapService(FitGapAnalyses analyses, TemplateCatalog templates, AuditLog auditLog,
            jp.jichitai.cloud.tenancy.Tenants tenants) {
        this.tenants = tenants;
        this.analyses = analyses;
        this.templates = templates;
        this.auditLog = auditLog;
    }

    /** The latest version of a template, which new analyses start from. */
    ProcedureTemplate template(String id) {
        return current(id).template();
    }

    private TemplateCatalog.Versioned current(String id) {
        return templates.current(id == null || id.isBlank() ? TemplateCatalog.DEFAULT_TEMPLATE : id);
    }

    /** Starts an analysis of the chosen steps (all steps when none are named). */
    long start(String templateId, String title, List<String> stepNumbers, String user) {
        TemplateCatalog.Versioned current = current(templateId);
        ProcedureTemplate template = current.template();
        List<StepNumber> steps = stepNumbers == null || stepNumbers.isEmpty()
                ? template.steps().stream().map(ProcedureStep::number).toList()
                : stepNumbers.stream().map(StepNumber::of).distinct().toList();
        for (StepNumber step : steps) {
            if (template.step(step).isEmpty()) {
                throw FitGapMessages.refusal("E-FIT-0001", step, template.name());
            }
        }
        if (steps.isEmpty()) {
            throw FitGapMessages.refusal("E-FIT-0010");
        }
        String name = title == null || title.isBlank() ? template.name() : title.strip();
        if (name.length() > 100) {
            throw FitGapMessages.refusal("E-FIT-0012");
        }
        long id = analyses.create(TenantContext.require(), template, current.versionNo(), name, steps, user);
        auditLog.record(AuditEvent.of("fitgap.create", "fitgap:" + id));
        return id;
    }

    List<StoredAnalysis> all() {
        return analyses.all(TenantContext.require());
    }

    Optional<StoredAnalysis> find(long id) {
        return analyses.find(TenantContext.require(), id);
    }

    /** Records a step's assessment as one save; empty when the town has no such analysis. */
    Optional<StoredAnalysis> assess(long id, String step, AssessmentInput input, String user) {
        return assessAll(id, java.util.Map.of(step, input), user);
    }

    /**
     * Records the assessments of several steps as one save, all or none: every step is checked before
     * any is written, and one refusal leaves the analysis as it was (the refusal names the step). The
     * save appends the new summary to the progress history. Empty when the town has no such analysis.
     */
    @org.springframework.transaction.annotation.Transactional
    Optional<StoredAnalysis> assessAll(long id, java.util.Map<String, AssessmentInput> inputs, String user) {
        TenantCode tenant = TenantContext.require();
        Optional<StoredAnalysis> analysis = analyses.find(tenant, id);
        if (analysis.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<StepNumber, StepAssessment> checked = new java.util.LinkedHashMap<>();
        java.util.List<String> refusals = new java.util.ArrayList<>();
        inputs.forEach((step, input) -> {
            try {
                StepNumber number = StepNumber.of(step);
                StepAssessment assessment = input.toAssessment();
                analysis.get().analysis().assess(number, assessment);
                checked.put(number, assessment);
            } catch (jp.jichitai.cloud.shared.BusinessException refused) {
                if (inputs.size() == 1) {
                    throw refused;
                }
                refusals.add("手順 " + step + "：" + refused.japaneseMessage());
            }
        });
        if (!refusals.isEmpty()) {
            throw new StepsRefused(refusals);
        }
        checked.forEach((number, assessment) -> {
            analyses.assess(tenant, id, number, assessment, user);
            auditLog.record(AuditEvent.of("fitgap.assess", "fitgap:" + id + "/" + number));
        });
        if (!checked.isEmpty()) {
            analyses.snapshot(tenant, id, analysis.get().analysis().summary(), user);
        }
        return analyses.find(tenant, id);
    }

    /** The refusals of a save of several steps, one line per step; nothing was written. */
    static final class StepsRefused extends RuntimeException {
        final java.util.List<String> refusals;

        StepsRefused(java.util.List<String> refusals) {
            super(String.join("\n", refusals), null, false, false);
            this.refusals = java.util.List.copyOf(refusals);
        }
    }

    String tenantName() {
        TenantCode tenant = TenantContext.require();
        return tenants.find(tenant).map(jp.jichitai.cloud.tenancy.Tenant::name).orElse(tenant.value());
    }

    List<ProgressSnapshot> progress(long id) {
        return analyses.progress(TenantContext.require(), id);
    }

    void recordExport(long id) {
        auditLog.record(AuditEvent.of("fitgap.export", "fitgap:" + id));
    }

    /** One step's assessment as entered: the class by its Japanese name (or constant), the rest as text. */
    record AssessmentInput(String fitGapClass, String currentPractice, String countermeasure, String owner,
            String dueDate) {

        StepAssessment toAssessment() {
            FitGapClass chosen = java.util.Arrays.stream(FitGapClass.values())
                    .filter(value -> value.name().equals(fitGapClass))
                    .findFirst()
                    .orElseGet(() -> FitGapClass.ofJapaneseName(fitGapClass));
            return new StepAssessment(limited(currentPractice, "現行の運用", 1000), chosen,
                    limited(countermeasure, "対応策", 1000), limited(owner, "担当", 100), date(dueDate));
        }

        private static String limited(String text, String label, int max) {
            if (text != null && text.strip().length() > max) {
                throw FitGapMessages.refusal("E-FIT-0013", label, max);
            }
            return text;
        }

        private static LocalDate date(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw FitGapMessages.refusal("E-FIT-0011", text);
            }
        }
    }
}
