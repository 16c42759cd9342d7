package jp.jichitai.cloud.migrationformat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * レイアウト (layout) of one migration file: its file name, columns in order, key columns and whether the
 * file may be empty. Layouts are data (see {@code layouts/<version>/*.tsv}), never code, so that the
 * official definitions can be dropped in later as another version.
 */
public final class Layout {

    private final String version;
    private final String name;
    private final String fileName;
    private final String title;
    private final List<Column> columns;
    private final List<Column> keyColumns;
    private final boolean mayBeEmpty;
    private final Map<String, Column> columnsByName = new HashMap<>();

    Layout(String version, String name, String fileName, String title, List<Column> columns,
            List<Integer> keyColumnNumbers, boolean mayBeEmpty) {
        this.version = version;
        this.name = name;
        this.fileName = fileName;
        this.title = title;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < this.columns.size(); i++) {
            Column column = this.columns.get(i);
            if (column.number() != i + 1) {
                throw new IllegalArgumentException(name + ": column " + column.name() + " should be number " + (i + 1));
            }
            if (columnsByName.put(column.name(), column) != null) {
                throw new IllegalArgumentException(name + ": column name used twice: " + column.name());
            }
        }
        this.keyColumns = keyColumnNumbers.stream().map(this::column).toList();
        this.mayBeEmpty = mayBeEmpty;
    }

    public String version() {
        return version;
    }

    /** The layout's name, e.g. {@code data_d0101}. */
    public String name() {
        return name;
    }

    /** The file name the layout describes, e.g. {@code data_d0101.csv}. */
    public String fileName() {
        return fileName;
    }

    /** The Japanese title, e.g. 住民基本台帳. */
    public String title() {
        return title;
    }

    public List<Column> columns() {
        return columns;
    }

    public int columnCount() {
        return columns.size();
    }

    /** The column at a 1-based position. */
    public Column column(int number) {
        if (number < 1 || number > columns.size()) {
            throw new IllegalArgumentException(name + " has no column " + number);
        }
        return columns.get(number - 1);
    }

    /** The column with a name, e.g. 宛名番号. */
    public Column column(String columnName) {
        Column column = columnsByName.get(columnName);
        if (column == null) {
            throw new IllegalArgumentException(name + " has no column " + columnName);
        }
        return column;
    }

    /** The columns whose values together are unique in the file; empty when the file has no key. */
    public List<Column> keyColumns() {
        return keyColumns;
    }

    public boolean mayBeEmpty() {
        return mayBeEmpty;
    }

    @Override
    public String toString() {
        return version + "/" + name;
    }
}
