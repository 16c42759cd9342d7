package jp.jichitai.cloud.residents;

/** 国民年金の種別 (category of National Pension insured person). */
public enum NationalPensionCategory {
    NOT_INSURED("なし"),
    CATEGORY_1("第1号被保険者"),
    CATEGORY_2("第2号被保険者"),
    CATEGORY_3("第3号被保険者"),
    VOLUNTARY("任意加入被保険者");

    private final String japanese;

    NationalPensionCategory(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }
}
