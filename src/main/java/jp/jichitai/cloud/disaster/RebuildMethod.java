package jp.jichitai.cloud.disaster;

/** 住宅の再建方法 (how a household rebuilds its housing), which sets the 加算支援金. */
public enum RebuildMethod {

    BUILD_OR_PURCHASE("建設・購入"),
    REPAIR("補修"),
    /** Renting a dwelling other than public housing (公営住宅以外); public housing earns nothing. */
    RENT("賃借（公営住宅以外）");

    private final String japaneseName;

    RebuildMethod(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    public String japaneseName() {
        return japaneseName;
    }
}
