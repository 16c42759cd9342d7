package jp.jichitai.cloud.continuity;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import jp.jichitai.cloud.continuity.internal.ContinuityMessages;
import jp.jichitai.cloud.continuity.internal.VaultArchive;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * 情報保全 (custody of a tenant's data): one encrypted file with everything a municipality has in the
 * service, which the town keeps on its own premises, can check at any time, and can have restored
 * without touching any other town.
 *
 * <p>Works on a plain JDBC connection as the schema owner, so the command-line tools need no running
 * service. Which tables belong to a tenant is read from the database's metadata, not listed here:
 * see {@link jp.jichitai.cloud.continuity.internal.TenantTables}.
 */
public final class TenantVault {

    private TenantVault() {
    }

    /** Exports the tenant's rows, as one consistent snapshot, into an encrypted vault file. */
    public static VaultManifest export(Connection connection, TenantCode tenant, Path file, Passphrase passphrase)
            throws SQLException {
        return VaultArchive.export(connection, tenant, file, passphrase.characters());
    }

    /** Decrypts a vault file and checks every table against its manifest; refused with a message if anything is off. */
    public static VaultManifest verify(Path file, Passphrase passphrase) {
        return VaultArchive.open(file, passphrase.characters()).manifest();
    }

    /**
     * Replaces the tenant's rows with the file's, in one transaction: refuses a file of another tenant or
     * of a newer schema, and rolls back if the rows written do not match the file's checksums. The town's
     * access log is never rolled back: where its chain exists it is kept whole (see
     * {@link RestoreOutcome#keptTables()}); the file's log is restored only where the tenant has no chain.
     */
    public static RestoreOutcome restore(Connection connection, TenantCode tenant, Path file, Passphrase passphrase)
            throws SQLException {
        long started = System.nanoTime();
        VaultArchive.Opened opened = VaultArchive.open(file, passphrase.characters());
        if (!opened.manifest().tenant().equals(tenant)) {
            throw ContinuityMessages.refusal("E-CON-0005", opened.manifest().tenant().value(), tenant.value());
        }
        if (opened.entry(VaultArchive.NUMBER_KEY_ENTRY).isPresent()) {
            // an offline snapshot: its 個人番号 are sealed under the snapshot's key, which the centre's registry lacks
            throw ContinuityMessages.refusal("E-CON-0034");
        }
        VaultArchive.Restored restored = VaultArchive.restore(connection, opened, true);
        return new RestoreOutcome(opened.manifest(), restored.rowsWritten(), restored.checksumsAfter(),
                restored.mismatchedTables(), restored.keptTables(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** The checksums of the tenant's rows as they are now, in the same form as a vault file's manifest. */
    public static List<TableChecksum> checksums(Connection connection, TenantCode tenant) throws SQLException {
        return VaultArchive.checksums(connection, tenant);
    }

    /** The schema version of the connected database (highest successful Flyway migration). */
    public static SchemaVersion schemaVersion(Connection connection) throws SQLException {
        return VaultArchive.schemaVersion(connection);
    }
}
