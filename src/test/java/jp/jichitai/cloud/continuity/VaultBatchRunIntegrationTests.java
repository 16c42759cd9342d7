package jp.jichitai.cloud.continuity;

import static jp.jichitai.cloud.support.TestUsers.IMAKANE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import picocli.CommandLine;

/** {@code ./jc vault export}, run without the service, counts as a batch run in the town's daily aggregate. */
class VaultBatchRunIntegrationTests extends IntegrationTest {

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
    void aVaultExportIsRecordedAsABackupRunOfTheTown() throws Exception {
        long[] before = batchRunsToday();
        VaultCommand.environment = name -> Passphrase.ENVIRONMENT_VARIABLE.equals(name) ? "batch run passphrase" : null;
        List<String> arguments = new ArrayList<>(List.of("vault", "export", "--tenant", IMAKANE.value(), "--out",
                folder.resolve("imakane.jcvault").toString()));
        TestDatabase database = TestDatabase.get();
        arguments.addAll(database.isPostgres() ? List.of("--db", database.url())
                : List.of("--data", database.dataDirectory().toString()));
        StringWriter err = new StringWriter();
        CommandLine commandLine = jp.jichitai.cloud.cli.JichitaiCommand.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));

        assertThat(commandLine.execute(arguments.toArray(String[]::new))).as(err.toString()).isZero();

        long[] after = batchRunsToday();
        // well within the hour a backup may take
        assertThat(after[0]).isEqualTo(before[0] + 1);
        assertThat(after[1]).isEqualTo(before[1] + 1);
        assertThat(err.toString()).doesNotContain("警告");
    }

    private static long[] batchRunsToday() throws Exception {
        try (Connection connection = TestDatabase.get().ownerConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT batch_runs, batch_runs_within_target FROM sla_daily_aggregate
                         WHERE tenant_id = ? AND measured_on = ?""")) {
            select.setString(1, IMAKANE.value());
            select.setObject(2, LocalDate.now(ZoneId.of("Asia/Tokyo")));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new long[] {rows.getLong(1), rows.getLong(2)} : new long[] {0, 0};
            }
        }
    }
}
