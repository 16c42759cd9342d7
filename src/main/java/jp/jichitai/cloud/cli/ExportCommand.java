package jp.jichitai.cloud.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.Callable;

import jp.jichitai.cloud.migration.ExportReport;
import jp.jichitai.cloud.migration.RegistryExport;
import jp.jichitai.cloud.residents.registry.RegistryBulkWriter;
import jp.jichitai.cloud.shared.DatabaseOptions;
import jp.jichitai.cloud.shared.TenantCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./jc export}: the tenant's registry back out as the four standard files (CP932, layout v0). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"団体の住民記録を標準レイアウトの CSV 4 ファイル（CP932）に書き出します。",
                "Exports a tenant's registry as data_cyonei/d0101/d0301/d0603 (CP932, layout v0)."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--tenant", required = true, paramLabel = "CODE", description = "団体コード（6桁）")
    String tenant;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "出力フォルダ")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TenantCode code = TenantCode.of(tenant);
        DatabasePreparation.prepare(database);
        ExportReport report;
        try (Connection connection = database.open()) {
            report = RegistryExport.run(connection, code, output, System.getProperty("user.name", "cli"),
                    RegistryBulkWriter.KeySource.forTool(database.dataDirectory));
        }
        if (!report.written()) {
            report.problems().errorLines().forEach(err::println);
            err.println("書き出せない値があるため、ファイルを作成しませんでした。");
            err.flush();
            return 1;
        }
        report.linesByFile().forEach((file, lines) -> out.printf(Locale.ROOT, "  %-18s %,12d 行%n", file, lines));
        out.printf(Locale.ROOT, "export: %s の %,d 行を %s に書き出しました%n", code.value(), report.totalLines(), output);
        out.flush();
        return 0;
    }
}
