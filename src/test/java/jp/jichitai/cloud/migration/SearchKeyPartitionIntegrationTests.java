package jp.jichitai.cloud.migration;

import static jp.jichitai.cloud.residents.registry.RegistryFixture.asClerk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.cli.JichitaiCommand;
import jp.jichitai.cloud.continuity.TableChecksum;
import jp.jichitai.cloud.continuity.TenantVault;
import jp.jichitai.cloud.residents.ResidentSummary;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.residents.registry.RegistryBulkWriter;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.synthetic.SyntheticDataset;
import jp.jichitai.cloud.synthetic.SyntheticRegistry;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * On PostgreSQL an import gives the town's search keys a partition of resident_search_key of its own, swapped in
 * within the import's transaction: the keys are there and nowhere else, other towns (the demo towns, in the DEFAULT
 * partition) keep theirs, a replacing import puts in a new partition with the same keys the same files give, an
 * import that fails after the swap leaves the old partition and its rows, and the service (jc_app, through the
 * parent and its policy) finds the imported people. PostgreSQL only: H2 has no partitions.
 */
class SearchKeyPartitionIntegrationTests extends IntegrationTest {

    private static final TenantCode TOWN = TenantCode.of("013706");
    private static final List<TenantCode> OTHER_TOWNS = List.of(TenantCode.of("012211"), TenantCode.of("012203"));
    private static final String PARTITION = "resident_search_key_t" + TOWN.value();

    @Autowired
    Residents residents;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path temporary;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void onPostgresOnly() {
        assumeTrue(TestDatabase.get().isPostgres(), "partitions exist on PostgreSQL only");
    }

    @Test
    void anImportPutsTheTownsKeysIntoAPartitionOfItsOwnAndLeavesOtherTownsAsTheyWere() throws Exception {
        Map<TenantCode, List<TableChecksum>> others = otherTowns();
        Map<TenantCode, Long> othersInDefault = new HashMap<>();
        for (TenantCode town : OTHER_TOWNS) {
            othersInDefault.put(town, keysIn("resident_search_key_default", town));
        }

        Run imported = jc("import", "--tenant", TOWN.value(), "--in", generated("first", 51, 60).toString(), "--replace");

        assertThat(imported.exit()).as(imported.err() + imported.out()).isZero();
        assertThat(imported.err()).as("the progress output").contains("索引の作成と区画の付替え");
        assertThat(leafPartitions()).contains(PARTITION, "resident_search_key_default");
        Map<String, Long> byPartition = keysByPartition(TOWN);
        assertThat(byPartition).containsOnlyKeys(PARTITION);
        assertThat(byPartition.get(PARTITION)).isGreaterThan(60);
        assertThat(otherTowns()).isEqualTo(others);
        for (TenantCode town : OTHER_TOWNS) {
            assertThat(keysByPartition(town)).as("keys of %s", town).containsOnlyKeys("resident_search_key_default");
            assertThat(keysIn("resident_search_key_default", town)).isEqualTo(othersInDefault.get(town)).isPositive();
        }
    }

    @Test
    void aReplacingImportSwapsInANewPartitionWithTheKeysTheFilesGive() throws Exception {
        Path small = generated("small", 52, 40);
        Path large = generated("large", 53, 90);
        assertThat(jc("import", "--tenant", TOWN.value(), "--in", large.toString(), "--replace").exit()).isZero();
        long largeKeys = keysByPartition(TOWN).get(PARTITION);
        assertThat(jc("import", "--tenant", TOWN.value(), "--in", small.toString(), "--replace").exit()).isZero();
        long before = partitionOid();
        long smallKeys = keysByPartition(TOWN).get(PARTITION);
        assertThat(smallKeys).isLessThan(largeKeys);

        Run replaced = jc("import", "--tenant", TOWN.value(), "--in", large.toString(), "--replace");

        assertThat(replaced.exit()).as(replaced.err() + replaced.out()).isZero();
        assertThat(partitionOid()).as("a new partition, not the old one refilled").isNotEqualTo(before);
        assertThat(keysByPartition(TOWN)).containsExactly(Map.entry(PARTITION, largeKeys));
        assertThat(keyResidentsWithoutCurrentRecord()).as("keys of residents of the replaced import").isZero();
    }

    @Test
    void anImportFailingAfterTheSwapLeavesTheOldPartitionAndItsRows() throws Exception {
        assertThat(jc("import", "--tenant", TOWN.value(), "--in", generated("kept", 54, 50).toString(), "--replace")
                .exit()).isZero();
        long partition = partitionOid();
        List<TableChecksum> before = checksums(TOWN);
        Map<String, Long> keys = keysByPartition(TOWN);
        // The registry's timing line is printed after finish(), when the new partition is attached: failing there
        // fails the import after the swap, before its commit.
        Path replacing = generated("failing", 55, 70);
        ImportRequest failing = new ImportRequest(TOWN, replacing, true, null, null, "test", 100, 0, line -> {
            if (line.startsWith("住民記録への書込み")) {
                assertThat(line).contains("区画の付替え");
                throw new IllegalStateException("stopped after the swap");
            }
        });
        try (Connection connection = owner()) {
            assertThatThrownBy(() -> RegistryImport.run(connection, failing,
                    new RegistryBulkWriter.KeySource(null, TestDatabase.get().dataDirectory())))
                    .hasMessage("stopped after the swap");
        }
        assertThat(partitionOid()).isEqualTo(partition);
        assertThat(keysByPartition(TOWN)).isEqualTo(keys);
        assertThat(checksums(TOWN)).isEqualTo(before);

        // An invalid row voids the import (all or nothing) after the old keys were left to the swap: kept as well.
        Path invalid = generated("invalid", 56, 70);
        Files.writeString(invalid.resolve("data_d0603.csv"), "not,a,valid,row\r\n", MigrationDatabaseFixture.CP932,
                java.nio.file.StandardOpenOption.APPEND);
        Run voided = jc("import", "--tenant", TOWN.value(), "--in", invalid.toString(), "--replace");
        assertThat(voided.exit()).as(voided.out()).isEqualTo(1);
        assertThat(partitionOid()).isEqualTo(partition);
        assertThat(checksums(TOWN)).isEqualTo(before);
    }

    /**
     * The upload screen runs the same import as jc_app, under row-level security, which may not change partitions:
     * the keys are replaced through the parent inside the town's partition, and there are as many as the tools'
     * swap gives for the same files.
     */
    @Test
    void theServicesRoleReplacesAPartitionedTownsKeysThroughTheParent() throws Exception {
        Path uploaded = generated("uploaded", 58, 45);
        assertThat(jc("import", "--tenant", TOWN.value(), "--in", uploaded.toString(), "--replace").exit()).isZero();
        long swappedKeys = keysByPartition(TOWN).get(PARTITION);
        assertThat(jc("import", "--tenant", TOWN.value(), "--in", generated("before-upload", 59, 65).toString(),
                "--replace").exit()).isZero();
        long partition = partitionOid();

        ImportReport report;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            TenantContext.bindToTransaction(connection, TOWN.value());
            try {
                report = RegistryImport.run(connection, ImportRequest.of(TOWN, uploaded).replacing(),
                        new RegistryBulkWriter.KeySource(null, TestDatabase.get().dataDirectory()));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }

        assertThat(report.committed()).isTrue();
        assertThat(partitionOid()).as("the same partition, its rows replaced").isEqualTo(partition);
        assertThat(keysByPartition(TOWN)).containsExactly(Map.entry(PARTITION, swappedKeys));
        assertThat(keyResidentsWithoutCurrentRecord()).isZero();
    }

    /**
     * Two towns' replacing imports that reach their swaps at the same moment both commit. Each import's load table
     * exists (the projection's test pause, then a barrier) before either swaps; a load table made with
     * {@code LIKE resident_search_key} held a lock on the parent until commit, and the two DROPs of the old
     * partitions deadlocked. On a database of its own, so that the service's towns are not touched.
     */
    @Test
    void twoTownsSwappingTheirPartitionsAtTheSameTimeBothCommit() throws Exception {
        List<TenantCode> towns = List.of(TenantCode.of("012211"), TenantCode.of("012203"));
        Path data = Files.createDirectories(temporary.resolve("two-towns"));
        MigrationDatabaseFixture database = MigrationDatabaseFixture.postgresOrNull(data, towns.get(0).value(),
                towns.get(1).value());
        assertThat(database).as("PostgreSQL at 127.0.0.1:5432").isNotNull();
        RegistryBulkWriter.KeySource key = new RegistryBulkWriter.KeySource(null, data);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (database) {
            List<Path> replacements = new ArrayList<>();
            for (TenantCode town : towns) {
                Path first = Files.createDirectories(temporary.resolve("first-" + town.value()));
                SyntheticDataset.write(SyntheticRegistry.of(town, 61), 30, first);
                try (Connection connection = database.open()) {
                    assertThat(RegistryImport.run(connection, ImportRequest.of(town, first), key).committed()).isTrue();
                }
                Path replacing = Files.createDirectories(temporary.resolve("replacing-" + town.value()));
                SyntheticDataset.write(SyntheticRegistry.of(town, 62), 40, replacing);
                replacements.add(replacing);
            }
            java.util.concurrent.CyclicBarrier bothLoaded = new java.util.concurrent.CyclicBarrier(2);
            System.setProperty(jp.jichitai.cloud.migration.internal.RegistryProjection.PAUSE_PROPERTY, "0");
            List<java.util.concurrent.Future<ImportReport>> imports = new ArrayList<>();
            for (int i = 0; i < towns.size(); i++) {
                ImportRequest request = new ImportRequest(towns.get(i), replacements.get(i), true, null, null, "test",
                        100, 0, line -> {
                            if (line.contains("試験用の一時停止")) {
                                try {
                                    bothLoaded.await(60, java.util.concurrent.TimeUnit.SECONDS);
                                } catch (Exception e) {
                                    throw new IllegalStateException("the other import never loaded", e);
                                }
                            }
                        });
                imports.add(threads.submit(() -> {
                    try (Connection connection = database.open()) {
                        return RegistryImport.run(connection, request, key);
                    }
                }));
            }
            for (java.util.concurrent.Future<ImportReport> imported : imports) {
                assertThat(imported.get(120, java.util.concurrent.TimeUnit.SECONDS).committed()).isTrue();
            }
            try (Connection connection = database.open(); ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT tableoid::regclass::text, tenant_id, COUNT(*) FROM resident_search_key GROUP BY 1, 2 ORDER BY 2")) {
                List<String> partitions = new ArrayList<>();
                while (rows.next()) {
                    assertThat(rows.getLong(3)).isGreaterThan(40);
                    partitions.add(rows.getString(1) + " " + rows.getString(2));
                }
                assertThat(partitions).containsExactly("resident_search_key_t012203 012203",
                        "resident_search_key_t012211 012211");
            }
        } finally {
            System.clearProperty(jp.jichitai.cloud.migration.internal.RegistryProjection.PAUSE_PROPERTY);
            threads.shutdownNow();
        }
    }

    /**
     * A long query of another town holds the parent while a replacing import reaches its swap. The swap waits
     * for its locks only briefly (every search that comes after it would queue behind it), lets go, and tries
     * again after a pause: once the query ends, the next try swaps the partition in.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES,
            threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // a lock wait fails, not hangs, the run
    void aSwapBehindALongQueryLetsGoAndSucceedsOnALaterTry() throws Exception {
        assertThat(jc("import", "--tenant", TOWN.value(), "--in", generated("held", 63, 40).toString(), "--replace")
                .exit()).isZero();
        long before = partitionOid();
        Path replacing = generated("behind-a-query", 64, 55);
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (Connection longQuery = owner()) {
            holdTheParent(longQuery);
            java.util.concurrent.Future<Boolean> released = thread.submit(() -> {
                // Ends the long query only once a try of the swap has waited for the lock and let go.
                awaitSwapWaiting(true);
                awaitSwapWaiting(false);
                longQuery.commit();
                return true;
            });

            Run imported = jc("import", "--tenant", TOWN.value(), "--in", replacing.toString(), "--replace");

            assertThat(released.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(imported.exit()).as(imported.err() + imported.out()).isZero();
            assertThat(imported.err()).containsPattern("ロック待ちのやり直し [1-9]\\d* 回");
        } finally {
            thread.shutdownNow();
        }
        assertThat(partitionOid()).as("the new partition swapped in").isNotEqualTo(before);
        assertThat(keyResidentsWithoutCurrentRecord()).isZero();
    }

    /**
     * A query that holds the parent through every try: the import fails as a whole with a message saying why and
     * what to do, and the town's registry and partition are as they were.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES,
            threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // a lock wait fails, not hangs, the run
    void aSwapThatNeverGetsItsLocksFailsTheImportAndChangesNothing() throws Exception {
        assertThat(jc("import", "--tenant", TOWN.value(), "--in", generated("kept-locked", 65, 40).toString(),
                "--replace").exit()).isZero();
        long before = partitionOid();
        List<TableChecksum> registry = checksums(TOWN);
        Run refused;
        try (Connection longQuery = owner()) {
            holdTheParent(longQuery);
            refused = jc("import", "--tenant", TOWN.value(), "--in", generated("never-swapped", 66, 55).toString(),
                    "--replace");
            longQuery.rollback();
        }
        assertThat(refused.exit()).as(refused.err() + refused.out()).isEqualTo(2);
        assertThat(refused.err()).contains("E-RES-0086").contains("団体 " + TOWN.value())
                .contains("取込は何も書き込んでいません").contains("時間をおいてもう一度実行してください");
        assertThat(partitionOid()).isEqualTo(before);
        assertThat(checksums(TOWN)).isEqualTo(registry);
        assertThat(leafPartitions()).noneMatch(name -> name.endsWith("_load"));
    }

    /** Reads another town's keys through the parent in a transaction left open: ACCESS SHARE until it ends. */
    private static void holdTheParent(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM resident_search_key WHERE tenant_id = ?")) {
            query.setString(1, OTHER_TOWNS.get(0).value());
            query.executeQuery().close();
        }
    }

    /** Polls until some session waits (or no longer waits) for a lock on resident_search_key or a partition. */
    private static void awaitSwapWaiting(boolean waiting) throws Exception {
        try (Connection connection = owner(); PreparedStatement query = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                        + "WHERE NOT l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                        + "AND c.relname LIKE 'resident\\_search\\_key%')")) {
            for (int poll = 0; poll < 3000; poll++) {
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1) == waiting) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("no swap " + (waiting ? "waited" : "stopped waiting") + " for its lock within 30 s");
    }

    @Test
    void theServiceFindsTheImportedPeopleThroughTheParent() throws Exception {
        assertThat(jc("import", "--tenant", TOWN.value(), "--in", generated("searched", 57, 60).toString(), "--replace")
                .exit()).isZero();
        Map<String, String> people = currentKanaByAtena(TOWN, 5);
        assertThat(people).hasSize(5);
        people.forEach((atena, kana) -> {
            List<ResidentSummary> found = asClerk(TOWN, () -> residents.search(kana));
            assertThat(found).as("search for %s", kana).extracting(row -> row.atenaNumber().value()).contains(atena);
            // a town in the DEFAULT partition never sees the imported town's people
            assertThat(asClerk(OTHER_TOWNS.get(0), () -> residents.search(kana)))
                    .extracting(row -> row.atenaNumber().value()).doesNotContain(atena);
        });
        Map<String, String> nayoro = currentKanaByAtena(OTHER_TOWNS.get(0), 1);
        assertThat(nayoro).hasSize(1);
        nayoro.forEach((atena, kana) -> assertThat(asClerk(OTHER_TOWNS.get(0), () -> residents.search(kana)))
                .extracting(row -> row.atenaNumber().value()).contains(atena));
    }

    private Path generated(String name, long seed, int count) throws Exception {
        Path folder = Files.createDirectories(temporary.resolve(name));
        SyntheticDataset.write(SyntheticRegistry.of(TOWN, seed), count, folder);
        return folder;
    }

    private static Connection owner() throws Exception {
        return TestDatabase.get().ownerConnection();
    }

    private static List<String> leafPartitions() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = owner(); ResultSet rows = connection.createStatement().executeQuery(
                "SELECT relid::text FROM pg_partition_tree('resident_search_key') WHERE isleaf AND level = 1")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** The town's keys read through the parent, counted by the partition that holds them. */
    private static Map<String, Long> keysByPartition(TenantCode town) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = owner(); PreparedStatement query = connection.prepareStatement(
                "SELECT tableoid::regclass::text, COUNT(*) FROM resident_search_key WHERE tenant_id = ? GROUP BY 1")) {
            query.setString(1, town.value());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private static long keysIn(String partition, TenantCode town) throws Exception {
        try (Connection connection = owner(); PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + partition + " WHERE tenant_id = ?")) {
            query.setString(1, town.value());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long partitionOid() throws Exception {
        try (Connection connection = owner(); PreparedStatement query = connection.prepareStatement(
                "SELECT c.oid FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                        + "WHERE i.inhparent = 'resident_search_key'::regclass AND c.relname = ?")) {
            query.setString(1, PARTITION);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("%s attached", PARTITION).isTrue();
                return row.getLong(1);
            }
        }
    }

    private static long keyResidentsWithoutCurrentRecord() throws Exception {
        try (Connection connection = owner(); PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(DISTINCT k.atena_number) FROM resident_search_key k WHERE k.tenant_id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM resident_current c WHERE c.tenant_id = k.tenant_id AND c.atena_number = k.atena_number)")) {
            query.setString(1, TOWN.value());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** 宛名番号 → reading of a few current residents of a town (stable order). */
    private static Map<String, String> currentKanaByAtena(TenantCode town, int limit) throws Exception {
        Map<String, String> people = new HashMap<>();
        try (Connection connection = owner(); PreparedStatement query = connection.prepareStatement(
                "SELECT atena_number, kana FROM resident_current WHERE tenant_id = ? AND status = 'RESIDENT' "
                        + "AND kana IS NOT NULL ORDER BY atena_number LIMIT ?")) {
            query.setString(1, town.value());
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    people.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return people;
    }

    private static List<TableChecksum> checksums(TenantCode town) throws Exception {
        try (Connection connection = owner()) {
            return TenantVault.checksums(connection, town);
        }
    }

    private static Map<TenantCode, List<TableChecksum>> otherTowns() throws Exception {
        Map<TenantCode, List<TableChecksum>> checksums = new HashMap<>();
        for (TenantCode town : OTHER_TOWNS) {
            checksums.put(town, checksums(town));
        }
        return checksums;
    }

    private static Run jc(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--db", TestDatabase.get().url()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = JichitaiCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
