package jp.jichitai.cloud.disaster;

/** 災害の種類 (kind of disaster) recorded for each disaster and printed on certificates. */
public enum DisasterKind {

    EARTHQUAKE("地震"),
    /** Storms and floods, including typhoons and heavy rain. */
    STORM_AND_FLOOD("風水害"),
    FIRE("火災"),
    OTHER("その他");

    private final String japaneseName;

    DisasterKind(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    public String japaneseName() {
        return japaneseName;
    }
}
