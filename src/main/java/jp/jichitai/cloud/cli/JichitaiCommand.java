package jp.jichitai.cloud.cli;

import jp.jichitai.cloud.shared.DatabaseOptions;

import jp.jichitai.cloud.continuity.DrillCommand;
import jp.jichitai.cloud.continuity.MergeCommand;
import jp.jichitai.cloud.continuity.OfflineCommand;
import jp.jichitai.cloud.continuity.VaultCommand;
import jp.jichitai.cloud.disaster.VictimImportCommand;
import jp.jichitai.cloud.setuptool.SetupToolCommand;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.synthetic.GenerateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The program behind {@code ./jc}. Each subcommand is a tool of its own; only {@code serve} starts
 * Spring, so that the migration tools start in well under a second.
 */
@Command(name = "jc", mixinStandardHelpOptions = true, version = "Jichitai Cloud 0.1",
        description = "自治体クラウド (Jichitai Cloud): shared municipal core systems.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run by the ./jc script itself:",
                "  test      全テストを実行する（H2 と PostgreSQL、ブラウザテストを含む）。",
                "  cluster   検証用クラスタ（PostgreSQL 3ノード + Patroni + etcd + pgBackRest）を up|down|status する。",
                "  drill failover [--scenario crash|node]  切替訓練: 主系を止めて切替時間と損失を測る。",
                "  backup    pgBackRest のバックアップ: full|incr|info|verify|check。"},
        subcommands = {ServeCommand.class, AuditCommand.class, SetupToolCommand.class, GenerateCommand.class,
                VictimImportCommand.class, VaultCommand.class, DrillCommand.class, ImportCommand.class, ExportCommand.class,
                jp.jichitai.cloud.migration.GaijiCommand.class, OfflineCommand.class, MergeCommand.class,
                CommandLine.HelpCommand.class})
public class JichitaiCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] arguments) {
        System.exit(commandLine().execute(arguments));
    }

    /** The command line with its error policy: a refused request prints its message and exits 2. */
    public static CommandLine commandLine() {
        return new CommandLine(new JichitaiCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((failure, command, parsed) -> {
                    if (failure instanceof BusinessException refusal) {
                        command.getErr().println(refusal.messageId() + " " + refusal.japaneseMessage());
                        return 2;
                    }
                    if (failure instanceof java.sql.SQLException database) {
                        command.getErr().println(DatabaseOptions.explain(database).getMessage());
                        return 3;
                    }
                    throw failure;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
