package jp.jichitai.cloud.fitgap;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 標準手順書テンプレート (standard procedure template): the steps of a standard procedure, in order,
 * against which a municipality's practice is analysed. Templates are data
 * ({@code fitgap/templates/*.tsv}), loaded by {@link StandardTemplates}.
 */
public record ProcedureTemplate(String id, String name, String version, List<ProcedureStep> steps) {

    public ProcedureTemplate {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw FitGapMessages.refusal("E-FIT-0007");
        }
        Set<StepNumber> seen = new HashSet<>();
        for (ProcedureStep step : steps) {
            if (!seen.add(step.number())) {
                throw FitGapMessages.refusal("E-FIT-0006", step.number());
            }
        }
    }

    public Optional<ProcedureStep> step(StepNumber number) {
        return steps.stream().filter(step -> step.number().equals(number)).findFirst();
    }
}
