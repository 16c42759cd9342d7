package jp.jichitai.cloud.certificates;

/**
 * 表示 (marking) stamped visibly on every page of a certificate.
 */
public enum Marking {
    /** 公用: issued to a public office for official use (no fee). */
    OFFICIAL_USE("公用"),
    /** 訓練: printed during a drill; must never pass for a real certificate. */
    DRILL("訓練"),
    /**
     * 見本: a specimen, printed to show what a certificate would say before it is issued. It carries no issue number
     * and no verification code (see {@link CertificateDocument#asSpecimen()}), so nothing on it can be verified.
     */
    SPECIMEN("見本");

    private final String japaneseText;

    Marking(String japaneseText) {
        this.japaneseText = japaneseText;
    }

    /** The text stamped on the page. */
    public String japaneseText() {
        return japaneseText;
    }
}
