package jp.jichitai.cloud.synthetic;

import java.util.Arrays;
import jp.jichitai.cloud.migrationformat.Layout;

/**
 * One generated row of a migration layout (a 住民基本台帳 snapshot, an income year, a legacy alien
 * registration), its values in the layout's column order.
 */
public final class SyntheticRow {

    private final Layout layout;
    private final String[] values;

    SyntheticRow(Layout layout) {
        this.layout = layout;
        this.values = new String[layout.columnCount()];
        Arrays.fill(values, "");
    }

    SyntheticRow(SyntheticRow copy) {
        this.layout = copy.layout;
        this.values = copy.values.clone();
    }

    public Layout layout() {
        return layout;
    }

    /** The value of a column by its name, e.g. {@code value("氏")}; empty when none. */
    public String value(String columnName) {
        return values[layout.column(columnName).number() - 1];
    }

    SyntheticRow set(String columnName, String value) {
        values[layout.column(columnName).number() - 1] = value == null ? "" : value;
        return this;
    }

    /** The values in column order, as written to the CSV. */
    public String[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        return String.join(",", values);
    }
}
