package jp.jichitai.cloud.certificates;

/**
 * One labelled value of a certificate, such as 氏名 / 髙橋　一郎. The value may be empty (an item that
 * is left off) and may hold several lines separated by {@code \n}.
 */
public record FieldRow(String label, String value) {

    public FieldRow {
        Texts.requireText(label, "label");
        Texts.requireText(value, "value");
    }

    public static FieldRow of(String label, String value) {
        return new FieldRow(label, value);
    }
}
