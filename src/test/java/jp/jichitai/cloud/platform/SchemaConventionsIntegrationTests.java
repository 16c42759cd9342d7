package jp.jichitai.cloud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;

/** Every tenant-owned table leads its primary key and each of its indexes with tenant_id (for sharding). */
class SchemaConventionsIntegrationTests extends IntegrationTest {

    @Test
    void tenantIdLeadsEveryKeyAndIndexOfTenantOwnedTables() throws Exception {
        List<String> violations = new ArrayList<>();
        int tenantOwned = 0;
        try (Connection connection = TestDatabase.get().ownerConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String schema = connection.getSchema();
            for (String table : tables(metadata, schema)) {
                if (!hasColumn(metadata, schema, table, "tenant_id")) {
                    continue;
                }
                tenantOwned++;
                Map<Integer, String> keyColumns = new TreeMap<>();
                try (ResultSet key = metadata.getPrimaryKeys(null, schema, table)) {
                    while (key.next()) {
                        keyColumns.put(key.getInt("KEY_SEQ"), key.getString("COLUMN_NAME").toLowerCase());
                    }
                }
                if (keyColumns.isEmpty() || !"tenant_id".equals(keyColumns.get(1))) {
                    violations.add(table + ": primary key " + keyColumns.values());
                }
                Map<String, String> firstColumnOfIndex = new TreeMap<>();
                try (ResultSet index = metadata.getIndexInfo(null, schema, table, false, false)) {
                    while (index.next()) {
                        if (index.getShort("ORDINAL_POSITION") == 1 && index.getString("INDEX_NAME") != null) {
                            firstColumnOfIndex.put(index.getString("INDEX_NAME"), index.getString("COLUMN_NAME").toLowerCase());
                        }
                    }
                }
                firstColumnOfIndex.forEach((index, column) -> {
                    if (!"tenant_id".equals(column)) {
                        violations.add(table + ": index " + index + " starts with " + column);
                    }
                });
            }
        }
        assertThat(tenantOwned).isGreaterThanOrEqualTo(5);
        assertThat(violations).isEmpty();
    }

    private static List<String> tables(DatabaseMetaData metadata, String schema) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet tables = metadata.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static boolean hasColumn(DatabaseMetaData metadata, String schema, String table, String column)
            throws Exception {
        try (ResultSet columns = metadata.getColumns(null, schema, table, column)) {
            return columns.next();
        }
    }
}
