package jp.jichitai.cloud.continuity.internal;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import jp.jichitai.cloud.continuity.SchemaVersion;
import jp.jichitai.cloud.continuity.TableChecksum;
import jp.jichitai.cloud.continuity.VaultManifest;
import jp.jichitai.cloud.continuity.internal.TenantTables.Column;
import jp.jichitai.cloud.continuity.internal.TenantTables.Table;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * The inside of a vault file: a ZIP (so compressed) with one entry per table ({@code tables/NNN-name}:
 * length-prefixed rows in canonical order) and {@code manifest.properties} last, the whole encrypted by
 * {@link VaultCipher}.
 */
public final class VaultArchive {

    private static final String MANIFEST_ENTRY = "manifest.properties";
    private static final String TABLE_PREFIX = "tables/";
    /** An offline snapshot's own 個人番号 key (raw bytes), inside the encrypted archive; absent from backups. */
    public static final String NUMBER_KEY_ENTRY = "individual-number.key";
    /** The column that holds a sealed 個人番号, and the column it is bound to (besides the tenant). */
    static final String SEALED_NUMBER_COLUMN = "individual_number_cipher";
    static final String SEALED_FOR_COLUMN = "atena_number";
    private static final int BATCH = 1_000;

    private VaultArchive() {
    }

    // ---------------------------------------------------------------- export

    /** Writes the tenant's rows, as one consistent snapshot, to {@code target} (atomically). */
    public static VaultManifest export(Connection connection, TenantCode tenant, Path target, char[] passphrase)
            throws SQLException {
        return export(connection, tenant, target, passphrase, null);
    }

    /**
     * Every sealed 個人番号 of an offline snapshot sealed again under the snapshot's own key, which the file then
     * carries ({@value #NUMBER_KEY_ENTRY}): the laptop needs no key of the centre's.
     */
    public record NumberSealing(byte[] key, Resealer resealer) {
    }

    /** Seals one stored 個人番号 again (see {@link NumberSealing}). */
    @FunctionalInterface
    public interface Resealer {
        String reseal(String stored, TenantCode tenant, String atenaNumber);
    }

    /**
     * As {@link #export(Connection, TenantCode, Path, char[])}; with {@code sealing} (an offline snapshot), each
     * {@value #SEALED_NUMBER_COLUMN} is re-sealed before the row is written and checksummed, and the key is
     * written into the file.
     */
    public static VaultManifest export(Connection connection, TenantCode tenant, Path target, char[] passphrase,
            NumberSealing sealing) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        Path temporary = null;
        try {
            String tenantName = tenantName(connection, tenant);
            SchemaVersion version = schemaVersion(connection);
            List<Table> tables = TenantTables.discover(connection);
            Path directory = target.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, ".vault-", ".part");
            restrictToOwner(temporary);
            List<VaultManifest.Table> entries = new ArrayList<>();
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
                    ZipOutputStream zip = new ZipOutputStream(VaultCipher.encrypting(file, passphrase))) {
                int number = 0;
                for (Table table : tables) {
                    zip.putNextEntry(new ZipEntry(TABLE_PREFIX + String.format("%03d-", ++number) + table.name()));
                    DataOutputStream out = new DataOutputStream(zip);
                    TableChecksum checksum = forEachSortedRow(connection, table, tenant, row -> write(out, row),
                            sealing == null ? null : sealing.resealer());
                    out.flush();
                    zip.closeEntry();
                    entries.add(new VaultManifest.Table(table.name(), table.selection().name().toLowerCase(),
                            table.columnNames(), checksum.rows(), checksum.sha256()));
                }
                if (sealing != null) {
                    zip.putNextEntry(new ZipEntry(NUMBER_KEY_ENTRY));
                    zip.write(sealing.key());
                    zip.closeEntry();
                }
                VaultManifest manifest = new VaultManifest(tenant, tenantName, version, Instant.now(), entries);
                zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
                zip.write(manifestText(manifest).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.finish();
                connection.commit();
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            }
        } catch (IOException e) {
            throw ContinuityMessages.refusal("E-CON-0013", e.getMessage());
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
            deleteQuietly(temporary);
        }
    }

    /** The checksums of a tenant's rows as they are in the database now (same form as in a vault file). */
    public static List<TableChecksum> checksums(Connection connection, TenantCode tenant) throws SQLException {
        List<TableChecksum> checksums = new ArrayList<>();
        for (Table table : TenantTables.discover(connection)) {
            checksums.add(forEachSortedRow(connection, table, tenant, row -> { }));
        }
        return checksums;
    }

    private static TableChecksum forEachSortedRow(Connection connection, Table table, TenantCode tenant,
            Consumer<byte[]> consumer) throws SQLException {
        return forEachSortedRow(connection, table, tenant, consumer, null);
    }

    private static TableChecksum forEachSortedRow(Connection connection, Table table, TenantCode tenant,
            Consumer<byte[]> consumer, Resealer resealer) throws SQLException {
        List<String> names = table.columnNames();
        int sealed = resealer == null ? -1 : names.indexOf(SEALED_NUMBER_COLUMN);
        int boundTo = names.indexOf(SEALED_FOR_COLUMN);
        List<byte[]> rows = new ArrayList<>();
        String sql = "SELECT " + String.join(", ", table.columnNames().stream().map(VaultArchive::quoted).toList())
                + " FROM " + quoted(table.name()) + " WHERE " + quoted(table.selection().column()) + " = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(2_000);
            select.setString(1, tenant.value());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    byte[] row = RowCodec.encode(result, table.columns());
                    if (sealed >= 0 && boundTo >= 0) {
                        row = resealed(row, names.size(), sealed, boundTo, tenant, resealer);
                    }
                    rows.add(row);
                }
            }
        }
        rows.sort(Arrays::compareUnsigned);
        TableDigest digest = new TableDigest();
        for (byte[] row : rows) {
            digest.add(row);
            consumer.accept(row);
        }
        return new TableChecksum(table.name(), rows.size(), digest.hex());
    }

    private static byte[] resealed(byte[] row, int columns, int sealed, int boundTo, TenantCode tenant,
            Resealer resealer) {
        Object[] values = RowCodec.decode(row, columns);
        if (values[sealed] == null) {
            return row;
        }
        values[sealed] = resealer.reseal((String) values[sealed], tenant, (String) values[boundTo]);
        return RowCodec.encode(values);
    }

    private static void write(DataOutputStream out, byte[] row) {
        try {
            out.writeInt(row.length);
            out.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tenantName(Connection connection, TenantCode tenant) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT name FROM tenant WHERE code = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    throw ContinuityMessages.refusal("E-CON-0008", tenant.value());
                }
                return result.getString(1);
            }
        }
    }

    /** The highest successful Flyway migration of the connected database. */
    public static SchemaVersion schemaVersion(Connection connection) throws SQLException {
        SchemaVersion highest = SchemaVersion.of("0");
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                SchemaVersion version = SchemaVersion.of(result.getString(1));
                if (version.isNewerThan(highest)) {
                    highest = version;
                }
            }
        }
        return highest;
    }

    // ---------------------------------------------------------------- reading

    /** A decrypted, checked vault file: its manifest and its table entries (still compressed in memory). */
    public record Opened(VaultManifest manifest, byte[] archive) {

        /** An entry of the file other than the tables and the manifest (e.g. {@value #NUMBER_KEY_ENTRY}). */
        public Optional<byte[]> entry(String name) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (entry.getName().equals(name)) {
                        return Optional.of(zip.readAllBytes());
                    }
                }
                return Optional.empty();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Streams the rows of each table, in the file's order (parents first). */
        public void forEachTable(TableVisitor visitor) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
                int index = 0;
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (entry.getName().startsWith(TABLE_PREFIX)) {
                        visitor.visit(manifest.tables().get(index++), rows(zip));
                    }
                }
            } catch (IOException | SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @FunctionalInterface
    public interface TableVisitor {
        void visit(VaultManifest.Table table, RowStream rows) throws IOException, SQLException;
    }

    /** The rows of one table entry, read one at a time. */
    public interface RowStream {
        /** The next row, or null at the end of the table. */
        byte[] next() throws IOException;
    }

    private static RowStream rows(InputStream entry) {
        DataInputStream in = new DataInputStream(entry);
        return () -> {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException end) {
                return null;
            }
            return in.readNBytes(length);
        };
    }

    /** Decrypts a vault file and checks every table against its manifest; refuses anything that does not hold. */
    public static Opened open(Path file, char[] passphrase) {
        byte[] encrypted;
        try {
            encrypted = Files.readAllBytes(file);
        } catch (IOException e) {
            throw ContinuityMessages.refusal("E-CON-0013", file + ": " + e.getMessage());
        }
        byte[] archive = VaultCipher.decrypt(encrypted, passphrase);
        Map<String, TableChecksum> found = new LinkedHashMap<>();
        VaultManifest manifest = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(MANIFEST_ENTRY)) {
                    manifest = parseManifest(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                } else if (entry.getName().startsWith(TABLE_PREFIX)) {
                    String table = entry.getName().substring(TABLE_PREFIX.length() + 4);
                    RowStream rows = rows(zip);
                    TableDigest digest = new TableDigest();
                    long count = 0;
                    for (byte[] row = rows.next(); row != null; row = rows.next()) {
                        digest.add(row);
                        count++;
                    }
                    found.put(table, new TableChecksum(table, count, digest.hex()));
                }
            }
        } catch (ZipException | EOFException | IllegalArgumentException damaged) {
            throw ContinuityMessages.refusal("E-CON-0003");
        } catch (IOException e) {
            throw ContinuityMessages.refusal("E-CON-0013", e.getMessage());
        }
        if (manifest == null) {
            throw ContinuityMessages.refusal("E-CON-0003");
        }
        for (VaultManifest.Table table : manifest.tables()) {
            if (!table.checksum().equals(found.get(table.name()))) {
                throw ContinuityMessages.refusal("E-CON-0004", table.name());
            }
        }
        if (found.size() != manifest.tables().size()) {
            throw ContinuityMessages.refusal("E-CON-0004", String.join(", ", found.keySet()));
        }
        return new Opened(manifest, archive);
    }

    // ---------------------------------------------------------------- restore

    /**
     * What a restore wrote and, when verified before committing, the checksums after; {@code keptTables} are
     * the access log's tables, left as they were because the database already held the tenant's chain.
     */
    public record Restored(long rowsWritten, List<TableChecksum> checksumsAfter, List<String> mismatchedTables,
            List<String> keptTables) {
    }

    /**
     * The アクセスログ's tables. The log is append-only and hash-chained: a restore must never take entries
     * away from it, so where the tenant's chain exists these are neither emptied nor filled from the file.
     */
    static final Set<String> ACCESS_LOG_TABLES = Set.of("audit_log", "audit_chain_head");

    /**
     * Replaces the tenant's rows with the file's in one transaction. With {@code verifyBeforeCommit} the
     * result is checked against the manifest first and a mismatch rolls back; a drill, which compares the
     * scratch database itself after the commit, passes false.
     *
     * <p>The access log is the exception: when the database already holds the tenant's chain (a row in
     * {@code audit_chain_head}), its entries — including those written after the file was made — stay as
     * they are, and the file's copy of the log is skipped; the restore's own entry is then appended to the
     * live chain. Only where there is no chain for the tenant (a scratch database of a drill, a new offline
     * instance, a database that lost the tenant) is the file's log restored.
     */
    public static Restored restore(Connection connection, Opened opened, boolean verifyBeforeCommit)
            throws SQLException {
        VaultManifest manifest = opened.manifest();
        TenantCode tenant = manifest.tenant();
        SchemaVersion target = schemaVersion(connection);
        if (manifest.schemaVersion().isNewerThan(target)) {
            throw ContinuityMessages.refusal("E-CON-0006", manifest.schemaVersion(), target);
        }
        List<Table> targetTables = TenantTables.discover(connection);
        Map<String, Table> byName = new LinkedHashMap<>();
        targetTables.forEach(table -> byName.put(table.name(), table));
        for (VaultManifest.Table table : manifest.tables()) {
            Table existing = byName.get(table.name());
            if (existing == null || !existing.columnNames().containsAll(table.columns())) {
                throw ContinuityMessages.refusal("E-CON-0009", table.name(), String.join(", ", table.columns()));
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            boolean keepAccessLog = targetTables.stream().anyMatch(table -> table.name().equalsIgnoreCase("audit_chain_head"))
                    && hasChain(connection, tenant);
            List<String> kept = keepAccessLog
                    ? targetTables.stream().map(Table::name).filter(VaultArchive::isAccessLog).toList()
                    : List.of();
            for (int index = targetTables.size() - 1; index >= 0; index--) {
                Table table = targetTables.get(index);
                if (kept.contains(table.name())) {
                    continue;
                }
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + quoted(table.name())
                        + " WHERE " + quoted(table.selection().column()) + " = ?")) {
                    delete.setString(1, tenant.value());
                    delete.executeUpdate();
                }
            }
            long[] written = {0};
            opened.forEachTable((table, rows) -> {
                if (kept.contains(table.name())) {
                    drain(rows);
                } else {
                    written[0] += insert(connection, byName.get(table.name()), table, rows);
                }
            });
            List<TableChecksum> after = new ArrayList<>();
            List<String> mismatched = new ArrayList<>();
            if (verifyBeforeCommit) {
                for (VaultManifest.Table table : manifest.tables()) {
                    if (kept.contains(table.name())) {
                        // the live log holds the file's entries and every entry written since, so it cannot
                        // equal the file's checksum; its own hash chain, not the file, vouches for it
                        continue;
                    }
                    Table existing = byName.get(table.name());
                    // compare over the file's columns: a newer target may have added columns the file lacks
                    Table asInFile = new Table(existing.name(), existing.selection(),
                            table.columns().stream().map(existing::column).toList());
                    TableChecksum checksum = forEachSortedRow(connection, asInFile, tenant, row -> { });
                    after.add(checksum);
                    if (!checksum.equals(table.checksum())) {
                        mismatched.add(table.name());
                    }
                }
                if (!mismatched.isEmpty()) {
                    throw ContinuityMessages.refusal("E-CON-0012", String.join(", ", mismatched));
                }
            }
            connection.commit();
            return new Restored(written[0], after, mismatched, kept);
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    private static boolean isAccessLog(String tableName) {
        return ACCESS_LOG_TABLES.contains(tableName.toLowerCase(Locale.ROOT));
    }

    private static boolean hasChain(Connection connection, TenantCode tenant) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM audit_chain_head WHERE tenant_id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet result = select.executeQuery()) {
                return result.next();
            }
        }
    }

    /** Reads a skipped table's rows to the end, so that the file is still read in order, entry by entry. */
    private static void drain(RowStream rows) throws IOException {
        while (rows.next() != null) {
            // skipped
        }
    }

    private static long insert(Connection connection, Table target, VaultManifest.Table table, RowStream rows)
            throws SQLException, IOException {
        List<String> columns = table.columns();
        List<Column> targetColumns = columns.stream().map(target::column).toList();
        String sql = "INSERT INTO " + quoted(target.name()) + " ("
                + String.join(", ", columns.stream().map(VaultArchive::quoted).toList()) + ") VALUES ("
                + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
        long count = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            for (byte[] row = rows.next(); row != null; row = rows.next()) {
                Object[] values = RowCodec.decode(row, columns.size());
                for (int index = 0; index < values.length; index++) {
                    RowCodec.bind(insert, index + 1, values[index], targetColumns.get(index));
                }
                insert.addBatch();
                count++;
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return count;
    }

    // ---------------------------------------------------------------- manifest text

    static String manifestText(VaultManifest manifest) {
        StringBuilder text = new StringBuilder();
        line(text, "format", VaultManifest.FORMAT);
        line(text, "tenant.code", manifest.tenant().value());
        line(text, "tenant.name", manifest.tenantName());
        line(text, "schema.version", manifest.schemaVersion().text());
        line(text, "created.at", manifest.createdAt().toString());
        line(text, "table.count", Integer.toString(manifest.tables().size()));
        int number = 0;
        for (VaultManifest.Table table : manifest.tables()) {
            String prefix = "table." + ++number + ".";
            line(text, prefix + "name", table.name());
            line(text, prefix + "selection", table.selection());
            line(text, prefix + "columns", String.join(",", table.columns()));
            line(text, prefix + "rows", Long.toString(table.rows()));
            line(text, prefix + "sha256", table.sha256());
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append('=').append(value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"))
                .append('\n');
    }

    static VaultManifest parseManifest(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        if (!VaultManifest.FORMAT.equals(properties.getProperty("format"))) {
            throw ContinuityMessages.refusal("E-CON-0001", "format " + properties.getProperty("format"));
        }
        int count = Integer.parseInt(properties.getProperty("table.count"));
        List<VaultManifest.Table> tables = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            String prefix = "table." + number + ".";
            tables.add(new VaultManifest.Table(properties.getProperty(prefix + "name"),
                    properties.getProperty(prefix + "selection"),
                    List.of(properties.getProperty(prefix + "columns").split(",")),
                    Long.parseLong(properties.getProperty(prefix + "rows")), properties.getProperty(prefix + "sha256")));
        }
        return new VaultManifest(TenantCode.of(properties.getProperty("tenant.code")),
                properties.getProperty("tenant.name"), SchemaVersion.of(properties.getProperty("schema.version")),
                Instant.parse(properties.getProperty("created.at")), tables);
    }

    // ---------------------------------------------------------------- helpers

    /** Names come from the database's own metadata; quoting keeps reserved words such as "code" safe. */
    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: the file inherits the folder's permissions
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover .part file holds only ciphertext
            }
        }
    }

    /** SHA-256 over length-prefixed rows. */
    static final class TableDigest {
        private final MessageDigest sha256;

        TableDigest() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(byte[] row) {
            sha256.update(new byte[] {(byte) (row.length >>> 24), (byte) (row.length >>> 16),
                    (byte) (row.length >>> 8), (byte) row.length});
            sha256.update(row);
        }

        String hex() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }
}
