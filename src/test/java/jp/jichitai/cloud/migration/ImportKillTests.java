package jp.jichitai.cloud.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.jichitai.cloud.cli.JichitaiCommand;
import jp.jichitai.cloud.continuity.TableChecksum;
import jp.jichitai.cloud.continuity.TenantVault;
import jp.jichitai.cloud.migration.internal.RegistryProjection;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.synthetic.SyntheticDataset;
import jp.jichitai.cloud.synthetic.SyntheticRegistry;

/**
 * A {@code jc import} killed (SIGKILL) in the middle of loading, and another killed while the projection into the
 * registry runs (the registry partly written in the import's transaction), each leave the tenant exactly as it was,
 * every table compared by checksum, and the same import run again succeeds. On H2 and, when reachable, PostgreSQL
 * (COPY). Both kills share one database and one set of files per database.
 */
class ImportKillTests {

    private static final TenantCode TOWN = TenantCode.of("012211");

    @TempDir
    Path temporary;

    @Test
    void aKilledImportLeavesTheTenantAsItWasOnH2() throws Exception {
        try (MigrationDatabaseFixture database = MigrationDatabaseFixture.h2(temporary.resolve("data"), TOWN.value())) {
            killMidLoadThenRerun(database);
        }
    }

    @Test
    void aKilledImportLeavesTheTenantAsItWasOnPostgres() throws Exception {
        MigrationDatabaseFixture database = MigrationDatabaseFixture.postgresOrNull(temporary.resolve("data"), TOWN.value());
        Assumptions.assumeTrue(database != null, "PostgreSQL at 127.0.0.1:5432 is not available");
        try (database) {
            killMidLoadThenRerun(database);
        }
    }

    private void killMidLoadThenRerun(MigrationDatabaseFixture database) throws Exception {
        Path first = Files.createDirectories(temporary.resolve("first"));
        Path second = Files.createDirectories(temporary.resolve("second"));
        SyntheticDataset.write(SyntheticRegistry.of(TOWN, 11), 40, first);
        SyntheticDataset.write(SyntheticRegistry.of(TOWN, 12), 15_000, second);
        try (Connection connection = database.open()) {
            assertThat(RegistryImport.run(connection, ImportRequest.of(TOWN, first)).committed()).isTrue();
        }
        List<TableChecksum> before = checksums(database);

        Process killed = jc(database, "import", "--tenant", TOWN.value(), "--in", second.toString(), "--replace",
                "--progress-every", "1000").start();
        List<String> output = new ArrayList<>();
        boolean loading = waitForLine(killed, output, "取込中: data_d0101.csv");
        killed.destroyForcibly();
        assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(loading).as("the import reported progress before it was killed: %s", output).isTrue();
        assertThat(String.join("\n", output)).doesNotContain("import: ");

        assertThat(checksums(database)).as("every table of the tenant after the kill").isEqualTo(before);

        // Killed while the projection runs: the first households are in the registry (uncommitted) and it pauses.
        Process killedInProjection = jc(database, List.of("-D" + RegistryProjection.PAUSE_PROPERTY + "=120"), "import",
                "--tenant", TOWN.value(), "--in", second.toString(), "--replace").start();
        List<String> projectionOutput = new ArrayList<>();
        boolean projecting = waitForLine(killedInProjection, projectionOutput, "試験用の一時停止");
        assertThat(projecting).as("the import reached the projection: %s", projectionOutput).isTrue();
        if (database.isPostgres()) {
            // The transaction is open and holds the new rows; nothing of it is visible from outside. (An H2 file
            // is locked by the process that has it open: there the check is only after the kill.)
            try (Connection connection = database.open()) {
                assertThat(TenantVault.checksums(connection, TOWN)).isEqualTo(before);
            }
        }
        killedInProjection.destroyForcibly();
        assertThat(killedInProjection.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(String.join("\n", projectionOutput)).doesNotContain("import: ");
        assertThat(checksums(database)).as("every table of the tenant after the kill in the projection").isEqualTo(before);

        Process rerun = jc(database, "import", "--tenant", TOWN.value(), "--in", second.toString(), "--replace").start();
        String rerunOutput = new String(rerun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(rerun.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(rerun.exitValue()).as(rerunOutput).isZero();
        try (Connection connection = database.open()) {
            long rows = jp.jichitai.cloud.migration.internal.MigratedTable.countRows(connection, "migrated_resident_row",
                    TOWN.value());
            long lines = Files.lines(second.resolve("data_d0101.csv"), MigrationDatabaseFixture.CP932).count();
            assertThat(rows).isEqualTo(lines);
        }
    }

    private static List<TableChecksum> checksums(MigrationDatabaseFixture database) throws Exception {
        try (Connection connection = database.open()) {
            return TenantVault.checksums(connection, TOWN);
        }
    }

    /** Reads the process's output until a line contains {@code marker} (true) or the output ends (false). */
    private static boolean waitForLine(Process process, List<String> lines, String marker) throws Exception {
        CompletableFuture<Boolean> found = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.contains(marker)) {
                        return true;
                    }
                }
                return false;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return found.get(10, TimeUnit.MINUTES);
    }

    private static ProcessBuilder jc(MigrationDatabaseFixture database, String... arguments) {
        return jc(database, List.of(), arguments);
    }

    private static ProcessBuilder jc(MigrationDatabaseFixture database, List<String> jvmOptions, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JichitaiCommand.class.getName()));
        command.addAll(List.of(arguments));
        command.addAll(database.databaseArguments());
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
