package jp.jichitai.cloud.fitgap;

import java.io.OutputStream;
import jp.jichitai.cloud.fitgap.internal.WorkbookWriter;

/**
 * フィット&ギャップ分析表 (the analysis as an Excel workbook): sheet {@value #ANALYSIS_SHEET} with one row
 * per step in the layout of the source document's table (No, 業務, 確認事項, 現行の運用, 判定, 対応策,
 * 担当, 期限), and sheet {@value #SUMMARY_SHEET} with the count per class and the completion rate.
 */
public final class FitGapWorkbook {

    public static final String ANALYSIS_SHEET = "フィット&ギャップ分析";
    public static final String SUMMARY_SHEET = "集計";

    private FitGapWorkbook() {
    }

    /** Writes the workbook (.xlsx) to the stream; the stream is left open. */
    public static void write(FitGapAnalysis analysis, OutputStream out) {
        WorkbookWriter.write(analysis, out);
    }
}
