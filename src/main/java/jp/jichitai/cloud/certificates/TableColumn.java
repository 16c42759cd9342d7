package jp.jichitai.cloud.certificates;

/**
 * A column of a {@link Table}: its title and its share of the table width (weights are relative to
 * each other, e.g. 3 and 1 give three quarters and one quarter).
 */
public record TableColumn(String title, float weight) {

    public TableColumn {
        Texts.requireText(title, "column title");
        if (!(weight > 0) || Float.isInfinite(weight)) {
            throw new IllegalArgumentException("column weight must be positive: " + weight);
        }
    }

    public static TableColumn of(String title, float weight) {
        return new TableColumn(title, weight);
    }
}
