package jp.jichitai.cloud.continuity;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import jp.jichitai.cloud.audit.AuditChains;
import jp.jichitai.cloud.operations.BatchKind;
import jp.jichitai.cloud.operations.BatchRunLedger;
import jp.jichitai.cloud.shared.DatabaseOptions;
import jp.jichitai.cloud.shared.TenantCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./jc vault export|verify|restore}: the tenant's custody file (情報保全). The passphrase comes from
 * {@code JC_VAULT_PASSPHRASE} or the terminal, never from an option.
 */
@Command(name = "vault", description = "団体ごとの情報保全ファイル（暗号化）を作成・検査・復元する。",
        subcommands = {VaultCommand.Export.class, VaultCommand.Verify.class, VaultCommand.Restore.class})
public class VaultCommand implements Runnable {

    static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Tokyo"));

    /** Where the passphrase is looked up; replaced by tests, which cannot set environment variables. */
    static Function<String, String> environment = System::getenv;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", description = "団体の全データを1つの暗号化ファイルに書き出す。")
    static class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--tenant", paramLabel = "CODE", required = true, description = "団体コード（6桁）")
        String tenant;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "書き出すファイル")
        Path out;

        @Override
        public Integer call() throws Exception {
            TenantCode code = TenantCode.of(tenant);
            long started = System.nanoTime();
            Instant startedAt = Instant.now();
            try (Passphrase passphrase = Passphrase.fromEnvironmentOrTerminal(environment, System.console(), true);
                    Connection connection = database.open()) {
                VaultManifest manifest = TenantVault.export(connection, code, out, passphrase);
                audit(connection, code, "vault.export", String.format(Locale.ROOT, "tables %d, rows %d, file %s",
                        manifest.tables().size(), manifest.totalRows(), out.getFileName()));
                PrintWriter print = spec.commandLine().getOut();
                printManifest(print, manifest);
                print.printf(Locale.ROOT, "vault: exported %s, tables %d, rows %d, %s (%.1f s)%n", code.value(),
                        manifest.tables().size(), manifest.totalRows(), out, seconds(started));
                print.flush();
                BatchRunLedger.record(database::open, code, BatchKind.BACKUP, startedAt, Instant.now(),
                        spec.commandLine().getErr());
                return 0;
            }
        }
    }

    @Command(name = "verify", description = "保全ファイルを復号し、改ざん・破損がないか全表の検査値を確かめる。")
    static class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "保全ファイル")
        Path file;

        @Option(names = "--data", paramLabel = "DIR", description = "検査をアクセスログに記録するデータフォルダ（任意）")
        Path dataDirectory;

        @Option(names = "--db", paramLabel = "URL", description = "検査をアクセスログに記録する PostgreSQL（任意。JC_DB_URL でも可）")
        String databaseUrl;

        @Override
        public Integer call() throws Exception {
            try (Passphrase passphrase = Passphrase.fromEnvironmentOrTerminal(environment, System.console(), false)) {
                VaultManifest manifest = TenantVault.verify(file, passphrase);
                PrintWriter print = spec.commandLine().getOut();
                printManifest(print, manifest);
                // A file is often checked on the town's own premises, away from any database: recorded when one is named.
                if (dataDirectory != null || databaseUrl != null || environment.apply("JC_DB_URL") != null) {
                    DatabaseOptions database = new DatabaseOptions();
                    if (dataDirectory != null) {
                        database.dataDirectory = dataDirectory;
                    }
                    database.databaseUrl = databaseUrl;
                    try (Connection connection = database.open()) {
                        audit(connection, manifest.tenant(), "vault.verify", String.format(Locale.ROOT,
                                "tables %d, rows %d, file %s", manifest.tables().size(), manifest.totalRows(),
                                file.getFileName()));
                    }
                }
                print.printf(Locale.ROOT, "vault: verified %s, tables %d, rows %d%n", manifest.tenant().value(),
                        manifest.tables().size(), manifest.totalRows());
                print.flush();
                return 0;
            }
        }
    }

    @Command(name = "restore", description = "保全ファイルから団体のデータを復元する（他の団体には触れない。1トランザクション）。")
    static class Restore implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--tenant", paramLabel = "CODE", required = true, description = "復元する団体コード（ファイルの団体と一致すること）")
        String tenant;

        @Parameters(paramLabel = "FILE", description = "保全ファイル")
        Path file;

        @Override
        public Integer call() throws Exception {
            TenantCode code = TenantCode.of(tenant);
            Instant startedAt = Instant.now();
            try (Passphrase passphrase = Passphrase.fromEnvironmentOrTerminal(environment, System.console(), false);
                    Connection connection = database.open()) {
                RestoreOutcome outcome = TenantVault.restore(connection, code, file, passphrase);
                // after the commit, on the town's live chain (kept whole, or the file's where there was none):
                // the restore itself is the newest entry of the town's log
                audit(connection, code, "vault.restore", String.format(Locale.ROOT, "tables %d, rows %d, file %s",
                        outcome.manifest().tables().size(), outcome.rowsRestored(), file.getFileName()));
                BatchRunLedger.record(database::open, code, BatchKind.IMPORT, startedAt, Instant.now(),
                        spec.commandLine().getErr());
                PrintWriter print = spec.commandLine().getOut();
                printManifest(print, outcome.manifest());
                if (!outcome.keptTables().isEmpty()) {
                    print.printf("アクセスログは消さずにそのまま残しました（追記のみの記録のため）: %s%n",
                            String.join(", ", outcome.keptTables()));
                }
                print.printf(Locale.ROOT, "vault: restored %s, tables %d, rows %d (%.1f s)%n", code.value(),
                        outcome.manifest().tables().size(), outcome.rowsRestored(),
                        outcome.elapsed().toMillis() / 1000.0);
                print.flush();
                return 0;
            }
        }
    }

    /** An entry in the town's アクセスログ, written by the tool itself (no service is running). */
    static void audit(Connection connection, TenantCode tenant, String action, String counts) throws java.sql.SQLException {
        AuditChains.appendDirect(connection, tenant.value(), OfflineCommand.commandLineUser(), "cli", action,
                "tenant:" + tenant.value(), counts);
    }

    static void printManifest(PrintWriter print, VaultManifest manifest) {
        print.printf("団体: %s %s%n", manifest.tenant().value(), manifest.tenantName());
        print.printf("データベース版: %s%n", manifest.schemaVersion());
        print.printf("作成日時: %s（日本時間）%n", LOCAL_TIME.format(manifest.createdAt()));
        print.printf("%-32s %10s  %s%n", "表", "行数", "SHA-256");
        for (VaultManifest.Table table : manifest.tables()) {
            print.printf(Locale.ROOT, "%-32s %10d  %s%n", table.name(), table.rows(), table.sha256());
        }
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
