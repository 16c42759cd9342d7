/**
 * Standard data migration into and out of a tenant's registry: {@link jp.jichitai.cloud.migration.RegistryImport}
 * loads the four standard CSV files (layout v0) into the tenant's migrated registry (tables {@code migrated_*},
 * Flyway V20) in one transaction, {@link jp.jichitai.cloud.migration.RegistryExport} writes them back. Plain JDBC
 * on a connection as the schema owner, no Spring: the command-line tools call it directly. Depends on shared,
 * migrationformat and audit's published API.
 */
package jp.jichitai.cloud.migration;
