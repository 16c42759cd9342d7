package jp.jichitai.cloud.continuity;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.Callable;

import jp.jichitai.cloud.residents.registry.RegistryBulkWriter;
import jp.jichitai.cloud.shared.DatabaseOptions;
import jp.jichitai.cloud.shared.TenantCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./jc offline snapshot|changes}: the two files of オフライン運用. The passphrase comes from
 * {@code JC_VAULT_PASSPHRASE} or the terminal, as for vault files.
 */
@Command(name = "offline", description = "オフライン運用: snapshot で団体の暗号化スナップショットを作り、changes で端末の変更を書き出す。",
        subcommands = {OfflineCommand.Snapshot.class, OfflineCommand.Changes.class})
public class OfflineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Who ran a command-line tool, for the records it writes. */
    static String commandLineUser() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    @Command(name = "snapshot", description = "団体の住民記録・被災者台帳などを、オフライン運用用の暗号化スナップショットに書き出す（中央のデータベースで実行）。")
    static class Snapshot implements Callable<Integer> {

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
            try (Passphrase passphrase = Passphrase.fromEnvironmentOrTerminal(VaultCommand.environment, System.console(), true);
                    Connection connection = database.open()) {
                OfflineOperation.Snapshot snapshot = OfflineOperation.takeSnapshot(connection, code, out, passphrase,
                        commandLineUser(), RegistryBulkWriter.KeySource.forTool(database.dataDirectory));
                VaultCommand.audit(connection, code, "offline.snapshot", String.format(Locale.ROOT,
                        "snapshot %d, tables %d, rows %d, file %s", snapshot.number(), snapshot.manifest().tables().size(),
                        snapshot.manifest().totalRows(), out.getFileName()));
                PrintWriter print = spec.commandLine().getOut();
                print.printf(Locale.ROOT, "offline: snapshot %d of %s, tables %d, rows %d, %s%n", snapshot.number(),
                        code.value(), snapshot.manifest().tables().size(), snapshot.manifest().totalRows(), out);
                print.printf("端末では ./jc serve --offline %s --data <空のフォルダ> で起動します。%n", out);
                print.flush();
                return 0;
            }
        }
    }

    @Command(name = "changes", description = "オフライン運用の端末で行った変更を、中央に取り込むための暗号化ファイルに書き出す（端末で実行）。")
    static class Changes implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "書き出すファイル")
        Path out;

        @Override
        public Integer call() throws Exception {
            try (Passphrase passphrase = Passphrase.fromEnvironmentOrTerminal(VaultCommand.environment, System.console(), false);
                    Connection connection = database.open()) {
                OfflineOperation.Changes changes = OfflineOperation.exportChanges(connection, database.dataDirectory,
                        out, passphrase);
                VaultCommand.audit(connection, changes.tenant(), "offline.changes", String.format(Locale.ROOT,
                        "snapshot %d, tables %d, rows %d, file %s", changes.snapshotNumber(), changes.tables(),
                        changes.rows(), out.getFileName()));
                PrintWriter print = spec.commandLine().getOut();
                print.printf(Locale.ROOT, "offline: changes of %s since snapshot %d, tables %d, rows %d, %s%n",
                        changes.tenant().value(), changes.snapshotNumber(), changes.tables(), changes.rows(), out);
                print.flush();
                return 0;
            }
        }
    }
}
