package jp.jichitai.cloud.migration;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.jichitai.cloud.audit.AuditChains;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.migration.internal.MigratedTable;
import jp.jichitai.cloud.migration.internal.MigrationMessages;
import jp.jichitai.cloud.migration.internal.RegistryRows;
import jp.jichitai.cloud.migrationformat.Cp932CsvWriter;
import jp.jichitai.cloud.migrationformat.GaijiMap;
import jp.jichitai.cloud.migrationformat.Layout;
import jp.jichitai.cloud.migrationformat.Layouts;
import jp.jichitai.cloud.migrationformat.MigrationProblems;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.registry.RegistryBulkWriter;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * 移行データの出力 (export): writes the tenant's migrated registry back as the four standard files, in the rows'
 * original order, CP932 through the reporting encoder. Read in one consistent snapshot; the files appear only
 * when all four were written (each goes to a temporary file first), and the export is audited.
 */
public final class RegistryExport {

    private RegistryExport() {
    }

    /** As {@link #run(Connection, TenantCode, Path, String, RegistryBulkWriter.KeySource)} with the key of {@code ./data}. */
    public static ExportReport run(Connection connection, TenantCode tenant, Path outputDirectory, String actor)
            throws SQLException, IOException {
        return run(connection, tenant, outputDirectory, actor, RegistryBulkWriter.KeySource.forTool(Path.of("data")));
    }

    /** Writes the four files; {@code key} is the registry's 個人番号 key, which decrypts the stored numbers. */
    public static ExportReport run(Connection connection, TenantCode tenant, Path outputDirectory, String actor,
            RegistryBulkWriter.KeySource key) throws SQLException, IOException {
        RegistryBulkWriter registry = RegistryBulkWriter.onConnection(connection, tenant, key);
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        // One snapshot for the four files; on PostgreSQL autocommit off also lets the driver fetch with a cursor.
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        List<Path> temporaries = new ArrayList<>();
        try {
            String code = tenant.value();
            if (RegistryRows.snapshotCount(connection, code) == 0
                    && MigratedTable.countRows(connection, MigratedTable.RESIDENT_ROWS.tableName(), code) == 0) {
                throw MigrationMessages.refusal("E-MIG-0503", code);
            }
            refuseResidentsWithoutDistrict(connection, code);
            try {
                Files.createDirectories(outputDirectory);
                Files.deleteIfExists(Files.createTempFile(outputDirectory, ".export", ".tmp"));
            } catch (IOException cannotWrite) {
                throw MigrationMessages.refusal("E-MIG-0504", outputDirectory, cannotWrite.getMessage());
            }
            Layouts layouts = Layouts.version(Layouts.DEFAULT_VERSION);
            MigrationProblems problems = new MigrationProblems();
            Map<String, Long> lines = new LinkedHashMap<>();
            for (MigratedTable table : MigratedTable.ALL) {
                Layout layout = layouts.layout(table.layoutName());
                table.checkFits(layout);
                Path temporary = outputDirectory.resolve("." + layout.fileName() + ".tmp");
                temporaries.add(temporary);
                lines.put(layout.fileName(), writeFile(connection, code, table, layout, temporary, problems, registry));
            }
            if (problems.hasErrors()) {
                connection.rollback();
                return new ExportReport(tenant, false, lines, problems);
            }
            for (int i = 0; i < temporaries.size(); i++) {
                Layout layout = layouts.layout(MigratedTable.ALL.get(i).layoutName());
                move(temporaries.get(i), outputDirectory.resolve(layout.fileName()));
            }
            StringBuilder counts = new StringBuilder();
            lines.forEach((file, count) -> counts.append(String.format(Locale.ROOT, "%s lines=%d; ", file, count)));
            AuditChains.append(connection, code, actor, "cli", "migration.export", "tenant:" + code,
                    counts.toString().strip(), AuditEvent.Outcome.SUCCESS);
            connection.commit();
            return new ExportReport(tenant, true, lines, problems);
        } catch (SQLException | IOException | RuntimeException | Error failure) {
            connection.rollback();
            throw failure;
        } finally {
            for (Path temporary : temporaries) {
                Files.deleteIfExists(temporary);
            }
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** How many 宛名番号 the refusal of residents without a 行政区 names; the others are counted. */
    static final int NAMED_WITHOUT_DISTRICT = 20;

    /**
     * Snapshots whose 行政区コード as exported ({@link RegistryRows#effectiveDistrict}) is missing, or in neither the
     * imported districts nor the town's 行政区 table (so not in the exported data_cyonei either): each would become a
     * data_d0101 row that {@code ./jc import} refuses (E-MIG-0101, E-MIG-0201). By 宛名番号 as a number.
     */
    private static final String WITHOUT_DISTRICT = "SELECT DISTINCT s.atena_number, LENGTH(s.atena_number) AS digits "
            + "FROM resident_snapshot s WHERE s.tenant_id = ? AND NOT EXISTS (SELECT 1 FROM migrated_district m "
            + "WHERE m.tenant_id = s.tenant_id AND m.district_code = (" + RegistryRows.effectiveDistrict("s") + ")) "
            + "AND NOT EXISTS (SELECT 1 FROM district d WHERE d.tenant_id = s.tenant_id AND d.district_code = ("
            + RegistryRows.effectiveDistrict("s") + ")) ORDER BY digits, s.atena_number";

    /**
     * Refuses the whole export, before any file is created, when some resident's record has no 行政区 (data entered
     * before the registry required one: H2 demo data, changes recorded by an older version) that a later snapshot
     * at the same address supplies (see {@link RegistryRows#effectiveDistrict}). Leaving those rows out
     * instead would hand over a file set that silently lacks residents (and the other rows of their households would
     * name a 世帯主 who is missing); writing them would give files the import refuses. Either breaks the promise that
     * a town exports and re-imports its registry losslessly, so nothing is written and every such 宛名番号 is named
     * (the first {@value #NAMED_WITHOUT_DISTRICT}, then how many more), for the town to correct by 職権修正 first.
     */
    private static void refuseResidentsWithoutDistrict(Connection connection, String tenant) throws SQLException {
        List<String> named = new ArrayList<>();
        long count = 0;
        try (PreparedStatement select = connection.prepareStatement(WITHOUT_DISTRICT)) {
            select.setString(1, tenant);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (count++ < NAMED_WITHOUT_DISTRICT) {
                        named.add(rows.getString(1));
                    }
                }
            }
        }
        if (count > 0) {
            String numbers = String.join("、", named) + (count > named.size()
                    ? MigrationMessages.text("I-MIG-0506", Long.toString(count - named.size())) : "");
            throw MigrationMessages.refusal("E-MIG-0506", tenant, Long.toString(count), numbers);
        }
    }

    /**
     * data_cyonei: the imported districts in their line order, then the 行政区 of the town's register
     * ({@code district}) that the file did not hold, by code: those a resident snapshot names (a district used by a
     * change recorded in the cloud) or, for a town that never imported districts, all of them.
     */
    private static final String DISTRICTS = "SELECT district_code, name FROM (SELECT district_code, name, 0 AS origin, "
            + "line_number FROM migrated_district WHERE tenant_id = ? UNION ALL SELECT d.district_code, d.name, 1, 0 "
            + "FROM district d WHERE d.tenant_id = ? AND NOT EXISTS (SELECT 1 FROM migrated_district m "
            + "WHERE m.tenant_id = d.tenant_id AND m.district_code = d.district_code) AND (NOT EXISTS (SELECT 1 FROM "
            + "migrated_district i WHERE i.tenant_id = d.tenant_id) OR EXISTS (SELECT 1 FROM resident_snapshot s "
            + "WHERE s.tenant_id = d.tenant_id AND s.district_code = d.district_code))) districts "
            + "ORDER BY origin, line_number, district_code";

    private static long writeFile(Connection connection, String tenant, MigratedTable table, Layout layout, Path file,
            MigrationProblems problems, RegistryBulkWriter registry) throws SQLException, IOException {
        if (table == MigratedTable.RESIDENT_ROWS) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                    Cp932CsvWriter writer = new Cp932CsvWriter(out, layout.fileName(), layout, GaijiMap.none(), problems)) {
                RegistryRows.write(connection, tenant, registry, fields -> writer.writeRow(fields, fields[0]));
                writer.flush();
                return writer.linesWritten();
            }
        }
        int columns = table.columns().size();
        int sealed = table.sealedColumn() - 1;
        String[] fields = new String[columns];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                Cp932CsvWriter writer = new Cp932CsvWriter(out, layout.fileName(), layout, GaijiMap.none(), problems);
                PreparedStatement select = connection.prepareStatement(table == MigratedTable.DISTRICTS
                        ? DISTRICTS : "SELECT " + String.join(", ", table.columns()) + " FROM " + table.tableName()
                        + " WHERE tenant_id = ? ORDER BY line_number")) {
            select.setString(1, tenant);
            if (table == MigratedTable.DISTRICTS) {
                select.setString(2, tenant);
            }
            select.setFetchSize(5000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    for (int i = 0; i < columns; i++) {
                        fields[i] = rows.getString(i + 1);
                    }
                    if (sealed >= 0 && fields[sealed] != null) {
                        fields[sealed] = registry.decryptIndividualNumber(fields[sealed], AtenaNumber.migrated(fields[0])).value();
                    }
                    writer.writeRow(fields, fields[0]);
                }
            }
            writer.flush();
            return writer.linesWritten();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
