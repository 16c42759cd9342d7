package jp.jichitai.cloud.continuity;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import jp.jichitai.cloud.operations.BatchKind;
import jp.jichitai.cloud.operations.BatchRunLedger;
import jp.jichitai.cloud.shared.DatabaseOptions;
import jp.jichitai.cloud.shared.TenantCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./jc drill restore} (復元訓練) and {@code ./jc drill record-failover} (切替訓練の結果を取り込む). The
 * failover drill itself is {@code ops/cluster/drill-failover.sh}, run by the {@code ./jc} script.
 */
@Command(name = "drill", description = "訓練: restore で団体の復元訓練を行い、record-failover で切替訓練の結果を取り込む。",
        subcommands = {DrillCommand.Restore.class, DrillCommand.RecordFailover.class})
public class DrillCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "restore", description = "団体のデータを訓練用データベースに復元し、全表の行数と検査値を元と比べ、所要時間を測る。")
    static class Restore implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--tenant", paramLabel = "CODE", required = true, description = "団体コード（6桁）")
        String tenant;

        @Option(names = "--from", paramLabel = "FILE",
                description = "この保全ファイルを復元する（合言葉は JC_VAULT_PASSPHRASE か端末から）。既定: その場で書き出す")
        Path from;

        @Override
        public Integer call() throws Exception {
            TenantCode code = TenantCode.of(tenant);
            PrintWriter print = spec.commandLine().getOut();
            Optional<Map.Entry<Path, Passphrase>> file = from == null ? Optional.empty()
                    : Optional.of(Map.entry(from,
                            Passphrase.fromEnvironmentOrTerminal(VaultCommand.environment, System.console(), false)));
            try (Connection source = database.open()) {
                print.printf("drill: 団体 %s を訓練用データベースに復元します（%s）%n", code.value(),
                        from == null ? "その場で書き出したファイル" : from.toString());
                print.flush();
                Instant startedAt = Instant.now();
                RestoreDrill.Report report = RestoreDrill.run(source, database.jdbcUrl(), code, file);
                BatchRunLedger.record(database::open, code, BatchKind.DRILL, startedAt, Instant.now(),
                        spec.commandLine().getErr());
                print.printf(Locale.ROOT, "drill: export %.1f s, scratch database ready %.1f s%n",
                        report.export().toMillis() / 1000.0, report.prepare().toMillis() / 1000.0);
                if (!report.mismatchedTables().isEmpty()) {
                    print.println("drill: 一致しない表: " + String.join(", ", report.mismatchedTables()));
                }
                print.println(report.summaryLine());
                print.flush();
                return report.mismatches() == 0 ? 0 : 1;
            } finally {
                file.ifPresent(entry -> entry.getValue().close());
            }
        }
    }

    @Command(name = "record-failover", description = "切替訓練 (drill failover) の結果 (JSON Lines) をデータベースに取り込む。")
    static class RecordFailover implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--journal", paramLabel = "FILE",
                description = "切替訓練の記録。既定: $JC_DRILLS_DIR/failover.jsonl（なければ data/drills/failover.jsonl）")
        Path journal;

        @Override
        public Integer call() throws Exception {
            Path file = journal == null ? DrillResults.defaultFailoverJournal() : journal;
            try (Connection connection = database.open()) {
                int imported = DrillResults.importFailoverJournal(connection, file);
                spec.commandLine().getOut().printf("drill: %d 件の切替訓練を取り込みました（%s）%n", imported, file);
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }
}
