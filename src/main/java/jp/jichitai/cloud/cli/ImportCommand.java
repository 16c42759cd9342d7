package jp.jichitai.cloud.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.jichitai.cloud.migration.FileTally;
import jp.jichitai.cloud.migration.ImportReport;
import jp.jichitai.cloud.migration.ImportRequest;
import jp.jichitai.cloud.migration.RegistryImport;
import jp.jichitai.cloud.migrationformat.GaijiTally;
import jp.jichitai.cloud.migrationformat.Layouts;
import jp.jichitai.cloud.migrationformat.MigrationProblems;
import jp.jichitai.cloud.residents.registry.RegistryBulkWriter;
import jp.jichitai.cloud.shared.DatabaseOptions;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;
import jp.jichitai.cloud.shared.TenantCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./jc import}: the four standard files into a tenant's registry, all or nothing (or with a rejects file),
 * followed by the reconciliation summary. Exit status: 0 imported or unchanged, 1 invalid rows (nothing written),
 * 2 refused (unknown tenant, registry already holding residents), 3 database unavailable.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"標準レイアウトの CSV 4 ファイルを団体の住民記録に取り込みます（1トランザクション、誤りがあれば何も書きません）。",
                "Imports data_cyonei/d0101/d0301/d0603 (CP932, layout v0) into a tenant's registry."})
final class ImportCommand implements Callable<Integer> {

    private static final Messages MESSAGES = Messages.of("migration");

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--tenant", required = true, paramLabel = "CODE", description = "団体コード（6桁）")
    String tenant;

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "4 ファイルのあるフォルダ")
    Path input;

    @Option(names = "--replace", description = "取込済みの住民データを置き換える（1トランザクション）")
    boolean replace;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "誤りのある行をこのファイルに（元のバイトのまま、理由つきで）書き出し、正しい行だけを取り込む")
    Path rejects;

    @Option(names = "--layout", paramLabel = "VERSION", defaultValue = Layouts.DEFAULT_VERSION,
            description = "レイアウトの版。既定: ${DEFAULT-VALUE}")
    String layout;

    @Option(names = "--progress-every", paramLabel = "ROWS", hidden = true,
            defaultValue = "" + ImportRequest.DEFAULT_PROGRESS_EVERY)
    long progressEvery;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TenantCode code = TenantCode.of(tenant);
        DatabasePreparation.prepare(database);
        ImportRequest request = new ImportRequest(code, input, replace, rejects, layout,
                System.getProperty("user.name", "cli"), MigrationProblems.DEFAULT_LIST_LIMIT, progressEvery, line -> {
                    err.println(line);
                    err.flush();
                });
        long started = System.nanoTime();
        ImportReport report;
        try (Connection connection = database.open()) {
            report = RegistryImport.run(connection, request, RegistryBulkWriter.KeySource.forTool(database.dataDirectory));
        }
        report.problems().errorLines().forEach(err::println);
        if (report.outcome() == ImportReport.Outcome.UNCHANGED) {
            out.println("I-MIG-0501 " + MESSAGES.text(MessageId.of("I-MIG-0501"), report.inputSha256()));
        } else if (report.outcome() == ImportReport.Outcome.INVALID) {
            printSummary(out, report);
            err.println("E-MIG-0505 " + MESSAGES.text(MessageId.of("E-MIG-0505"), report.problems().errorCount()));
        } else {
            printSummary(out, report);
            out.printf(Locale.ROOT, "import: %s に %,d 行を取り込みました（置き換えた行 %,d、%.1f 秒）%n", code.value(),
                    report.rowsImported(), report.rowsReplaced(), (System.nanoTime() - started) / 1e9);
        }
        out.flush();
        err.flush();
        return report.outcome() == ImportReport.Outcome.INVALID ? 1 : 0;
    }

    /** 突合結果: per file, rows read = imported + rejected, with the reasons and the 外字 seen. */
    static void printSummary(PrintWriter out, ImportReport report) {
        out.println("突合結果 (reconciliation):");
        out.printf("  %-18s %12s %12s %12s %8s%n", "ファイル", "読込", "取込", "除外", "外字");
        for (FileTally file : report.files()) {
            out.printf(Locale.ROOT, "  %-18s %,12d %,12d %,12d %,8d%n", file.fileName(), file.read(), file.imported(),
                    file.rejected(), file.gaiji().total());
            for (Map.Entry<String, Long> reason : file.rejectedByReason().entrySet()) {
                out.printf(Locale.ROOT, "      除外 %s: %,d%n", reason.getKey(), reason.getValue());
            }
            for (GaijiTally.Occurrence gaiji : file.gaiji().occurrences().values()) {
                out.printf(Locale.ROOT, "      外字 %s: %,d（初出 %d 行 %d 列）%n", gaiji.codePointText(), gaiji.count(),
                        gaiji.firstLine(), gaiji.firstColumn());
            }
        }
        out.printf(Locale.ROOT, "  %-18s %,12d %,12d %,12d %,8d%n", "合計", report.rowsRead(), report.rowsImported(),
                report.rowsRejected(), report.gaijiSeen());
        if (report.rejectsWritten() > 0) {
            out.printf(Locale.ROOT, "  除外した行の書出し: %,d 行%n", report.rejectsWritten());
        }
    }
}
