package jp.jichitai.cloud.residents.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.jichitai.cloud.residents.Entitlements;
import jp.jichitai.cloud.residents.NationalPensionCategory;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.ResidentRecordCode;

/** Texts the screens show: days in 和暦, absent items as ―. (Templates have no lambdas.) */
public final class ScreenText {

    private ScreenText() {
    }

    public static String era(LocalDate day) {
        return RecordedDate.of(day).toJapaneseEraText();
    }

    public static String notified(Optional<LocalDate> day) {
        return day.map(ScreenText::era).orElse("（職権）");
    }

    public static String residentRecordCode(Optional<ResidentRecordCode> code) {
        return code.map(ResidentRecordCode::value).orElse("記録なし");
    }

    /** The 資格 recorded, in the order of the 住民票: 選挙, 国保, 後期高齢, 介護, 国民年金, 児童手当. */
    public static String entitlements(Entitlements entitlements) {
        List<String> items = new ArrayList<>();
        if (entitlements.onElectoralRoll()) {
            items.add("選挙人名簿登録");
        }
        if (entitlements.nationalHealthInsurance()) {
            items.add("国民健康保険");
        }
        if (entitlements.lateStageElderlyMedicalCare()) {
            items.add("後期高齢者医療");
        }
        if (entitlements.longTermCareInsurance()) {
            items.add("介護保険");
        }
        if (entitlements.nationalPension() != NationalPensionCategory.NOT_INSURED) {
            items.add("国民年金（" + entitlements.nationalPension().japanese() + "）");
        }
        if (entitlements.childAllowance()) {
            items.add("児童手当");
        }
        return items.isEmpty() ? "なし" : String.join("、", items);
    }

    public static String gregorian(Optional<RecordedDate> date) {
        return date.map(RecordedDate::toGregorianText).orElse("―");
    }
}
