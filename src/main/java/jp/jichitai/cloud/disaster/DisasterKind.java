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

    /** The kind named in Japanese (地震, 風水害, 火災, その他), as the API and the screens receive it. */
    public static DisasterKind ofJapaneseName(String name) {
        for (DisasterKind kind : values()) {
            if (kind.japaneseName.equals(name == null ? "" : name.strip())) {
                return kind;
            }
        }
        throw DisasterMessages.refusal("E-DIS-0023", String.valueOf(name));
    }
}
