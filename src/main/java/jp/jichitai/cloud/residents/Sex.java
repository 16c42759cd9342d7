package jp.jichitai.cloud.residents;

/** 性別 (sex) as recorded on the 住民票. */
public enum Sex {
    MALE("男"),
    FEMALE("女");

    private final String japanese;

    Sex(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }
}
