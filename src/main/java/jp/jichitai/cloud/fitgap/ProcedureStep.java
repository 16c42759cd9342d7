package jp.jichitai.cloud.fitgap;

import java.util.List;
import java.util.Objects;

/** 手順 (step) of a standard procedure, with the readiness checks that the step depends on. */
public record ProcedureStep(StepNumber number, String name, String description, Provenance provenance,
        List<ReadinessCheck> readinessChecks) {

    public ProcedureStep {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(provenance, "provenance");
        if (name == null || name.isBlank() || description == null || description.isBlank()) {
            throw FitGapMessages.refusal("E-FIT-0009");
        }
        readinessChecks = List.copyOf(readinessChecks);
    }

    /** As the analysis table shows it: {@code 001 被災状況の届出}. */
    public String title() {
        return number + " " + name;
    }
}
