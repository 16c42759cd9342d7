package jp.jichitai.cloud.continuity;

import java.time.Instant;
import java.util.List;

import jp.jichitai.cloud.shared.TenantCode;

/**
 * 目録 (manifest) of a vault file: whose data, from which schema version, when, and for each table its
 * columns, row count and checksum. Printed by {@code ./jc vault verify}.
 */
public record VaultManifest(TenantCode tenant, String tenantName, SchemaVersion schemaVersion, Instant createdAt,
        List<Table> tables) {

    public static final String FORMAT = "jc-vault/1";

    public VaultManifest {
        tables = List.copyOf(tables);
    }

    /** One table of the file; {@code selection} says how its rows were chosen (tenant_id, tenant_code, register). */
    public record Table(String name, String selection, List<String> columns, long rows, String sha256) {

        public Table {
            columns = List.copyOf(columns);
        }

        public TableChecksum checksum() {
            return new TableChecksum(name, rows, sha256);
        }
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    public List<TableChecksum> checksums() {
        return tables.stream().map(Table::checksum).toList();
    }
}
