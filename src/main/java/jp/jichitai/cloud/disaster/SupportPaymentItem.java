package jp.jichitai.cloud.disaster;

/**
 * 支給項目 (item of 被災者生活再建支援金). A household is paid each item at most once; renting first and
 * building or repairing later is paid as {@link #ADDITIONAL} and then {@link #ADDITIONAL_AFTER_RENTING}.
 */
public enum SupportPaymentItem {

    /** 基礎支援金: by the damage to the dwelling; apply within 13 months of the disaster. */
    BASIC("基礎支援金", 13),
    /** 加算支援金: by the way the household rebuilds; apply within 37 months of the disaster. */
    ADDITIONAL("加算支援金", 37),
    /** The rest of the 加算支援金 for a household that rented first and then built, bought or repaired. */
    ADDITIONAL_AFTER_RENTING("加算支援金（賃借後の追加）", 37);

    private final String japaneseName;
    private final int applicationPeriodMonths;

    SupportPaymentItem(String japaneseName, int applicationPeriodMonths) {
        this.japaneseName = japaneseName;
        this.applicationPeriodMonths = applicationPeriodMonths;
    }

    public String japaneseName() {
        return japaneseName;
    }

    /** The application period, counted in months from the disaster date (see {@link ApplicationDeadline}). */
    public int applicationPeriodMonths() {
        return applicationPeriodMonths;
    }
}
