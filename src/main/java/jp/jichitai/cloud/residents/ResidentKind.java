package jp.jichitai.cloud.residents;

/** 住民種別 (kind of resident): decides which items the 住民票 carries (本籍 or 国籍・地域 and 在留 items). */
public enum ResidentKind {
    JAPANESE("日本人"),
    FOREIGN("外国人");

    private final String japanese;

    ResidentKind(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }
}
