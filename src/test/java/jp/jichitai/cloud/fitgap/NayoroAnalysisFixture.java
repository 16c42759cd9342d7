package jp.jichitai.cloud.fitgap;

import java.time.LocalDate;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * 名寄市's analysis of the victim support template, after the example table in the source document
 * (8.4), with owners and due dates added: two steps 事務変更, one 導入可, one 仕様変更 still without
 * owner and due date, one not yet assessed.
 */
final class NayoroAnalysisFixture {

    static final TenantCode NAYORO = TenantCode.of("012211");

    private NayoroAnalysisFixture() {
    }

    static FitGapAnalysis nayoroVictimSupportAnalysis() {
        FitGapAnalysis analysis = new FitGapAnalysis(NAYORO, StandardTemplates.victimSupport());
        analysis.assess(StepNumber.of("001"), new StepAssessment(
                "防災計画では明確な定義はない。本庁舎又は風連庁舎での利用が想定される。",
                FitGapClass.CHANGE_PRACTICE, "設置場所の整理・検討を行う", "総務課", LocalDate.of(2013, 3, 31)));
        analysis.assess(StepNumber.of("002"), new StepAssessment(
                "身分証明書を紛失した場合の規程が存在しない",
                FitGapClass.CHANGE_PRACTICE, "身元が特定されている第三者による証明を許容する", "市民課", LocalDate.of(2013, 3, 31)));
        analysis.assess(StepNumber.of("003"), new StepAssessment(
                "ASP事業者と協議が必要。メール等による提供で問題なし", FitGapClass.FITS, "", "", null));
        analysis.assess(StepNumber.of("004"), new StepAssessment(
                "家屋調査実施者について明確な定義はない", FitGapClass.CHANGE_SYSTEM, "判定指針を検討する", "", null));
        return analysis;
    }
}
