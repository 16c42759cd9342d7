package jp.jichitai.cloud.residents;

import java.util.Objects;
import java.util.Optional;

import jp.jichitai.cloud.residents.internal.ResidentMessages;

/**
 * 外国人住民の記載事項 (items of a foreign resident's record): 国籍・地域, アルファベット氏名, 30条の45区分, 在留資格,
 * 在留期間 and its 満了日 (shown in 西暦), 在留カード等番号, 外国人住民となった年月日. Which of the residence items are
 * required depends on the {@link ForeignResidentCategory}.
 */
public record ForeignResidentItems(String nationalityOrRegion, String alphabetName, ForeignResidentCategory category,
        Optional<String> statusOfResidence, Optional<String> periodOfStay, Optional<RecordedDate> periodOfStayExpiresOn,
        Optional<ResidenceCardNumber> cardNumber, RecordedDate becameForeignResidentOn) {

    /** The 在留資格 of a permanent resident. */
    public static final String PERMANENT_RESIDENT = "永住者";

    public ForeignResidentItems {
        requirePresent(nationalityOrRegion, "国籍・地域");
        requirePresent(alphabetName, "アルファベット氏名");
        if (category == null) {
            throw ResidentMessages.refusal("E-RES-0034", "30条の45区分");
        }
        Objects.requireNonNull(becameForeignResidentOn, "becameForeignResidentOn");
        if (category.needsStatusOfResidence() && statusOfResidence.filter(text -> !text.isBlank()).isEmpty()) {
            throw ResidentMessages.refusal("E-RES-0047", category.japanese(), "在留資格");
        }
        // 永住者 are 中長期在留者 whose stay has no period (入管法 別表第二): no 在留期間 and no 満了日.
        boolean permanent = statusOfResidence.filter(PERMANENT_RESIDENT::equals).isPresent();
        if (category.needsPeriodOfStay() && !permanent && periodOfStay.filter(text -> !text.isBlank()).isEmpty()) {
            throw ResidentMessages.refusal("E-RES-0047", category.japanese(), "在留期間");
        }
        if (category.needsPeriodOfStay() && !permanent && periodOfStayExpiresOn.isEmpty()) {
            throw ResidentMessages.refusal("E-RES-0047", category.japanese(), "在留期間の満了日");
        }
        if (category.needsCardNumber() && cardNumber.isEmpty()) {
            throw ResidentMessages.refusal("E-RES-0047", category.japanese(), "在留カード等番号");
        }
    }

    private static void requirePresent(String value, String item) {
        if (value == null || value.isBlank()) {
            throw ResidentMessages.refusal("E-RES-0034", item);
        }
    }
}
