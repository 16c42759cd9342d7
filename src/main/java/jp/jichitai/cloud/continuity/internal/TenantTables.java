package jp.jichitai.cloud.continuity.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables that hold a tenant's data, found in the database's own metadata so that tables added later
 * by any module are included without a change here:
 * <ul>
 * <li>every table with a {@code tenant_id} column (tenant-owned);</li>
 * <li>the tenant register {@code tenant}, by its {@code code};</li>
 * <li>every provider table whose {@code tenant_code} column is a foreign key to the register (the user
 * accounts, the public verification register).</li>
 * </ul>
 * Ordered parents first along the foreign keys between them, so that inserting in this order and
 * deleting in the reverse order never breaks a constraint.
 *
 * <p>A partitioned table (PostgreSQL: resident_search_key, one partition per imported town) is one table: the
 * parent is listed, its partitions are not. Rows are read and written through the parent, which routes them, so a
 * tenant's backup holds its rows once, and a restore works whether the target keeps the tenant in a partition of
 * its own, in the default partition, or (H2) in a plain table.
 */
public final class TenantTables {

    public static final String REGISTER = "tenant";

    private TenantTables() {
    }

    /** How a table's rows of one tenant are selected. */
    public enum Selection {
        TENANT_ID("tenant_id"), TENANT_CODE("tenant_code"), REGISTER("code");

        private final String column;

        Selection(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }

        public static Selection of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** One column: its name and JDBC type (with the database's type name, which tells timestamptz apart). */
    public record Column(String name, int jdbcType, String typeName) {
    }

    public record Table(String name, Selection selection, List<Column> columns) {

        public Column column(String columnName) {
            return columns.stream().filter(column -> column.name().equals(columnName)).findFirst().orElse(null);
        }

        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }
    }

    /** The tenant's tables of the connected database, parents first. */
    public static List<Table> discover(Connection connection) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, Table> selected = new TreeMap<>();
        Map<String, Set<String>> parents = new HashMap<>();
        try (ResultSet tables = metadata.getTables(null, schema, "%",
                new String[] {"TABLE", "BASE TABLE", "PARTITIONED TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            names.removeAll(partitions(connection, schema));
            for (String name : names) {
                List<Column> columns = columns(metadata, schema, name);
                Map<String, String> foreignKeys = new HashMap<>();
                Set<String> referenced = new TreeSet<>();
                try (ResultSet keys = metadata.getImportedKeys(null, schema, name)) {
                    while (keys.next()) {
                        String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                        foreignKeys.put(keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT), parent);
                        referenced.add(parent);
                    }
                }
                Selection selection = selectionOf(name.toLowerCase(Locale.ROOT), columns, foreignKeys);
                if (selection != null) {
                    selected.put(name, new Table(name, selection, columns));
                    parents.put(name, referenced);
                }
            }
        }
        return parentsFirst(selected, parents);
    }

    /** The partitions of partitioned tables in the schema (PostgreSQL; H2 has none). */
    private static Set<String> partitions(Connection connection, String schema) throws SQLException {
        Set<String> partitions = new TreeSet<>();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return partitions;
        }
        try (java.sql.PreparedStatement query = connection.prepareStatement(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE c.relispartition AND n.nspname = ?")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    partitions.add(rows.getString(1));
                }
            }
        }
        return partitions;
    }

    private static Selection selectionOf(String name, List<Column> columns, Map<String, String> foreignKeys) {
        Set<String> columnNames = new TreeSet<>();
        columns.forEach(column -> columnNames.add(column.name()));
        if (columnNames.contains("tenant_id")) {
            return Selection.TENANT_ID;
        }
        if (REGISTER.equals(name)) {
            return Selection.REGISTER;
        }
        if (REGISTER.equals(foreignKeys.get("tenant_code"))) {
            return Selection.TENANT_CODE;
        }
        return null;
    }

    private static List<Column> columns(DatabaseMetaData metadata, String schema, String table) throws SQLException {
        Map<Integer, Column> byPosition = new TreeMap<>();
        try (ResultSet columns = metadata.getColumns(null, schema, table, "%")) {
            while (columns.next()) {
                byPosition.put(columns.getInt("ORDINAL_POSITION"), new Column(
                        columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), columns.getInt("DATA_TYPE"),
                        columns.getString("TYPE_NAME").toLowerCase(Locale.ROOT)));
            }
        }
        return List.copyOf(byPosition.values());
    }

    /** Kahn's algorithm, alphabetical among equals; tables in a cycle follow in alphabetical order. */
    private static List<Table> parentsFirst(Map<String, Table> tables, Map<String, Set<String>> parents) {
        Map<String, Set<String>> waitingFor = new LinkedHashMap<>();
        tables.keySet().forEach(name -> {
            Set<String> open = new TreeSet<>(parents.getOrDefault(name, Collections.emptySet()));
            open.retainAll(tables.keySet());
            open.remove(name);
            waitingFor.put(name, open);
        });
        List<Table> ordered = new ArrayList<>();
        while (!waitingFor.isEmpty()) {
            String next = waitingFor.entrySet().stream().filter(entry -> entry.getValue().isEmpty())
                    .map(Map.Entry::getKey).findFirst()
                    .orElse(waitingFor.keySet().iterator().next());
            waitingFor.remove(next);
            waitingFor.values().forEach(open -> open.remove(next));
            ordered.add(tables.get(next));
        }
        return ordered;
    }
}
