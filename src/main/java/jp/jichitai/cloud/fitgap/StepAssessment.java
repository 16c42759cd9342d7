package jp.jichitai.cloud.fitgap;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * 分析結果 (assessment) of one step: the municipality's current practice (現行の運用), the classification
 * (判定), the countermeasure (対応策), who is responsible (担当) and by when (期限).
 *
 * <p>A draft may lack the countermeasure, owner or due date; {@link #isComplete()} tells when it is
 * finished: a class that needs action ({@link FitGapClass#requiresAction()}) needs all three.
 */
public record StepAssessment(String currentPractice, FitGapClass fitGapClass, String countermeasure, String owner,
        LocalDate dueDate) {

    public StepAssessment {
        Objects.requireNonNull(fitGapClass, "fitGapClass");
        currentPractice = currentPractice == null ? "" : currentPractice.strip();
        countermeasure = countermeasure == null ? "" : countermeasure.strip();
        owner = owner == null ? "" : owner.strip();
    }

    public Optional<LocalDate> due() {
        return Optional.ofNullable(dueDate);
    }

    public boolean isComplete() {
        if (!fitGapClass.requiresAction()) {
            return true;
        }
        return !countermeasure.isEmpty() && !owner.isEmpty() && dueDate != null;
    }
}
