package jp.jichitai.cloud.fitgap;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * フィット&ギャップ分析 (fit and gap analysis) of one municipality against one standard procedure.
 *
 * <p>Lifecycle: created empty for a tenant and a template; each step is assessed, and may be
 * re-assessed as the discussion goes on (the latest assessment stands); the analysis is done when
 * every step is assessed and complete. It is exported as the Excel table that the municipality
 * reviews ({@link FitGapWorkbook}).
 */
public final class FitGapAnalysis {

    private final TenantCode tenant;
    private final ProcedureTemplate template;
    private final Map<StepNumber, StepAssessment> assessments = new LinkedHashMap<>();

    public FitGapAnalysis(TenantCode tenant, ProcedureTemplate template) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.template = Objects.requireNonNull(template, "template");
    }

    /** Records the assessment of a step of the template, replacing an earlier one. */
    public void assess(StepNumber step, StepAssessment assessment) {
        if (template.step(step).isEmpty()) {
            throw FitGapMessages.refusal("E-FIT-0001", step, template.name());
        }
        assessments.put(step, Objects.requireNonNull(assessment, "assessment"));
    }

    public Optional<StepAssessment> assessmentOf(StepNumber step) {
        return Optional.ofNullable(assessments.get(step));
    }

    public FitGapSummary summary() {
        Map<FitGapClass, Integer> counts = new EnumMap<>(FitGapClass.class);
        int complete = 0;
        for (ProcedureStep step : template.steps()) {
            StepAssessment assessment = assessments.get(step.number());
            if (assessment != null) {
                counts.merge(assessment.fitGapClass(), 1, Integer::sum);
                complete += assessment.isComplete() ? 1 : 0;
            }
        }
        int total = template.steps().size();
        return new FitGapSummary(counts, total - assessments.size(), total, complete);
    }

    public boolean isDone() {
        FitGapSummary summary = summary();
        return summary.completeSteps() == summary.totalSteps();
    }

    public TenantCode tenant() {
        return tenant;
    }

    public ProcedureTemplate template() {
        return template;
    }
}
