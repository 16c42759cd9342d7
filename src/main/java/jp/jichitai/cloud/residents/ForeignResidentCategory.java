package jp.jichitai.cloud.residents;

/**
 * 30条の45区分 (category of foreign resident under Article 30-45 of the Residential Basic Book Act), and which
 * residence items each category must carry.
 */
public enum ForeignResidentCategory {
    /** 中長期在留者: 在留資格, 在留期間, 満了日 and 在留カード番号. */
    MID_TO_LONG_TERM_RESIDENT("中長期在留者", true, true, true),
    /** 特別永住者: 特別永住者証明書番号 only. */
    SPECIAL_PERMANENT_RESIDENT("特別永住者", false, false, true),
    /** 一時庇護許可者: 上陸期間 and its 満了日. */
    TEMPORARY_REFUGE("一時庇護許可者", false, true, false),
    /** 仮滞在者: 仮滞在期間 and its 満了日. */
    PROVISIONAL_STAY("仮滞在者", false, true, false),
    /** 経過滞在者 (after birth or loss of nationality, up to 60 days): no residence items. */
    TRANSITIONAL_STAY("経過滞在者", false, false, false);

    private final String japanese;
    private final boolean needsStatusOfResidence;
    private final boolean needsPeriodOfStay;
    private final boolean needsCardNumber;

    ForeignResidentCategory(String japanese, boolean needsStatusOfResidence, boolean needsPeriodOfStay, boolean needsCardNumber) {
        this.japanese = japanese;
        this.needsStatusOfResidence = needsStatusOfResidence;
        this.needsPeriodOfStay = needsPeriodOfStay;
        this.needsCardNumber = needsCardNumber;
    }

    public String japanese() {
        return japanese;
    }

    public boolean needsStatusOfResidence() {
        return needsStatusOfResidence;
    }

    /** 在留期間 (or 上陸期間, 仮滞在期間) and its 満了日. */
    public boolean needsPeriodOfStay() {
        return needsPeriodOfStay;
    }

    /** 在留カード番号 or 特別永住者証明書番号. */
    public boolean needsCardNumber() {
        return needsCardNumber;
    }
}
