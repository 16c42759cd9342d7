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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./jc merge --tenant CODE FILE}: takes an offline instance's changes into the central database. */
@Command(name = "merge", description = "オフライン運用の変更ファイルを中央のデータベースに取り込む。反映できない変更は競合として記録し、上書きしない。")
public class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--tenant", paramLabel = "CODE", required = true, description = "取り込む団体コード（ファイルの団体と一致すること）")
    String tenant;

    @Parameters(paramLabel = "FILE", description = "オフライン変更ファイル（./jc offline changes で作成）")
    Path file;

    @Override
    public Integer call() throws Exception {
        TenantCode code = TenantCode.of(tenant);
        try (Passphrase passphrase = Passphrase.fromEnvironmentOrTerminal(VaultCommand.environment, System.console(), false);
                Connection connection = database.open()) {
            OfflineOperation.MergeReport report = OfflineOperation.merge(connection, code, file, passphrase,
                    OfflineCommand.commandLineUser(), RegistryBulkWriter.KeySource.forTool(database.dataDirectory));
            VaultCommand.audit(connection, code, "offline.merge", String.format(Locale.ROOT,
                    "file %s, applied %d, already %d, not merged %d, conflicts %d new %d known, offline access log %d",
                    file.getFileName(), report.applied(), report.alreadyApplied(), report.ignored(),
                    report.newConflicts(), report.knownConflicts(), report.offlineLogEntries()));
            PrintWriter print = spec.commandLine().getOut();
            if (report.newConflicts() + report.knownConflicts() > 0) {
                print.println("競合があります。団体管理者の画面「オフライン運用」（/admin/offline）で、どちらを採用するか決めてください。");
            }
            print.printf(Locale.ROOT, "merge: applied %d, already applied %d, not merged %d, conflicts %d new, %d known, "
                    + "offline access log entries %d%n", report.applied(), report.alreadyApplied(), report.ignored(),
                    report.newConflicts(), report.knownConflicts(), report.offlineLogEntries());
            print.flush();
            return 0;
        }
    }
}
