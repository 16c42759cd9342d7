package jp.jichitai.cloud.disaster;

/**
 * A household's circumstance that the support law (被災者生活再建支援法 2条2号) treats like a totally
 * collapsed dwelling whatever its damage level: 解体 (the damaged dwelling had to be demolished) and
 * 長期避難 (the area is under a long-term evacuation order).
 */
public enum HouseholdCircumstance {

    NONE("該当なし"),
    DEMOLITION("解体"),
    LONG_TERM_EVACUATION("長期避難");

    private final String japaneseName;

    HouseholdCircumstance(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    public String japaneseName() {
        return japaneseName;
    }

    /** Whether the household counts as 全壊 for the support payment. */
    public boolean countsAsTotalCollapse() {
        return this != NONE;
    }
}
