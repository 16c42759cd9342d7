package jp.jichitai.cloud.fitgap;

import java.util.Objects;

/**
 * 確認事項 (readiness check): something the municipality confirms before it can carry out a step with
 * the system, e.g. that a temporary counter site is designated for when the town hall is unusable.
 */
public record ReadinessCheck(String title, String question, Provenance provenance) {

    public ReadinessCheck {
        if (title == null || title.isBlank() || question == null || question.isBlank()) {
            throw FitGapMessages.refusal("E-FIT-0009");
        }
        Objects.requireNonNull(provenance, "provenance");
    }
}
