package jp.jichitai.cloud.disaster;

/** 調査方法 (method of a damage survey) of a dwelling. */
public enum SurveyMethod {

    EXTERIOR("外観"),
    INTERIOR("内部"),
    /** From photographs taken by the victim (自己判定方式 / 写真判定). */
    PHOTOGRAPH("写真"),
    /** By the depth of flooding (浸水深), for floods. */
    FLOOD_DEPTH("浸水深");

    private final String japaneseName;

    SurveyMethod(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    public String japaneseName() {
        return japaneseName;
    }
}
