package jp.jichitai.cloud.fitgap.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jp.jichitai.cloud.fitgap.FitGapAnalysis;
import jp.jichitai.cloud.fitgap.FitGapClass;
import jp.jichitai.cloud.fitgap.FitGapMessages;
import jp.jichitai.cloud.fitgap.FitGapSummary;
import jp.jichitai.cloud.fitgap.FitGapWorkbook;
import jp.jichitai.cloud.fitgap.ProcedureStep;
import jp.jichitai.cloud.fitgap.ReadinessCheck;
import jp.jichitai.cloud.fitgap.StepAssessment;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Lays the analysis out as the source document's fit and gap table, with Apache POI. */
public final class WorkbookWriter {

    public static final List<String> HEADERS = List.of("No", "業務", "確認事項", "現行の運用", "判定", "対応策", "担当", "期限");
    /** Title, tenant and template lines, a blank line, then the header row. */
    public static final int HEADER_ROW = 4;
    private static final int CLASS_COLUMN = 4;
    private static final int[] COLUMN_WIDTHS = {5, 22, 50, 40, 12, 40, 14, 12};
    private static final DateTimeFormatter DUE_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");

    private WorkbookWriter() {
    }

    public static void write(FitGapAnalysis analysis, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            writeAnalysis(analysis, workbook.createSheet(FitGapWorkbook.ANALYSIS_SHEET), styles);
            writeSummary(analysis, workbook.createSheet(FitGapWorkbook.SUMMARY_SHEET), styles);
            workbook.write(out);
        } catch (IOException e) {
            throw FitGapMessages.refusal("E-FIT-0008", e.getMessage());
        }
    }

    private static void writeAnalysis(FitGapAnalysis analysis, Sheet sheet, Styles styles) {
        text(sheet.createRow(0), 0, analysis.template().name(), styles.title);
        text(sheet.createRow(1), 0, "団体コード: " + analysis.tenant().value(), null);
        text(sheet.createRow(2), 0, "手順書: " + analysis.template().id() + " Version " + analysis.template().version(), null);

        Row header = sheet.createRow(HEADER_ROW);
        for (int column = 0; column < HEADERS.size(); column++) {
            text(header, column, HEADERS.get(column), styles.header);
            sheet.setColumnWidth(column, COLUMN_WIDTHS[column] * 256 * 2);
        }

        int rowIndex = HEADER_ROW + 1;
        int number = 1;
        for (ProcedureStep step : analysis.template().steps()) {
            Row row = sheet.createRow(rowIndex++);
            StepAssessment assessment = analysis.assessmentOf(step.number()).orElse(null);
            Cell no = row.createCell(0);
            no.setCellValue(number++);
            no.setCellStyle(styles.body);
            text(row, 1, step.title(), styles.body);
            text(row, 2, step.readinessChecks().stream().map(WorkbookWriter::checkLine)
                    .collect(Collectors.joining("\n")), styles.body);
            text(row, 3, assessment == null ? "" : assessment.currentPractice(), styles.body);
            text(row, CLASS_COLUMN, assessment == null ? "" : assessment.fitGapClass().japaneseName(), styles.body);
            text(row, 5, assessment == null ? "" : assessment.countermeasure(), styles.body);
            text(row, 6, assessment == null ? "" : assessment.owner(), styles.body);
            text(row, 7, assessment == null ? "" : assessment.due().map(DUE_DATE::format).orElse(""), styles.body);
        }
        restrictClassColumn(sheet, HEADER_ROW + 1, rowIndex - 1);
        sheet.createFreezePane(0, HEADER_ROW + 1);
    }

    /** The source document's form lists the five classes and circles one: here, a drop-down of the five. */
    private static void restrictClassColumn(Sheet sheet, int firstRow, int lastRow) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        String[] names = Arrays.stream(FitGapClass.values()).map(FitGapClass::japaneseName).toArray(String[]::new);
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(names),
                new CellRangeAddressList(firstRow, lastRow, CLASS_COLUMN, CLASS_COLUMN));
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }

    private static void writeSummary(FitGapAnalysis analysis, Sheet sheet, Styles styles) {
        FitGapSummary summary = analysis.summary();
        Row header = sheet.createRow(0);
        text(header, 0, "判定", styles.header);
        text(header, 1, "件数", styles.header);
        sheet.setColumnWidth(0, 16 * 256 * 2);
        int rowIndex = 1;
        for (FitGapClass fitGapClass : FitGapClass.values()) {
            countRow(sheet.createRow(rowIndex++), fitGapClass.japaneseName(), summary.count(fitGapClass), styles);
        }
        countRow(sheet.createRow(rowIndex++), "未判定", summary.unassessed(), styles);
        countRow(sheet.createRow(rowIndex++), "合計", summary.totalSteps(), styles);
        countRow(sheet.createRow(rowIndex++), "完了", summary.completeSteps(), styles);
        Row completion = sheet.createRow(rowIndex);
        text(completion, 0, "完了率（%）", styles.body);
        Cell percent = completion.createCell(1);
        percent.setCellValue(summary.completionPercent().doubleValue());
        percent.setCellStyle(styles.body);
    }

    private static void countRow(Row row, String label, int count, Styles styles) {
        text(row, 0, label, styles.body);
        Cell cell = row.createCell(1);
        cell.setCellValue(count);
        cell.setCellStyle(styles.body);
    }

    private static String checkLine(ReadinessCheck check) {
        return "・" + check.title();
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle body;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            title = workbook.createCellStyle();
            title.setFont(bold);
            header = bordered(workbook);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            body = bordered(workbook);
            body.setWrapText(true);
            body.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
