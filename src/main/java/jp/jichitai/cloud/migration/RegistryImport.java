package jp.jichitai.cloud.migration;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.jichitai.cloud.audit.AuditChains;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.migration.internal.MigratedTable;
import jp.jichitai.cloud.migration.internal.MigrationMessages;
import jp.jichitai.cloud.migration.internal.RegistryProjection;
import jp.jichitai.cloud.migration.internal.RowLoader;
import jp.jichitai.cloud.migrationformat.Cp932CsvReader;
import jp.jichitai.cloud.migrationformat.CsvRow;
import jp.jichitai.cloud.migrationformat.KeyTracker;
import jp.jichitai.cloud.migrationformat.Layout;
import jp.jichitai.cloud.migrationformat.Layouts;
import jp.jichitai.cloud.migrationformat.MigrationProblems;
import jp.jichitai.cloud.migrationformat.RejectionReason;
import jp.jichitai.cloud.migrationformat.RejectsWriter;
import jp.jichitai.cloud.migrationformat.RowValidator;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.registry.RegistryBulkWriter;
import jp.jichitai.cloud.shared.MessageId;

/**
 * 移行データの取込 (import of the standard migration files): loads a town's data_cyonei, data_d0101 (every
 * 履歴番号, 除票 included), data_d0301 and data_d0603 into the tenant's migrated registry, checking every row
 * with the layout (the same checks as the data setup tool).
 *
 * <p>One transaction: the tenant's previous rows (with {@code --replace}) are deleted and the new ones loaded in
 * the same transaction, so that an error, a crash or a killed process leaves the tenant exactly as it was, and a
 * rerun starts afresh. Without a rejects file any invalid row voids the whole import (every error is still
 * listed); with one, invalid rows are written there byte for byte and the valid rows are imported. Rows are
 * streamed: on PostgreSQL with COPY, elsewhere with JDBC batches. Other tenants' rows are never read or written.
 */
public final class RegistryImport {

    private static final MessageId MISSING = MessageId.of("E-MIG-0001");
    private static final MessageId UNREADABLE = MessageId.of("E-MIG-0002");
    private static final MessageId EMPTY = MessageId.of("E-MIG-0010");
    private static final MessageId UNKNOWN_DISTRICT = MessageId.of("E-MIG-0201");
    private static final MessageId DUPLICATE_KEY = MessageId.of("E-MIG-0202");
    private static final MessageId DEPENDS_ON_REFUSED = MessageId.of("E-MIG-0603");

    private final Connection connection;
    private final ImportRequest request;
    private final String tenant;
    private final MigrationProblems problems;
    private final Layouts layouts;
    /** The resident registry that the imported rows are projected into, in this import's transaction. */
    private final RegistryBulkWriter registry;
    private final Set<String> districtCodes = new HashSet<>();
    private final MessageDigest digest = sha256();
    private RejectsWriter rejects;
    private long errorsOfRejectedRows;
    /** Set once an error voids the import: rows are still checked (to list every error), no longer sent. */
    private boolean voided;
    /** Validation only (the upload screen's step 2): everything an import does, then rolled back. */
    private boolean checkOnly;

    private RegistryImport(Connection connection, ImportRequest request, RegistryBulkWriter.KeySource key) {
        this.connection = connection;
        this.registry = RegistryBulkWriter.onConnection(connection, request.tenant(), key);
        this.request = request;
        this.tenant = request.tenant().value();
        this.problems = new MigrationProblems(request.errorListLimit());
        this.layouts = Layouts.versionOrDirectory(request.layoutVersion());
    }

    /**
     * Imports the files. Refuses (a {@link jp.jichitai.cloud.shared.BusinessException}) an unknown tenant, or a
     * tenant that already holds imported rows unless the request replaces them; the same files imported again
     * change nothing ({@link ImportReport.Outcome#UNCHANGED}).
     */
    public static ImportReport run(Connection connection, ImportRequest request, RegistryBulkWriter.KeySource key)
            throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            return new RegistryImport(connection, request, key).run();
        } catch (SQLException | IOException | RuntimeException | Error failure) {
            connection.rollback();
            throw failure;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Checks the files exactly as an import would (rows, keys, districts and the projection into the registry,
     * replacing any existing rows) inside a transaction that is always rolled back: nothing is written, the
     * audit entry of an import included. The outcome is {@link ImportReport.Outcome#VALID} or
     * {@link ImportReport.Outcome#INVALID}; {@link ImportReport#rowsReplaced()} is what a replacing import would
     * replace.
     */
    public static ImportReport validate(Connection connection, ImportRequest request, RegistryBulkWriter.KeySource key)
            throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            RegistryImport check = new RegistryImport(connection, request.replacing(), key);
            check.checkOnly = true;
            return check.run();
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** As {@link #run(Connection, ImportRequest, RegistryBulkWriter.KeySource)} with the 個人番号 key of {@code ./data}. */
    public static ImportReport run(Connection connection, ImportRequest request) throws SQLException, IOException {
        return run(connection, request, RegistryBulkWriter.KeySource.forTool(java.nio.file.Path.of("data")));
    }

    private ImportReport run() throws SQLException, IOException {
        lockTenant();
        if (!checkOnly) {
            registry.excludeChanges();
        }
        // Residents recorded in the registry (imported or not) count as existing data too.
        long existing = existingRows() + registry.residentCount();
        List<FileTally> tallies = new ArrayList<>();
        for (MigratedTable table : MigratedTable.ALL) {
            tallies.add(new FileTally(layouts.layout(table.layoutName()).fileName()));
        }
        if (existing > 0 && !request.replace()) {
            String previous = lastImportHash();
            String now = allInputsExist() ? hashOfInputs() : null;
            connection.rollback();
            if (now != null && now.equals(previous)) {
                return new ImportReport(request.tenant(), ImportReport.Outcome.UNCHANGED, tallies, problems, 0, 0, now);
            }
            throw MigrationMessages.refusal("E-MIG-0501", tenant, existing);
        }
        if (request.rejects() == null) {
            return load(existing, tallies);
        }
        try (RejectsWriter writer = RejectsWriter.create(request.rejects())) {
            rejects = writer;
            return load(existing, tallies);
        }
    }

    private ImportReport load(long existing, List<FileTally> tallies) throws SQLException, IOException {
        for (MigratedTable table : MigratedTable.ALL) {
            Layout layout = layouts.layout(table.layoutName());
            if (!Files.isRegularFile(inputOf(layout))) {
                problems.report(layout.fileName(), 0, 0, MISSING, inputOf(layout));
                voided = true;
            }
        }
        if (existing > 0 && !voided) {
            for (MigratedTable table : MigratedTable.ALL) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table.tableName() + " WHERE tenant_id = ?")) {
                    delete.setString(1, tenant);
                    delete.executeUpdate();
                }
            }
            registry.deleteResidents();
        }
        for (int i = 0; i < MigratedTable.ALL.size(); i++) {
            if (Files.isRegularFile(inputOf(layouts.layout(MigratedTable.ALL.get(i).layoutName())))) {
                loadFile(MigratedTable.ALL.get(i), tallies.get(i));
            }
        }
        if (!voided && !hasStoppingErrors()) {
            long started = System.nanoTime();
            long projected;
            Layout residentLayout = layouts.layout(MigratedTable.RESIDENT_ROWS.layoutName());
            if (rejects == null) {
                projected = RegistryProjection.project(connection, tenant, registry, residentLayout, problems,
                        request.progress());
            } else {
                long errorsBefore = problems.errorCount();
                RegistryProjection.Outcome outcome = RegistryProjection.projectLeavingOutRefused(connection, tenant,
                        registry, residentLayout, problems, request.progress());
                projected = outcome.residents();
                if (!outcome.refused().isEmpty()) {
                    rejectLeftOut(outcome, tallies);
                }
                // Every error of the projection is about a row now in the rejects file.
                errorsOfRejectedRows += problems.errorCount() - errorsBefore;
            }
            request.progress().accept(String.format(Locale.ROOT, "住民記録に反映: %,d 人（%.1f 秒）", projected,
                    (System.nanoTime() - started) / 1e9));
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        long rejectsWritten = rejects == null ? 0 : rejects.rowsWritten();
        if (voided || hasStoppingErrors()) {
            connection.rollback();
            return new ImportReport(request.tenant(), ImportReport.Outcome.INVALID, tallies, problems, 0, rejectsWritten,
                    hash);
        }
        if (checkOnly) {
            connection.rollback();
            return new ImportReport(request.tenant(), ImportReport.Outcome.VALID, tallies, problems, existing,
                    rejectsWritten, hash);
        }
        for (FileTally tally : tallies) {
            tally.markImported(tally.valid());
        }
        ImportReport report = new ImportReport(request.tenant(), ImportReport.Outcome.IMPORTED, tallies, problems,
                existing, rejectsWritten, hash);
        record(report);
        connection.commit();
        return report;
    }

    private void loadFile(MigratedTable table, FileTally tally) throws SQLException, IOException {
        Layout layout = layouts.layout(table.layoutName());
        table.checkFits(layout);
        Path file = inputOf(layout);
        KeyTracker keys = new KeyTracker(layout, estimatedRows(file));
        RowValidator validator = new RowValidator(layout, layout.fileName(), problems);
        int districtColumn = table == MigratedTable.RESIDENT_ROWS ? layout.column("行政区コード").number() : 0;
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), digest);
                Cp932CsvReader reader = Cp932CsvReader.of(in, layout.fileName(), layout, false, problems, tally.gaiji());
                // Once void, the transaction may be unusable (a cancelled COPY aborts it): only check the rows.
                RowLoader loader = voided ? RowLoader.none() : RowLoader.of(connection, tenant, table,
                        (row, digits) -> registry.encryptIndividualNumber(digits, AtenaNumber.migrated(row.field(1))))) {
            long nextProgress = request.progressEvery();
            problems.mark();
            CsvRow row;
            while ((row = reader.next()) != null) {
                tally.countRead();
                boolean accepted = !row.isMalformed() && validator.validate(row) && isNewKey(keys, layout, row)
                        && (districtColumn == 0 || isKnownDistrict(layout, row, districtColumn));
                if (accepted) {
                    tally.countValid();
                    if (table == MigratedTable.DISTRICTS) {
                        districtCodes.add(row.field(1));
                    }
                    if (!voided) {
                        loader.load(row);
                    }
                } else {
                    reject(layout, tally, row, loader);
                }
                if (tally.read() >= nextProgress) {
                    request.progress().accept(String.format(Locale.ROOT, "取込中: %s %,d 行", layout.fileName(), tally.read()));
                    nextProgress += request.progressEvery();
                }
                problems.mark();
            }
            // The rest of the file still counts in the hash of the inputs when the reader stopped early.
            in.transferTo(java.io.OutputStream.nullOutputStream());
            if (tally.read() == 0 && !reader.isRefused() && !layout.mayBeEmpty()) {
                problems.report(layout.fileName(), 0, 0, EMPTY, layout.fileName());
            }
            if (hasStoppingErrors()) {
                voided = true;
            }
            if (voided) {
                loader.discard();
            } else {
                loader.finish();
            }
        } catch (IOException e) {
            problems.report(layout.fileName(), 0, 0, UNREADABLE, file + " (" + e.getMessage() + ")");
            voided = true;
        }
    }

    /**
     * Moves the households the projection left out to the rejects file: their data_d0101 rows with the
     * projection's reasons, and the data_d0301 / data_d0603 rows of the same residents (E-MIG-0603), byte for
     * byte from the input files; then deletes them from the migrated tables, so that read = imported + rejected.
     */
    private void rejectLeftOut(RegistryProjection.Outcome outcome, List<FileTally> tallies) throws SQLException, IOException {
        java.util.Map<MigratedTable, java.util.SortedMap<Long, List<RejectionReason>>> byTable = new java.util.LinkedHashMap<>();
        java.util.SortedMap<Long, List<RejectionReason>> residentRows = new java.util.TreeMap<>();
        for (RegistryProjection.RefusedRow row : outcome.refused()) {
            residentRows.put(row.line(), row.reasons());
        }
        byTable.put(MigratedTable.RESIDENT_ROWS, residentRows);
        for (MigratedTable table : List.of(MigratedTable.FOREIGN_REGISTRATIONS, MigratedTable.INCOMES)) {
            String fileName = layouts.layout(table.layoutName()).fileName();
            java.util.SortedMap<Long, List<RejectionReason>> lines = new java.util.TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT line_number, atena_number FROM "
                    + table.tableName() + " WHERE tenant_id = ? AND atena_number = ?")) {
                for (String atena : outcome.refusedResidents()) {
                    select.setString(1, tenant);
                    select.setString(2, atena);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            long line = rows.getLong(1);
                            problems.report(fileName, line, 1, DEPENDS_ON_REFUSED, atena, "data_d0101.csv");
                            lines.put(line, List.of(new RejectionReason(DEPENDS_ON_REFUSED, 1)));
                        }
                    }
                }
            }
            byTable.put(table, lines);
        }
        for (var entry : byTable.entrySet()) {
            MigratedTable table = entry.getKey();
            Layout layout = layouts.layout(table.layoutName());
            FileTally tally = tallies.get(MigratedTable.ALL.indexOf(table));
            for (List<RejectionReason> reasons : entry.getValue().values()) {
                tally.rejectValid(reasons.get(0).id().value());
            }
            writeRejectedLines(inputOf(layout), layout.fileName(), entry.getValue());
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table.tableName() + " WHERE tenant_id = ? AND atena_number = ?")) {
                for (String atena : outcome.refusedResidents()) {
                    delete.setString(1, tenant);
                    delete.setString(2, atena);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
    }

    /** Copies the given lines (1-based, with their line breaks) of a file to the rejects file with their reasons. */
    private void writeRejectedLines(Path file, String fileName, java.util.SortedMap<Long, List<RejectionReason>> lines)
            throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(512);
        long number = 1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int b;
            while ((b = in.read()) >= 0 && number <= lines.lastKey()) {
                line.write(b);
                if (b == '\n') {
                    writeIfRejected(fileName, lines, line, number++);
                }
            }
            if (line.size() > 0) {
                writeIfRejected(fileName, lines, line, number);
            }
        }
    }

    private void writeIfRejected(String fileName, java.util.SortedMap<Long, List<RejectionReason>> lines,
            java.io.ByteArrayOutputStream line, long number) throws IOException {
        List<RejectionReason> reasons = lines.get(number);
        if (reasons != null) {
            byte[] bytes = line.toByteArray();
            rejects.reject(fileName, number, reasons, bytes, 0, bytes.length);
        }
        line.reset();
    }

    private void reject(Layout layout, FileTally tally, CsvRow row, RowLoader loader) throws IOException, SQLException {
        MessageId reason = row.isMalformed() ? row.problem() : problems.firstErrorSinceMark();
        tally.reject(java.util.Objects.requireNonNull(reason, "a rejected row has a reported error").value());
        if (rejects != null) {
            List<RejectionReason> reasons = problems.errorsSinceMark();
            rejects.reject(layout.fileName(), row, reasons);
            errorsOfRejectedRows += reasons.size();
        } else if (!voided) {
            voided = true;
            loader.discard();
        }
    }

    /** Whether an error voids the import: any, unless it is about a row written to the rejects file. */
    private boolean hasStoppingErrors() {
        return problems.errorCount() > errorsOfRejectedRows;
    }

    private boolean isNewKey(KeyTracker keys, Layout layout, CsvRow row) {
        if (!keys.hasKey() || keys.add(row)) {
            return true;
        }
        problems.report(layout.fileName(), row.lineNumber(), layout.keyColumns().get(0).number(), DUPLICATE_KEY,
                keys.describe(row));
        return false;
    }

    private boolean isKnownDistrict(Layout layout, CsvRow row, int column) {
        if (districtCodes.contains(row.field(column))) {
            return true;
        }
        problems.report(layout.fileName(), row.lineNumber(), column, UNKNOWN_DISTRICT, layout.column(column).name(),
                row.field(column), layouts.layout(MigratedTable.DISTRICTS.layoutName()).fileName());
        return false;
    }

    private Path inputOf(Layout layout) {
        return request.inputDirectory().resolve(layout.fileName());
    }

    private boolean allInputsExist() {
        return MigratedTable.ALL.stream().allMatch(table -> Files.isRegularFile(inputOf(layouts.layout(table.layoutName()))));
    }

    /** SHA-256 over the four files in import order, as {@link #load} computes it while reading. */
    private String hashOfInputs() throws IOException {
        MessageDigest whole = sha256();
        for (MigratedTable table : MigratedTable.ALL) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(inputOf(layouts.layout(table.layoutName()))), whole)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        return HexFormat.of().formatHex(whole.digest());
    }

    /**
     * Locks the tenant's register entry, so that two imports of the same town run one after the other. On
     * PostgreSQL with FOR NO KEY UPDATE, which two imports still cannot both hold, but which lets a row that only
     * refers to the town be written meanwhile: the foreign key check of such a row (the town's SLA figures, a
     * 行政区, an incident of the provider naming the town) takes FOR KEY SHARE on the entry, which FOR UPDATE would
     * have made wait for the whole import. H2 knows only FOR UPDATE.
     */
    private void lockTenant() throws SQLException {
        String strength = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) ? "NO KEY UPDATE" : "UPDATE";
        try (PreparedStatement lock = connection.prepareStatement("SELECT code FROM tenant WHERE code = ? FOR " + strength)) {
            lock.setString(1, tenant);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw MigrationMessages.refusal("E-MIG-0502", tenant);
                }
            }
        }
    }

    private long existingRows() throws SQLException {
        long rows = 0;
        for (MigratedTable table : MigratedTable.ALL) {
            rows += MigratedTable.countRows(connection, table.tableName(), tenant);
        }
        return rows;
    }

    private String lastImportHash() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT input_sha256 FROM migration_import WHERE tenant_id = ? ORDER BY import_id DESC LIMIT 1")) {
            select.setString(1, tenant);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** The import's own record and its audit entry, in the import's transaction. */
    private void record(ImportReport report) throws SQLException {
        long importId;
        try (PreparedStatement next = connection.prepareStatement(
                "SELECT COALESCE(MAX(import_id), 0) + 1 FROM migration_import WHERE tenant_id = ?")) {
            next.setString(1, tenant);
            try (ResultSet row = next.executeQuery()) {
                row.next();
                importId = row.getLong(1);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO migration_import (tenant_id, import_id, imported_at, imported_by, input_sha256, layout_version,
                    rows_read, rows_imported, rows_rejected, gaiji_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, tenant);
            insert.setLong(2, importId);
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setString(4, request.actor());
            insert.setString(5, report.inputSha256());
            insert.setString(6, layouts.version());
            insert.setLong(7, report.rowsRead());
            insert.setLong(8, report.rowsImported());
            insert.setLong(9, report.rowsRejected());
            insert.setLong(10, report.gaijiSeen());
            insert.executeUpdate();
        }
        StringBuilder counts = new StringBuilder();
        for (FileTally file : report.files()) {
            counts.append(String.format(Locale.ROOT, "%s read=%d imported=%d rejected=%d gaiji=%d; ", file.fileName(),
                    file.read(), file.imported(), file.rejected(), file.gaiji().total()));
        }
        counts.append("replaced=").append(report.rowsReplaced()).append("; sha256=").append(report.inputSha256());
        AuditChains.append(connection, tenant, request.actor(), "cli", "migration.import", "import:" + importId,
                counts.toString(), AuditEvent.Outcome.SUCCESS);
    }

    /**
     * The number of lines in a file, estimated from its first 64 KB, so that the key table for a million rows is
     * allocated once at its size.
     */
    private static int estimatedRows(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 16;
        }
        long size = Files.size(file);
        byte[] start = new byte[1 << 16];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, start.length);
        }
        int lines = 0;
        for (int i = 0; i < read; i++) {
            lines += start[i] == '\n' ? 1 : 0;
        }
        long estimate = lines == 0 ? 16 : size * lines / read + size * lines / read / 20 + 16;
        return (int) Math.min(estimate, 1 << 24);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
