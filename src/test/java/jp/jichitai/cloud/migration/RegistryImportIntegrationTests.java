package jp.jichitai.cloud.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.jichitai.cloud.audit.AuditChains;
import jp.jichitai.cloud.cli.JichitaiCommand;
import jp.jichitai.cloud.continuity.TableChecksum;
import jp.jichitai.cloud.continuity.TenantVault;
import jp.jichitai.cloud.migrationformat.RejectsWriter;
import jp.jichitai.cloud.residents.registry.RegistryFixture;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.synthetic.SyntheticDataset;
import jp.jichitai.cloud.synthetic.SyntheticRegistry;

/**
 * {@code ./jc import} and {@code ./jc export} against the run's database (H2, then PostgreSQL with COPY), beside the
 * running service and its demo towns: round trip with identical text, idempotent rerun, refusal without
 * {@code --replace}, all or nothing, rejects with a reconciliation that adds up, the audit entry, and the other
 * towns untouched throughout.
 */
class RegistryImportIntegrationTests extends IntegrationTest {

    private static final TenantCode TOWN = TenantCode.of("013706");
    private static final List<TenantCode> OTHER_TOWNS = List.of(TenantCode.of("012211"), TenantCode.of("012203"));
    private static final Pattern SUMMARY_LINE = Pattern.compile(
            "^\\s+(data_\\w+\\.csv)\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)$");

    @TempDir
    Path temporary;

    @org.springframework.beans.factory.annotation.Autowired
    jp.jichitai.cloud.residents.Residents residents;

    record Run(int exit, String out, String err) {
    }

    @Test
    void importThenExportGivesTheSameTextAndTheSameImportAgainChangesNothing() throws Exception {
        Map<TenantCode, List<TableChecksum>> others = otherTowns();
        Path input = generated("round-trip", 7, 150);

        Run imported = jc("import", "--tenant", TOWN.value(), "--in", input.toString(), "--replace");
        assertThat(imported.exit()).as(imported.err() + imported.out()).isZero();
        assertSummaryAddsUp(imported.out(), 0);

        Path output = temporary.resolve("exported");
        Run exported = jc("export", "--tenant", TOWN.value(), "--out", output.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(MigrationDatabaseFixture.decodedFiles(output))
                .containsExactlyElementsOf(MigrationDatabaseFixture.decodedFiles(input));

        List<TableChecksum> afterImport = checksums(TOWN);
        Run again = jc("import", "--tenant", TOWN.value(), "--in", input.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("I-MIG-0501");
        assertThat(checksums(TOWN)).isEqualTo(afterImport);

        try (Connection connection = TestDatabase.get().ownerConnection();
                PreparedStatement audit = connection.prepareStatement(
                        "SELECT action, query_text FROM audit_log WHERE tenant_id = ? AND action LIKE 'migration.%' ORDER BY seq DESC")) {
            audit.setString(1, TOWN.value());
            List<String> entries = new ArrayList<>();
            try (ResultSet rows = audit.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
            long residentLines = Files.lines(input.resolve("data_d0101.csv"), MigrationDatabaseFixture.CP932).count();
            assertThat(entries).anySatisfy(entry -> assertThat(entry).startsWith("migration.export")
                    .contains("data_d0101.csv lines=" + residentLines));
            assertThat(entries).anySatisfy(entry -> assertThat(entry).startsWith("migration.import")
                    .contains("data_d0101.csv read=" + residentLines + " imported=" + residentLines + " rejected=0"));
            assertThat(AuditChains.verify(connection, TOWN.value())).allSatisfy(chain -> assertThat(chain.intact()).isTrue());
        }
        assertThat(otherTowns()).isEqualTo(others);
    }

    /**
     * While a town is imported, a second import of it must wait (the import locks the town's register entry), but a
     * row that only refers to the town, whose foreign key check takes FOR KEY SHARE on that entry (its 行政区, its SLA
     * figures, an incident naming it), is not held up for the whole import. PostgreSQL: H2 has one lock strength.
     */
    @Test
    void duringAnImportASecondImportOfTheTownWaitsButRowsReferringToTheTownAreWritten() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.get().isPostgres(), "lock strengths of PostgreSQL");
        Path input = generated("locked", 71, 40);
        List<String> seen = new ArrayList<>();
        ImportRequest request = new ImportRequest(TOWN, input, true, null, null, "test", 100, 10, line -> {
            if (line.startsWith("取込中") && seen.isEmpty()) {
                try (Connection other = TestDatabase.get().ownerConnection()) {
                    other.setAutoCommit(false);
                    other.createStatement().execute("SET LOCAL lock_timeout = '3s'");
                    try (PreparedStatement district = other.prepareStatement(
                            "INSERT INTO district (tenant_id, district_code, name) VALUES (?, '999998', '試験の行政区')")) {
                        district.setString(1, TOWN.value());
                        seen.add("district written: " + district.executeUpdate());
                    } catch (java.sql.SQLException e) {
                        seen.add("district refused: " + e.getSQLState());
                    }
                    other.rollback();
                    try (PreparedStatement secondImport = other.prepareStatement(
                            "SELECT code FROM tenant WHERE code = ? FOR NO KEY UPDATE NOWAIT")) {
                        secondImport.setString(1, TOWN.value());
                        secondImport.executeQuery().close();
                        seen.add("second import not held");
                    } catch (java.sql.SQLException e) {
                        seen.add("second import waits: " + e.getSQLState());
                    }
                    other.rollback();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        try (Connection connection = TestDatabase.get().ownerConnection()) {
            assertThat(RegistryImport.run(connection, request,
                    new jp.jichitai.cloud.residents.registry.RegistryBulkWriter.KeySource(null,
                            TestDatabase.get().dataDirectory())).committed()).isTrue();
        }
        assertThat(seen).containsExactly("district written: 1", "second import waits: 55P03");
    }

    /**
     * A clerk's 転入 sent while a replacing import of the town runs (its residents deleted, the new ones not yet
     * written) waits for the import and is then recorded into the new registry, searchable: it neither slips in
     * halfway, surviving the replace while its search keys go with the old ones, nor is lost. PostgreSQL: the
     * advisory lock between registry changes and imports.
     */
    @Test
    void aChangeSentDuringAReplacingImportWaitsForItAndLandsInTheNewRegistry() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.get().isPostgres(), "advisory locks of PostgreSQL");
        assertThat(jc("import", "--tenant", TOWN.value(), "--in", generated("before-change", 72, 30).toString(),
                "--replace").exit()).isZero();
        String district;
        try (Connection owner = TestDatabase.get().ownerConnection(); PreparedStatement query = owner.prepareStatement(
                "SELECT district_code FROM district WHERE tenant_id = ? ORDER BY district_code LIMIT 1")) {
            query.setString(1, TOWN.value());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                district = row.getString(1);
            }
        }
        jp.jichitai.cloud.residents.ChangeRequest moveIn = new jp.jichitai.cloud.residents.ChangeRequest.MoveIn(
                jp.jichitai.cloud.residents.ChangeKind.DOMESTIC_MOVE_IN, RegistryFixture.TODAY.minusDays(3),
                java.util.Optional.of(RegistryFixture.TODAY.minusDays(1)),
                RegistryFixture.person("途中　転入子", "トチュウ　テンニュウコ", "19900303", jp.jichitai.cloud.residents.Sex.FEMALE,
                        jp.jichitai.cloud.residents.Relationship.HOUSEHOLD_HEAD,
                        RegistryFixture.address("北海道瀬棚郡今金町字今金1番地", district)),
                java.util.Optional.empty(), java.util.OptionalInt.empty());
        java.util.concurrent.ExecutorService clerk = java.util.concurrent.Executors.newSingleThreadExecutor();
        List<String> seen = new ArrayList<>();
        List<java.util.concurrent.Future<jp.jichitai.cloud.residents.ChangeReceipt>> sent = new ArrayList<>();
        ImportRequest replacing = new ImportRequest(TOWN, generated("during-change", 73, 40), true, null, null, "test",
                100, 10, line -> {
                    if (line.startsWith("取込中") && sent.isEmpty()) {
                        sent.add(clerk.submit(() -> RegistryFixture.asClerk(TOWN, () -> residents.record(moveIn))));
                        seen.add(awaitClerk(sent.get(0)));
                    }
                });
        try {
            try (Connection connection = TestDatabase.get().ownerConnection()) {
                assertThat(RegistryImport.run(connection, replacing,
                        new jp.jichitai.cloud.residents.registry.RegistryBulkWriter.KeySource(null,
                                TestDatabase.get().dataDirectory())).committed()).isTrue();
            }
            jp.jichitai.cloud.residents.ChangeReceipt receipt = sent.get(0).get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(seen).containsExactly("the clerk waits");
            assertThat(RegistryFixture.asClerk(TOWN, () -> residents.search("トチュウ　テンニュウコ")))
                    .extracting(row -> row.atenaNumber()).containsExactly(receipt.residents().get(0));
        } finally {
            clerk.shutdownNow();
        }
    }

    /** Whether the clerk's change waits for an advisory lock, or was already recorded, within 30 s. */
    private static String awaitClerk(java.util.concurrent.Future<?> change) {
        try (Connection owner = TestDatabase.get().ownerConnection(); PreparedStatement waiting = owner.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                        + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))")) {
            for (int poll = 0; poll < 3000; poll++) {
                if (change.isDone()) {
                    return "the clerk's change was recorded during the import";
                }
                try (ResultSet row = waiting.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return "the clerk waits";
                    }
                }
                Thread.sleep(10);
            }
            return "neither within 30 s";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTownHoldingResidentsIsRefusedWithoutReplaceAndReplacedWithIt() throws Exception {
        Map<TenantCode, List<TableChecksum>> others = otherTowns();
        Run first = jc("import", "--tenant", TOWN.value(), "--in", generated("first", 21, 30).toString(), "--replace");
        assertThat(first.exit()).as(first.err()).isZero();
        List<TableChecksum> held = checksums(TOWN);
        Path other = generated("other", 22, 45);

        Run refused = jc("import", "--tenant", TOWN.value(), "--in", other.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("E-MIG-0501").contains("--replace");
        assertThat(checksums(TOWN)).isEqualTo(held);

        Run replaced = jc("import", "--tenant", TOWN.value(), "--in", other.toString(), "--replace");
        assertThat(replaced.exit()).as(replaced.err()).isZero();
        assertThat(residentRows(TOWN)).isEqualTo(lines(other.resolve("data_d0101.csv")).size());
        assertThat(otherTowns()).isEqualTo(others);
    }

    @Test
    void anInvalidRowVoidsTheWholeImportAndNamesFileLineAndColumn() throws Exception {
        jc("import", "--tenant", TOWN.value(), "--in", generated("before", 31, 20).toString(), "--replace");
        List<TableChecksum> before = checksums(TOWN);
        Map<TenantCode, List<TableChecksum>> others = otherTowns();
        Path input = generated("invalid", 32, 60);
        replaceField(input.resolve("data_d0101.csv"), 3, 12, "19xx0101");
        replaceField(input.resolve("data_d0603.csv"), 2, 3, "12a");

        Run run = jc("import", "--tenant", TOWN.value(), "--in", input.toString(), "--replace");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("data_d0101.csv:3:12: E-MIG-0105").contains("data_d0603.csv:2:3: E-MIG-0103")
                .contains("E-MIG-0505");
        assertThat(checksums(TOWN)).isEqualTo(before);
        assertThat(otherTowns()).isEqualTo(others);
    }

    @Test
    void withRejectsTheValidRowsAreImportedAndReadEqualsImportedPlusRejected() throws Exception {
        Path input = generated("rejects", 41, 80);
        replaceField(input.resolve("data_d0101.csv"), 5, 13, "7");
        replaceField(input.resolve("data_d0101.csv"), 9, 19, "999999");
        replaceField(input.resolve("data_d0603.csv"), 1, 8, "9");
        Path rejects = temporary.resolve("rejects.txt");

        Run run = jc("import", "--tenant", TOWN.value(), "--in", input.toString(), "--replace", "--rejects", rejects.toString());

        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        Map<String, long[]> summary = assertSummaryAddsUp(run.out(), 3);
        List<RejectsWriter.RejectedRow> rejected = RejectsWriter.read(rejects);
        assertThat(rejected).extracting(row -> row.fileName() + ":" + row.line() + " " + row.reasons())
                .containsExactly("data_d0101.csv:5 [E-MIG-0104:13]", "data_d0101.csv:9 [E-MIG-0201:19]",
                        "data_d0603.csv:1 [E-MIG-0104:8]");
        assertThat(rejected.get(0).bytes()).as("the rejected line with its line break, byte for byte")
                .isEqualTo(lines(input.resolve("data_d0101.csv")).get(4));
        assertThat(residentRows(TOWN)).isEqualTo(summary.get("data_d0101.csv")[1]);
    }

    /** Checks read = imported + rejected on every file line of the summary; returns read/imported/rejected by file. */
    private static Map<String, long[]> assertSummaryAddsUp(String out, long expectedRejected) {
        Map<String, long[]> files = new HashMap<>();
        for (String line : out.lines().toList()) {
            Matcher counts = SUMMARY_LINE.matcher(line);
            if (counts.find()) {
                long[] values = new long[4];
                for (int i = 0; i < 4; i++) {
                    values[i] = Long.parseLong(counts.group(i + 2).replace(",", ""));
                }
                assertThat(values[0]).as(line).isEqualTo(values[1] + values[2]);
                files.put(counts.group(1), values);
            }
        }
        assertThat(files).containsOnlyKeys("data_cyonei.csv", "data_d0101.csv", "data_d0301.csv", "data_d0603.csv");
        assertThat(files.values().stream().mapToLong(values -> values[2]).sum()).isEqualTo(expectedRejected);
        return files;
    }

    private Path generated(String name, long seed, int residents) throws Exception {
        Path folder = Files.createDirectories(temporary.resolve(name));
        SyntheticDataset.write(SyntheticRegistry.of(TOWN, seed), residents, folder);
        return folder;
    }

    /** Replaces one field (1-based) of one line (1-based) of a CP932 file, bytes elsewhere unchanged. */
    private static void replaceField(Path file, int lineNumber, int field, String ascii) throws Exception {
        List<byte[]> lines = lines(file);
        byte[] line = lines.get(lineNumber - 1);
        int start = 0;
        for (int comma = 1; comma < field; start++) {
            comma += line[start] == ',' ? 1 : 0;
        }
        int end = start;
        while (end < line.length && line[end] != ',' && line[end] != '\r' && line[end] != '\n') {
            end++;
        }
        ByteArrayOutputStream changed = new ByteArrayOutputStream();
        changed.write(line, 0, start);
        changed.writeBytes(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        changed.write(line, end, line.length - end);
        lines.set(lineNumber - 1, changed.toByteArray());
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        lines.forEach(whole::writeBytes);
        Files.write(file, whole.toByteArray());
    }

    /** The lines of a file with their line breaks. */
    private static List<byte[]> lines(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }

    private static Run jc(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        TestDatabase database = TestDatabase.get();
        if (database.isPostgres()) {
            all.addAll(List.of("--db", database.url()));
        } else {
            all.addAll(List.of("--data", database.dataDirectory().toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = JichitaiCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static long residentRows(TenantCode tenant) throws Exception {
        try (Connection connection = TestDatabase.get().ownerConnection()) {
            return jp.jichitai.cloud.migration.internal.MigratedTable.countRows(connection, "migrated_resident_row",
                    tenant.value());
        }
    }

    private static List<TableChecksum> checksums(TenantCode tenant) throws Exception {
        try (Connection connection = TestDatabase.get().ownerConnection()) {
            return TenantVault.checksums(connection, tenant);
        }
    }

    private static Map<TenantCode, List<TableChecksum>> otherTowns() throws Exception {
        Map<TenantCode, List<TableChecksum>> checksums = new HashMap<>();
        for (TenantCode town : OTHER_TOWNS) {
            checksums.put(town, checksums(town));
        }
        return checksums;
    }
}
