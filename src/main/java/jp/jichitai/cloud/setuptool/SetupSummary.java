package jp.jichitai.cloud.setuptool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.jichitai.cloud.migrationformat.GaijiTally;
import jp.jichitai.cloud.migrationformat.MigrationProblem;
import jp.jichitai.cloud.migrationformat.MigrationProblems;
import jp.jichitai.cloud.shared.MessageId;

/** The reconciliation summary of a setup run, as lines for standard error and the report file. */
public final class SetupSummary {

    private SetupSummary() {
    }

    public static List<String> lines(SetupResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("== データセットアップ集計 (レイアウト " + result.layoutVersion() + ") ==");
        for (FileReconciliation input : result.inputs()) {
            if (input.missing()) {
                lines.add("入力 " + input.fileName() + ": ファイルなし");
                continue;
            }
            lines.add("入力 " + input.fileName() + ": 読込 " + input.read() + " 行 = 使用 " + input.used() + " 行 + 除外 "
                    + input.rejected() + " 行" + (input.headerSkipped() ? "（見出し行を読み飛ばし）" : ""));
            for (Map.Entry<String, Long> reason : input.rejectedByReason().entrySet()) {
                lines.add("  除外 " + reason.getKey() + " " + reasonText(reason.getKey()) + ": " + reason.getValue() + " 行");
            }
            Map<Integer, GaijiTally.Occurrence> gaiji = input.gaiji().occurrences();
            if (gaiji.isEmpty()) {
                lines.add("  外字: なし");
            } else {
                lines.add("  外字: " + gaiji.size() + " 種 " + input.gaiji().total() + " 文字");
                for (GaijiTally.Occurrence occurrence : gaiji.values()) {
                    lines.add("    " + occurrence.codePointText() + " × " + occurrence.count() + "（最初: " + occurrence.firstLine()
                            + " 行 " + occurrence.firstColumn() + " 列）");
                }
            }
        }
        if (result.outputWritten()) {
            lines.add("出力 " + result.outputFileName() + ": 書込 " + result.rowsWritten() + " 行（見出し行を除く）");
        } else {
            lines.add("出力 " + result.outputFileName() + ": 作成していません（エラー " + result.problems().errorCount() + " 件）");
        }
        if (result.rejectsFileName() != null) {
            lines.add("除外行ファイル " + result.rejectsFileName() + ": " + result.rowsInRejectsFile() + " 行（エラーのある行をそのままのバイト列で。エラー "
                    + result.errorsOfRejectedRows() + " 件）");
        }
        MigrationProblems problems = result.problems();
        if (problems.warningCount() > 0) {
            lines.add("警告 " + problems.warningCount() + " 件:");
            for (MigrationProblem warning : problems.listedWarnings()) {
                lines.add("  " + warning.format());
            }
            if (problems.warningCount() > problems.listedWarnings().size()) {
                lines.add("  ほか " + (problems.warningCount() - problems.listedWarnings().size()) + " 件");
            }
        }
        if (problems.hasErrors()) {
            lines.add("エラー " + problems.errorCount() + " 件:");
            lines.addAll(problems.errorLines());
        }
        return lines;
    }

    private static String reasonText(String id) {
        if (id.startsWith("I-")) {
            return MigrationProblems.text(MessageId.of(id));
        }
        return "（エラー）";
    }
}
