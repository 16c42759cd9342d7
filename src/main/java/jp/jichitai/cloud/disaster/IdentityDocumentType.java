package jp.jichitai.cloud.disaster;

/** 身分証明書の種類 (kind of identity document) shown at the counter for 本人認証. */
public enum IdentityDocumentType {

    DRIVING_LICENCE("運転免許証"),
    PASSPORT("旅券（パスポート）"),
    HEALTH_INSURANCE_CARD("健康保険証"),
    INDIVIDUAL_NUMBER_CARD("個人番号カード"),
    RESIDENCE_CARD("在留カード"),
    OTHER("その他の身分証明書");

    private final String japaneseName;

    IdentityDocumentType(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    public String japaneseName() {
        return japaneseName;
    }
}
