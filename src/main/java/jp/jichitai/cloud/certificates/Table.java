package jp.jichitai.cloud.certificates;

import java.util.List;

/**
 * A table with titled columns, such as the list of household members. The column titles are repeated
 * on every page that the table continues on.
 */
public record Table(String heading, List<TableColumn> columns, List<List<String>> rows) implements BodySection {

    public Table {
        Texts.requireText(heading, "heading");
        columns = Texts.copyOf(columns, "columns");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        rows = Texts.copyOf(rows, "rows").stream().map(row -> Texts.copyOf(row, "row")).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "a row has " + row.size() + " cells for " + columns.size() + " columns: " + row);
            }
        }
    }
}
