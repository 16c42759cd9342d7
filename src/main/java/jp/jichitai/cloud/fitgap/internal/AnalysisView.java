package jp.jichitai.cloud.fitgap.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.jichitai.cloud.fitgap.FitGapAnalysis;
import jp.jichitai.cloud.fitgap.FitGapClass;
import jp.jichitai.cloud.fitgap.FitGapSummary;

/** An analysis as the API answers it: its steps with their latest assessment, and the summary. */
record AnalysisView(long id, String templateId, String templateName, String title, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, Summary summary, List<Step> steps) {

    record Summary(Map<String, Integer> countsByClass, int unassessed, int totalSteps, int completeSteps,
            BigDecimal completionPercent, boolean done) {
    }

    record Check(String title, String question) {
    }

    record Assessment(String fitGapClass, String fitGapClassName, String currentPractice, String countermeasure,
            String owner, LocalDate dueDate, boolean complete) {
    }

    record Step(String number, String name, String description, List<Check> readinessChecks, Assessment assessment) {
    }

    /** When last changed, in Japan time, as the screens show it. */
    public String updatedInJapan() {
        return updatedAt.atZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    static AnalysisView of(StoredAnalysis stored) {
        FitGapAnalysis analysis = stored.analysis();
        FitGapSummary summary = analysis.summary();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (FitGapClass fitGapClass : FitGapClass.values()) {
            counts.put(fitGapClass.japaneseName(), summary.count(fitGapClass));
        }
        List<Step> steps = analysis.template().steps().stream().map(step -> new Step(step.number().value(),
                step.name(), step.description(),
                step.readinessChecks().stream().map(check -> new Check(check.title(), check.question())).toList(),
                analysis.assessmentOf(step.number()).map(a -> new Assessment(a.fitGapClass().name(),
                        a.fitGapClass().japaneseName(), a.currentPractice(), a.countermeasure(), a.owner(), a.dueDate(),
                        a.isComplete())).orElse(null)))
                .toList();
        return new AnalysisView(stored.id(), analysis.template().id(), analysis.template().name(), stored.title(),
                stored.createdAt(), stored.updatedAt(), new Summary(counts, summary.unassessed(), summary.totalSteps(),
                        summary.completeSteps(), summary.completionPercent(), analysis.isDone()),
                steps);
    }
}
