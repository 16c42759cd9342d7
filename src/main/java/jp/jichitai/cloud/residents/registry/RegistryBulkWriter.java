package jp.jichitai.cloud.residents.registry;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.modulith.NamedInterface;

import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.IndividualNumber;
import jp.jichitai.cloud.residents.ResidentSeeder.SeedHousehold;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * 住民記録への一括書込み without a Spring context, for the command-line tools (the standard migration import): the
 * registry's own bulk loader ({@link JdbcResidentSeeder}: snapshots, changes, current records, households, search
 * keys, counters) and its 個人番号 cipher, run on a plain JDBC connection that the caller owns. Every statement runs
 * in the caller's transaction on that connection (nothing here commits, rolls back or changes auto-commit), so a
 * caller can load the registry and its own tables all or nothing.
 *
 * <p>The connection is the schema owner's (the tools' connection): row-level security does not apply, so every
 * statement names the tenant, as everywhere in the registry.
 */
@NamedInterface("bulk")
public final class RegistryBulkWriter {

    /** Tables of the registry that hold a tenant's residents and households, children first. */
    private static final String SEARCH_KEYS = "resident_search_key";
    private static final List<String> REGISTRY_TABLES = List.of(SEARCH_KEYS, "resident_current",
            "resident_snapshot", "household_current", "household_snapshot", "registry_change");

    private final TenantCode tenant;
    private final JdbcClient jdbc;
    private final RegistryStore store;
    private final JdbcResidentSeeder seeder;
    private final IndividualNumberCipher cipher;

    private RegistryBulkWriter(Connection connection, TenantCode tenant, IndividualNumberCipher cipher) {
        this.tenant = tenant;
        this.cipher = cipher;
        // suppressClose: the caller's connection stays open; without a transaction manager every statement runs
        // in the connection's own (the caller's) transaction.
        JdbcTemplate template = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        this.jdbc = JdbcClient.create(template);
        this.store = new RegistryStore(jdbc, template, cipher);
        this.seeder = new JdbcResidentSeeder(store, jdbc, isPostgreSql(connection)
                ? new RegistryRowSink.StagedCopy(connection, tenant) : RegistryRowSink.batches(template));
    }

    private static boolean isPostgreSql(Connection connection) {
        try {
            return connection.isWrapperFor(org.postgresql.PGConnection.class);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /**
     * A writer for one tenant on the caller's connection. The 個人番号 key is the service's: {@code key} names the
     * configured {@code jc.residents.individual-number-key} and the data folder, as {@code serve} reads them.
     */
    public static RegistryBulkWriter onConnection(Connection connection, TenantCode tenant, KeySource key) {
        return new RegistryBulkWriter(connection, tenant,
                IndividualNumberCipher.fromConfiguration(key.configuredBase64(), key.dataDirectory()));
    }

    /**
     * Where the 個人番号 key comes from: the configured key (base64 of 32 bytes; null or blank when none), else the
     * data folder's {@code individual-number.key}, created there on first use as {@code serve} would.
     */
    public record KeySource(String configuredBase64, Path dataDirectory) {

        /** The property name of the configured key, as {@code serve} reads it. */
        public static final String PROPERTY = "jc.residents.individual-number-key";

        /**
         * The key of a tool run: the system property {@value #PROPERTY}, else the environment variable
         * {@code JC_RESIDENTS_INDIVIDUAL_NUMBER_KEY} (Spring's name for it), else the data folder's key file.
         */
        public static KeySource forTool(Path dataDirectory) {
            String configured = System.getProperty(PROPERTY);
            if (configured == null || configured.isBlank()) {
                configured = System.getenv("JC_RESIDENTS_INDIVIDUAL_NUMBER_KEY");
            }
            return new KeySource(configured, dataDirectory);
        }
    }

    /** The tenant's residents in the registry (current records, 除票 included). */
    public long residentCount() {
        return jdbc.sql("SELECT COUNT(*) FROM resident_current WHERE tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
    }

    /**
     * Makes the town's registry changes (the counter's 異動, an offline merge) wait until this transaction ends, after
     * waiting for those under way; an import calls it before it reads or deletes anything of the registry, so that
     * the town's registry is replaced as a whole, with no change committed halfway. PostgreSQL (an advisory lock);
     * nothing on H2.
     */
    public void excludeChanges() {
        TenantContext.callAs(tenant, () -> {
            store.excludeChanges();
            return null;
        });
    }

    /**
     * Deletes the tenant's residents, households, changes and search keys (for a replacing import). Counters stay:
     * numbers once issued are never issued again. Returns the resident snapshots deleted.
     *
     * <p>Where the search keys get a partition of their own (PostgreSQL, the tools), they are left to
     * {@link #finish()}, which swaps in the new partition for the old: deleting 1.6 million rows one by one only to
     * drop their partition afterwards would double the work. They are gone once {@link #finish()} has run.
     */
    public long deleteResidents() {
        long snapshots = jdbc.sql("SELECT COUNT(*) FROM resident_snapshot WHERE tenant_id = ?").param(tenant.value())
                .query(Long.class).single();
        for (String table : REGISTRY_TABLES) {
            if (table.equals(SEARCH_KEYS) && seeder.replaceSearchKeysAtFinish()) {
                continue;
            }
            jdbc.sql("DELETE FROM " + table + " WHERE tenant_id = ?").param(tenant.value()).update();
        }
        return snapshots;
    }

    /**
     * Writes whole histories as they are (the registry's bulk loader, {@link jp.jichitai.cloud.residents.ResidentSeeder}):
     * each household once, with all of its members' histories. May be called repeatedly with further households;
     * afterwards new 宛名番号 and 世帯番号 continue after the highest loaded. Returns the residents written. On
     * PostgreSQL the search keys (and, under row-level security, every table's rows) are staged, in a temporary table
     * or in the tenant's next partition, and reach resident_search_key only at {@link #finish()}, which the caller
     * must call before it commits.
     */
    public int load(List<SeedHousehold> households) {
        if (households.isEmpty()) {
            return 0;
        }
        return TenantContext.callAs(tenant, () -> seeder.load(households));
    }

    /**
     * Writes the rows staged by {@link #load} into the registry's tables, each table in the order of its primary key
     * (one {@code INSERT ... SELECT} per table, in the caller's transaction), and swaps in the tenant's new search-key
     * partition where it has one ({@link RegistryRowSink.StagedCopy}). Without staging (H2) the rows are there
     * already and this does nothing.
     */
    public void finish() {
        seeder.finish();
    }

    /** Where the writing time went, as a short Japanese phrase for progress output; empty when not measured. */
    public String timing() {
        return seeder.timing();
    }

    /**
     * Encrypts a 個人番号 as the registry stores it (AES-GCM, bound to the tenant and the 宛名番号), for a caller that
     * must keep the number outside the registry's tables (the migrated rows). Refuses digits that are no 個人番号.
     */
    public String encryptIndividualNumber(String digits, AtenaNumber atena) {
        return cipher.encrypt(IndividualNumber.of(digits), tenant.value(), atena.value());
    }

    /** Decrypts a 個人番号 encrypted by the registry's cipher (for an export of the tenant's data). */
    public IndividualNumber decryptIndividualNumber(String stored, AtenaNumber atena) {
        return cipher.decrypt(stored, tenant.value(), atena.value());
    }
}
