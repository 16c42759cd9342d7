package jp.jichitai.cloud.fitgap;

import static jp.jichitai.cloud.fitgap.NayoroAnalysisFixture.nayoroVictimSupportAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class FitGapWorkbookTests {

    private static final DataFormatter FORMATTER = new DataFormatter();

    @Test
    void workbookShowsEachStepsClassificationInTheSourceDocumentsLayout() throws IOException {
        try (Workbook workbook = exported()) {
            Sheet sheet = workbook.getSheet(FitGapWorkbook.ANALYSIS_SHEET);
            int headerRow = headerRowOf(sheet);

            assertThat(cells(sheet.getRow(headerRow)))
                    .containsExactly("No", "業務", "確認事項", "現行の運用", "判定", "対応策", "担当", "期限");
            assertThat(text(sheet, 1, 0)).contains("012211");
            Map<String, List<String>> rows = new LinkedHashMap<>();
            for (int i = headerRow + 1; i <= sheet.getLastRowNum(); i++) {
                List<String> cells = cells(sheet.getRow(i));
                rows.put(cells.get(1), cells);
            }
            assertThat(rows.keySet()).containsExactly(
                    "001 被災状況の届出", "002 本人認証", "003 個人検索", "004 被災家屋調査・被害認定", "005 証明書発行の申請");
            assertThat(rows.get("001 被災状況の届出")).containsSequence("事務変更", "設置場所の整理・検討を行う", "総務課", "2013/03/31");
            assertThat(rows.get("001 被災状況の届出").get(2)).contains("臨時業務窓口の設置場所");
            assertThat(rows.get("002 本人認証").get(4)).isEqualTo("事務変更");
            assertThat(rows.get("003 個人検索").get(4)).isEqualTo("導入可");
            assertThat(rows.get("004 被災家屋調査・被害認定").get(4)).isEqualTo("仕様変更");
            assertThat(rows.get("005 証明書発行の申請").get(4)).isEmpty();
            assertThat(rows.get("002 本人認証").get(0)).isEqualTo("2");
        }
    }

    @Test
    void summarySheetCountsTheClassesOfTheAnalysisSheet() throws IOException {
        try (Workbook workbook = exported()) {
            Sheet analysisSheet = workbook.getSheet(FitGapWorkbook.ANALYSIS_SHEET);
            int headerRow = headerRowOf(analysisSheet);
            Map<String, Integer> countedFromRows = new LinkedHashMap<>();
            for (int i = headerRow + 1; i <= analysisSheet.getLastRowNum(); i++) {
                String fitGapClass = text(analysisSheet, i, 4);
                countedFromRows.merge(fitGapClass.isEmpty() ? "未判定" : fitGapClass, 1, Integer::sum);
            }
            Map<String, String> summary = new LinkedHashMap<>();
            Sheet summarySheet = workbook.getSheet(FitGapWorkbook.SUMMARY_SHEET);
            for (int i = 1; i <= summarySheet.getLastRowNum(); i++) {
                summary.put(text(summarySheet, i, 0), text(summarySheet, i, 1));
            }

            assertThat(summary).containsEntry("導入可", "1").containsEntry("事務変更", "2").containsEntry("仕様変更", "1")
                    .containsEntry("双方変更", "0").containsEntry("導入しない", "0").containsEntry("未判定", "1")
                    .containsEntry("合計", "5").containsEntry("完了", "3").containsEntry("完了率（%）", "60");
            countedFromRows.forEach((fitGapClass, count) ->
                    assertThat(summary).containsEntry(fitGapClass, Integer.toString(count)));
        }
    }

    @Test
    void classColumnOffersTheFiveClassesAsADropDown() throws IOException {
        try (XSSFWorkbook workbook = exported()) {
            var validations = workbook.getSheet(FitGapWorkbook.ANALYSIS_SHEET).getDataValidations();

            assertThat(validations).hasSize(1);
            assertThat(validations.get(0).getValidationConstraint().getExplicitListValues())
                    .containsExactly("導入可", "事務変更", "仕様変更", "双方変更", "導入しない");
        }
    }

    private static XSSFWorkbook exported() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FitGapWorkbook.write(nayoroVictimSupportAnalysis(), out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static int headerRowOf(Sheet sheet) {
        for (Row row : sheet) {
            if ("No".equals(FORMATTER.formatCellValue(row.getCell(0)))) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no header row");
    }

    private static List<String> cells(Row row) {
        return java.util.stream.IntStream.range(0, row.getLastCellNum())
                .mapToObj(i -> FORMATTER.formatCellValue(row.getCell(i))).toList();
    }

    private static String text(Sheet sheet, int row, int column) {
        return FORMATTER.formatCellValue(sheet.getRow(row).getCell(column));
    }
}
