package jp.jichitai.cloud.continuity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Consumer;

import jp.jichitai.cloud.continuity.internal.TenantTables.Column;
import jp.jichitai.cloud.continuity.internal.TenantTables.Table;
import jp.jichitai.cloud.shared.TenantCode;

/** Rows in the vault's encoding, addressed by their primary key: reading, writing and showing them. */
final class RowKeys {

    private RowKeys() {
    }

    /** The key of an encoded row as text, e.g. {@code tenant_id=012211, id=1000000000001}. */
    static String of(byte[] row, List<String> columns, List<String> keyColumns) {
        Object[] values = RowCodec.decode(row, columns.size());
        StringJoiner key = new StringJoiner(", ");
        for (String column : keyColumns) {
            key.add(column + "=" + display(values[columns.indexOf(column)]));
        }
        return key.toString();
    }

    /** The row as text for a person to read (binary columns by their length only). */
    static String describe(byte[] row, List<String> columns) {
        if (row == null) {
            return null;
        }
        Object[] values = RowCodec.decode(row, columns.size());
        StringJoiner text = new StringJoiner("; ");
        for (int index = 0; index < values.length; index++) {
            text.add(columns.get(index) + "=" + display(values[index]));
        }
        String all = text.toString();
        return all.length() > 4000 ? all.substring(0, 3999) + "…" : all;
    }

    static Object value(byte[] row, List<String> columns, String column) {
        return RowCodec.decode(row, columns.size())[columns.indexOf(column)];
    }

    private static String display(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        return String.valueOf(value);
    }

    /** Streams the tenant's rows of a table, encoded over the table's columns as given. */
    static void forEachRow(Connection connection, Table table, TenantCode tenant, Consumer<byte[]> consumer)
            throws SQLException {
        String sql = "SELECT " + String.join(", ", table.columnNames().stream().map(RowKeys::quoted).toList())
                + " FROM " + quoted(table.name()) + " WHERE " + quoted(table.selection().column()) + " = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(2_000);
            select.setString(1, tenant.value());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    consumer.accept(RowCodec.encode(result, table.columns()));
                }
            }
        }
    }

    /** The tenant's row with the key of {@code row}, encoded over the same columns; null when there is none. */
    static byte[] find(Connection connection, Table table, TenantCode tenant, List<String> keyColumns, byte[] row)
            throws SQLException {
        Object[] values = RowCodec.decode(row, table.columns().size());
        List<String> columns = table.columnNames();
        String sql = "SELECT " + String.join(", ", columns.stream().map(RowKeys::quoted).toList()) + " FROM "
                + quoted(table.name()) + where(table, keyColumns);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bindWhere(select, 1, table, tenant, keyColumns, values);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? RowCodec.encode(result, table.columns()) : null;
            }
        }
    }

    static void insert(Connection connection, Table table, byte[] row) throws SQLException {
        Object[] values = RowCodec.decode(row, table.columns().size());
        String sql = "INSERT INTO " + quoted(table.name()) + " ("
                + String.join(", ", table.columnNames().stream().map(RowKeys::quoted).toList()) + ") VALUES ("
                + String.join(", ", table.columnNames().stream().map(column -> "?").toList()) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int index = 0; index < values.length; index++) {
                RowCodec.bind(insert, index + 1, values[index], table.columns().get(index));
            }
            insert.executeUpdate();
        }
    }

    static int update(Connection connection, Table table, TenantCode tenant, List<String> keyColumns, byte[] row)
            throws SQLException {
        Object[] values = RowCodec.decode(row, table.columns().size());
        List<Column> changed = new ArrayList<>();
        List<Object> changedValues = new ArrayList<>();
        for (int index = 0; index < values.length; index++) {
            Column column = table.columns().get(index);
            if (!keyColumns.contains(column.name()) && !column.name().equals(table.selection().column())) {
                changed.add(column);
                changedValues.add(values[index]);
            }
        }
        if (changed.isEmpty()) {
            return 1;
        }
        String sql = "UPDATE " + quoted(table.name()) + " SET "
                + String.join(", ", changed.stream().map(column -> quoted(column.name()) + " = ?").toList())
                + where(table, keyColumns);
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int index = 0; index < changed.size(); index++) {
                RowCodec.bind(update, index + 1, changedValues.get(index), changed.get(index));
            }
            bindWhere(update, changed.size() + 1, table, tenant, keyColumns, values);
            return update.executeUpdate();
        }
    }

    static int delete(Connection connection, Table table, TenantCode tenant, List<String> keyColumns, byte[] row)
            throws SQLException {
        Object[] values = RowCodec.decode(row, table.columns().size());
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + quoted(table.name()) + where(table, keyColumns))) {
            bindWhere(delete, 1, table, tenant, keyColumns, values);
            return delete.executeUpdate();
        }
    }

    /** Always limited to the tenant, whatever the key says. */
    private static String where(Table table, List<String> keyColumns) {
        StringBuilder where = new StringBuilder(" WHERE ").append(quoted(table.selection().column())).append(" = ?");
        for (String column : keyColumns) {
            where.append(" AND ").append(quoted(column)).append(" = ?");
        }
        return where.toString();
    }

    private static void bindWhere(PreparedStatement statement, int first, Table table, TenantCode tenant,
            List<String> keyColumns, Object[] values) throws SQLException {
        statement.setString(first, tenant.value());
        List<String> columns = table.columnNames();
        for (int index = 0; index < keyColumns.size(); index++) {
            int position = columns.indexOf(keyColumns.get(index));
            RowCodec.bind(statement, first + 1 + index, values[position], table.columns().get(position));
        }
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
