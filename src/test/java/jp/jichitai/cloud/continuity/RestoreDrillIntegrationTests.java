package jp.jichitai.cloud.continuity;

import static jp.jichitai.cloud.support.TestUsers.IMAKANE;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import picocli.CommandLine;

/** 復元訓練: restores a town into a scratch database, compares every table, records the result, cleans up. */
class RestoreDrillIntegrationTests extends IntegrationTest {

    private static final Pattern LAST_LINE = Pattern.compile("restore: (\\d+\\.\\d) s, rows (\\d+), mismatches (\\d+)");

    static {
        System.setProperty("jc.vault.pbkdf2-iterations", "210000");
    }

    @TempDir
    Path folder;

    @AfterEach
    void resetEnvironment() {
        VaultCommand.environment = System::getenv;
    }

    @Test
    void aRestoreDrillRestoresEveryRowComparesThemAndRecordsTheResult() throws Exception {
        long tenantRows;
        long scratchDatabasesBefore;
        try (Connection connection = owner()) {
            VaultFixture.addRowsOfEveryKind(connection, NAYORO, 200, 31);
            tenantRows = TenantVault.checksums(connection, NAYORO).stream().mapToLong(TableChecksum::rows).sum();
            scratchDatabasesBefore = scratchDatabases(connection);
        }

        Run drill = run("drill", "restore", "--tenant", NAYORO.value());

        assertThat(drill.status).as(drill.out + drill.err).isZero();
        List<String> lines = drill.out.lines().toList();
        Matcher last = LAST_LINE.matcher(lines.get(lines.size() - 1));
        assertThat(last.matches()).as(lines.get(lines.size() - 1)).isTrue();
        assertThat(Long.parseLong(last.group(2))).isEqualTo(tenantRows);
        assertThat(last.group(3)).isEqualTo("0");
        try (Connection connection = owner()) {
            List<DrillResult> stored = DrillResults.newest(connection, Optional.of(NAYORO), 50);
            assertThat(stored).filteredOn(result -> result.kind() == DrillKind.RESTORE)
                    .first().satisfies(result -> {
                        assertThat(result.tenant()).contains(NAYORO);
                        assertThat(result.passed()).isTrue();
                        assertThat(result.rowsChecked()).isEqualTo(tenantRows);
                        assertThat(result.summary()).isEqualTo(lines.get(lines.size() - 1));
                    });
            assertThat(DrillResults.newest(connection, Optional.of(IMAKANE), 50))
                    .as("another town does not see Nayoro's restore drills")
                    .noneMatch(result -> result.tenant().filter(NAYORO::equals).isPresent());
            assertThat(scratchDatabases(connection)).as("the scratch database is dropped").isEqualTo(scratchDatabasesBefore);
        }
    }

    @Test
    void aDrillFromAVaultFileOfAnotherTownIsRefused() throws Exception {
        Path file = folder.resolve("imakane.jcvault");
        VaultCommand.environment = name -> Passphrase.ENVIRONMENT_VARIABLE.equals(name) ? "drill passphrase 1234" : null;
        assertThat(run("vault", "export", "--tenant", IMAKANE.value(), "--out", file.toString()).status).isZero();

        Run drill = run("drill", "restore", "--tenant", NAYORO.value(), "--from", file.toString());

        assertThat(drill.status).isNotZero();
        assertThat(drill.err).contains("E-CON-0005", "013706");
        Run fromOwnFile = run("drill", "restore", "--tenant", IMAKANE.value(), "--from", file.toString());
        assertThat(fromOwnFile.status).as(fromOwnFile.err).isZero();
        assertThat(fromOwnFile.out).containsPattern(LAST_LINE.pattern() + "\\s*$");
    }

    @Test
    void failoverDrillsAreImportedOnceFromTheJournal() throws Exception {
        Path journal = folder.resolve("failover.jsonl");
        Files.writeString(journal, """
                {"at": "2026-11-20T10:00:00+00:00", "drillId": "20261120T100000.000000Z-crash", "scenario": "crash", "recoverySeconds": 3.46, "acknowledged": 812, "lost": 0, "singleCopySeconds": 0.0, "samples": []}
                {"at": "2026-11-20T11:00:00+00:00", "drillId": "20261120T110000.000000Z-node", "scenario": "node", "recoverySeconds": null, "acknowledged": 90, "lost": 0, "singleCopySeconds": 0.0}
                """);

        Run first = run("drill", "record-failover", "--journal", journal.toString());
        Run second = run("drill", "record-failover", "--journal", journal.toString());

        assertThat(first.out).contains("2 件");
        assertThat(second.out).contains("0 件");
        try (Connection connection = owner()) {
            List<DrillResult> failovers = DrillResults.newest(connection, Optional.of(IMAKANE), 100).stream()
                    .filter(result -> result.kind() == DrillKind.FAILOVER && result.drillId().contains("20261120")).toList();
            assertThat(failovers).extracting(DrillResult::scenario).containsExactly("node", "crash");
            assertThat(failovers.get(1).summary()).isEqualTo("failover: recovery 3.5 s, acknowledged 812, lost 0, single-copy 0.0 s");
            assertThat(failovers.get(1).passed()).isTrue();
            assertThat(failovers.get(0).passed()).as("a drill whose service never came back failed").isFalse();
        }
    }

    private static long scratchDatabases(Connection connection) throws Exception {
        if (!TestDatabase.get().isPostgres()) {
            return 0;
        }
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT COUNT(*) FROM pg_database WHERE datname LIKE 'jc_drill_%'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection owner() throws Exception {
        return TestDatabase.get().ownerConnection();
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        TestDatabase database = TestDatabase.get();
        all.addAll(database.isPostgres() ? List.of("--db", database.url())
                : List.of("--data", database.dataDirectory().toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = jp.jichitai.cloud.cli.JichitaiCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }
}
