package jp.jichitai.cloud.fitgap;

import static jp.jichitai.cloud.fitgap.NayoroAnalysisFixture.NAYORO;
import static jp.jichitai.cloud.fitgap.NayoroAnalysisFixture.nayoroVictimSupportAnalysis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.jichitai.cloud.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FitGapAnalysisTests {

    @ParameterizedTest
    @CsvSource({"導入可, FITS, false", "事務変更, CHANGE_PRACTICE, true", "仕様変更, CHANGE_SYSTEM, true",
            "双方変更, CHANGE_BOTH, true", "導入しない, DO_NOT_ADOPT, false"})
    void classesByTheirJapaneseNames(String japaneseName, FitGapClass expected, boolean requiresAction) {
        assertThat(FitGapClass.ofJapaneseName(japaneseName)).isEqualTo(expected);
        assertThat(expected.japaneseName()).isEqualTo(japaneseName);
        assertThat(expected.requiresAction()).isEqualTo(requiresAction);
    }

    @Test
    void refusesAnUnknownClassName() {
        assertThatThrownBy(() -> FitGapClass.ofJapaneseName("事務変更？"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-FIT-0003"));
    }

    @Test
    void summaryCountsEachClassAndTheStepsNotYetAssessed() {
        FitGapSummary summary = nayoroVictimSupportAnalysis().summary();

        assertThat(summary.count(FitGapClass.FITS)).isEqualTo(1);
        assertThat(summary.count(FitGapClass.CHANGE_PRACTICE)).isEqualTo(2);
        assertThat(summary.count(FitGapClass.CHANGE_SYSTEM)).isEqualTo(1);
        assertThat(summary.count(FitGapClass.CHANGE_BOTH)).isZero();
        assertThat(summary.count(FitGapClass.DO_NOT_ADOPT)).isZero();
        assertThat(summary.unassessed()).isEqualTo(1);
        assertThat(summary.totalSteps()).isEqualTo(5);
    }

    @Test
    void aStepNeedingActionIsCompleteOnlyWithCountermeasureOwnerAndDueDate() {
        FitGapAnalysis analysis = nayoroVictimSupportAnalysis();

        // 001, 002 (事務変更 with all three) and 003 (導入可) are complete; 004 lacks owner and date; 005 is open
        assertThat(analysis.summary().completeSteps()).isEqualTo(3);
        assertThat(analysis.summary().completionPercent()).isEqualByComparingTo("60.0");
        assertThat(analysis.isDone()).isFalse();

        analysis.assess(StepNumber.of("004"), new StepAssessment("家屋調査実施者について明確な定義はない",
                FitGapClass.CHANGE_SYSTEM, "判定指針を検討する", "税務課", LocalDate.of(2013, 6, 30)));
        analysis.assess(StepNumber.of("005"), new StepAssessment("現行の申請書様式で対応可", FitGapClass.FITS, "", "", null));

        assertThat(analysis.summary().completionPercent()).isEqualByComparingTo("100.0");
        assertThat(analysis.summary().count(FitGapClass.FITS)).isEqualTo(2);
        assertThat(analysis.isDone()).isTrue();
    }

    @Test
    void completionIsTruncatedNotRoundedUp() {
        FitGapAnalysis analysis = new FitGapAnalysis(NAYORO, new ProcedureTemplate("three", "三手順", "1", java.util.List.of(
                step("001"), step("002"), step("003"))));
        analysis.assess(StepNumber.of("001"), new StepAssessment("", FitGapClass.FITS, "", "", null));
        analysis.assess(StepNumber.of("002"), new StepAssessment("", FitGapClass.FITS, "", "", null));

        // 2 / 3 = 66.66...%
        assertThat(analysis.summary().completionPercent()).isEqualByComparingTo("66.6");
    }

    @Test
    void aLaterAssessmentReplacesTheEarlierOne() {
        FitGapAnalysis analysis = nayoroVictimSupportAnalysis();
        analysis.assess(StepNumber.of("003"), new StepAssessment("再検討", FitGapClass.DO_NOT_ADOPT, "", "", null));

        assertThat(analysis.assessmentOf(StepNumber.of("003"))).get()
                .extracting(StepAssessment::fitGapClass).isEqualTo(FitGapClass.DO_NOT_ADOPT);
        assertThat(analysis.summary().count(FitGapClass.FITS)).isZero();
    }

    @Test
    void refusesAStepThatIsNotInTheTemplate() {
        FitGapAnalysis analysis = nayoroVictimSupportAnalysis();

        assertThatThrownBy(() -> analysis.assess(StepNumber.of("099"),
                new StepAssessment("", FitGapClass.FITS, "", "", null)))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageId().value()).isEqualTo("E-FIT-0001");
                    assertThat(e.japaneseMessage()).contains("099");
                });
    }

    @Test
    void refusesMalformedStepNumbersAndDuplicateSteps() {
        assertThatThrownBy(() -> StepNumber.of("1"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-FIT-0002"));
        assertThatThrownBy(() -> new ProcedureTemplate("dup", "重複", "1", java.util.List.of(step("001"), step("001"))))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-FIT-0006"));
    }

    private static ProcedureStep step(String number) {
        return new ProcedureStep(StepNumber.of(number), "手順" + number, "説明", Provenance.PROJECT, java.util.List.of());
    }
}
