package jp.jichitai.cloud.operations.internal;

/** 問い合わせの分類 (category of a support desk ticket). */
enum SupportCategory {
    OPERATION("操作方法"),
    FAILURE("障害"),
    REQUEST("要望"),
    ACCOUNT("利用者・権限"),
    OTHER("その他");

    private final String japaneseName;

    SupportCategory(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    public String japaneseName() {
        return japaneseName;
    }
}
