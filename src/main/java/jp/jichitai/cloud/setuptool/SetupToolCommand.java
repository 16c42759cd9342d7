package jp.jichitai.cloud.setuptool;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import jp.jichitai.cloud.migrationformat.GaijiMap;
import jp.jichitai.cloud.migrationformat.Layouts;
import jp.jichitai.cloud.shared.BusinessException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code setup-tool}: the data setup tool of the victim support system (被災者支援システム用データセットアップツール).
 * Exit code 0 when the import file was written, 1 when the input had errors (every error listed as
 * {@code FILE:LINE:COLUMN: ID text}, and no output file), 2 for a wrong command line. With
 * {@code --rejects FILE}, rows with errors are written to FILE and the output is made from the other rows
 * (exit 0); errors that are not about one row (a missing or refused file, an output that cannot be written)
 * still stop it.
 */
@Command(name = "setup-tool", mixinStandardHelpOptions = true,
        description = {"標準レイアウトの CSV 4 ファイル (data_cyonei, data_d0101, data_d0301, data_d0603) から被災者支援システムの取込ファイルを作ります。",
                "Converts the four standard migration CSVs (CP932) into the victim support system's import file."})
public final class SetupToolCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "入力フォルダ (the four CSV files)")
    Path inputDirectory;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "出力ファイル (victim support import file, CP932)")
    Path output;

    @Option(names = "--report", paramLabel = "FILE", description = "集計とエラーの一覧を書くファイル (UTF-8)")
    Path report;

    @Option(names = "--gaiji", paramLabel = "MAP", description = "外字マップ: UTF-8, one line per 外字: U+E000<TAB>代わりの文字")
    Path gaijiMap;

    @Option(names = "--layout", paramLabel = "VERSION", defaultValue = Layouts.DEFAULT_VERSION,
            description = "レイアウトの版 (built-in version or a folder of layout files), default ${DEFAULT-VALUE}")
    String layout;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "除外行ファイル: エラーのある行を元のバイト列のまま理由とともにここへ書き、残りの行で出力を作る (format: docs/migration-format.md)")
    Path rejects;

    @Option(names = "--skip-header", description = "各ファイルの1行目を見出し行として読み飛ばす")
    boolean skipHeader;

    @Option(names = "--error-limit", paramLabel = "N", defaultValue = "100", description = "一覧に出すエラーの最大数, default ${DEFAULT-VALUE}")
    int errorLimit;

    public static void main(String[] arguments) {
        DataSetup.prepareInBackground();
        System.exit(new CommandLine(new SetupToolCommand()).execute(arguments));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        GaijiMap gaiji = GaijiMap.none();
        if (gaijiMap != null) {
            try {
                gaiji = GaijiMap.read(gaijiMap);
            } catch (BusinessException e) {
                err.println(gaijiMap.getFileName() + ": " + e.messageId() + " " + e.japaneseMessage());
                err.flush();
                return 1;
            }
        }
        SetupResult result = DataSetup.run(new DataSetup.Options(inputDirectory, output, layout, skipHeader, gaiji,
                errorLimit, line -> {
                    err.println(line);
                    err.flush();
                }, rejects));
        List<String> summary = SetupSummary.lines(result);
        summary.forEach(err::println);
        err.flush();
        if (report != null) {
            Files.write(report, summary, StandardCharsets.UTF_8);
        }
        return result.succeeded() ? 0 : 1;
    }
}
