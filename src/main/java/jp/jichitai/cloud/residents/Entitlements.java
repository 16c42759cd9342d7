package jp.jichitai.cloud.residents;

import java.util.Objects;

/**
 * 資格 (entitlements) recorded on the 住民票: 選挙人名簿登録, 国民健康保険, 後期高齢者医療, 介護保険, 国民年金の種別,
 * 児童手当.
 */
public record Entitlements(boolean onElectoralRoll, boolean nationalHealthInsurance, boolean lateStageElderlyMedicalCare,
        boolean longTermCareInsurance, NationalPensionCategory nationalPension, boolean childAllowance) {

    public Entitlements {
        Objects.requireNonNull(nationalPension, "nationalPension");
    }

    public static Entitlements none() {
        return new Entitlements(false, false, false, false, NationalPensionCategory.NOT_INSURED, false);
    }
}
