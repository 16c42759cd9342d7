package jp.jichitai.cloud.operations.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** The 運用報告書 as PDF (A4, IPAex明朝 embedded as a subset), with the trend charts as images. */
final class MonthlyReportPdf {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private MonthlyReportPdf() {
    }

    static byte[] render(MonthlyReport report) {
        ReportFont fonts = ReportFont.get();
        synchronized (fonts) {
            try (PDDocument document = new PDDocument()) {
                Writer writer = new Writer(document, fonts.pdfFont(document));
                writer.text("運用報告書（" + report.monthTitle() + "）", 18);
                writer.gap(6);
                writer.text(report.tenantName() + "（団体コード " + report.figures().tenant() + "）　様", 12);
                writer.text("自治体クラウド 運用者", 10);
                writer.gap(10);

                writer.text("1. サービスレベルの実績", 13);
                writer.row(10, "項目", "実績", "目標", "判定");
                for (MonthlyReport.Line line : report.lines()) {
                    writer.row(10, line.item(), line.result(), line.target(), line.verdict());
                }
                writer.gap(10);

                writer.text("2. 障害記録", 13);
                if (report.incidents().isEmpty()) {
                    writer.text("当月の障害はありません。", 10);
                }
                for (IncidentRecord incident : report.incidents()) {
                    writer.text("・" + incident.startedAt().format(MonthlyReport.TIME) + " 〜 "
                            + (incident.endedAt() == null ? "継続中" : incident.endedAt().format(MonthlyReport.TIME))
                            + "　対象：" + incident.systems(), 10);
                    writer.wrapped("影響：" + incident.impact(), 9);
                    writer.wrapped("原因：" + incident.cause(), 9);
                    writer.wrapped("対応：" + incident.actions(), 9);
                    writer.wrapped("再発防止策：" + incident.recurrencePrevention(), 9);
                }
                writer.gap(10);

                writer.text("3. メンテナンス記録", 13);
                if (report.maintenance().isEmpty()) {
                    writer.text("当月のメンテナンスはありません。", 10);
                }
                for (MaintenanceRecord maintenance : report.maintenance()) {
                    writer.text("・" + maintenance.title(), 10);
                    writer.wrapped("予定：" + maintenance.plannedStart().format(MonthlyReport.TIME) + " 〜 "
                            + maintenance.plannedEnd().format(MonthlyReport.TIME)
                            + (maintenance.noticeSentAt() == null ? "" : "（通知 "
                                    + maintenance.noticeSentAt().format(MonthlyReport.TIME) + "）"), 9);
                    if (maintenance.actualStart() != null) {
                        writer.wrapped("実施：" + maintenance.actualStart().format(MonthlyReport.TIME) + " 〜 "
                                + (maintenance.actualEnd() == null ? "実施中"
                                        : maintenance.actualEnd().format(MonthlyReport.TIME)), 9);
                    }
                    writer.wrapped("作業内容：" + maintenance.workDone(), 9);
                }

                return trendsAndSave(writer, document, "4. 推移（直近12か月）", report.trend());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** 運用報告書（全体）: the towns side by side, the records of all towns, the trend of the whole. */
    static byte[] render(ProviderReport report) {
        ReportFont fonts = ReportFont.get();
        synchronized (fonts) {
            try (PDDocument document = new PDDocument()) {
                Writer writer = new Writer(document, fonts.pdfFont(document));
                writer.text("運用報告書（全体）（" + report.monthTitle() + "）", 18);
                writer.gap(6);
                writer.text("自治体クラウド 運用者　利用団体 " + report.towns().size() + "団体", 10);
                writer.gap(10);
                writer.text("1. 団体別のサービスレベルの実績", 13);
                int columns = report.towns().size() + 2;
                float[] at = new float[columns];
                at[0] = 0;
                for (int i = 1; i < columns; i++) {
                    at[i] = 0.26f + (0.74f / (columns - 1)) * (i - 1);
                }
                List<String> heading = new ArrayList<>();
                heading.add("項目");
                report.towns().forEach(town -> heading.add(town.name()));
                heading.add(ProviderReport.WHOLE);
                writer.row(8, at, heading.toArray(String[]::new));
                for (ProviderReport.Row row : report.rows()) {
                    List<String> cells = new ArrayList<>();
                    cells.add(row.item());
                    cells.addAll(row.results());
                    cells.add(row.whole());
                    writer.row(7, at, cells.toArray(String[]::new));
                }
                writer.gap(4);
                writer.wrapped("全団体の率は各団体の件数・時間を合算して計算しています（百分率の平均ではありません）。目標: 稼働率 "
                        + MonthlyReport.percent(report.whole().availabilityTarget()) + "以上、オンライン応答時間遵守率 "
                        + MonthlyReport.percent(report.whole().onlineComplianceTarget()) + "以上、バッチ処理時間遵守率 "
                        + MonthlyReport.percent(report.whole().batchComplianceTarget()) + "以上、サポートサービス稼働率 "
                        + MonthlyReport.percent(report.whole().supportComplianceTarget()) + "以上。", 8);
                writer.gap(10);
                writer.text("2. 障害記録（全団体）", 13);
                MonthlyReport records = report.incidentsView();
                if (records.incidents().isEmpty()) {
                    writer.text("当月の障害はありません。", 10);
                }
                for (IncidentRecord incident : records.incidents()) {
                    writer.text("・" + incident.startedAt().format(MonthlyReport.TIME) + " 〜 "
                            + (incident.endedAt() == null ? "継続中" : incident.endedAt().format(MonthlyReport.TIME))
                            + "　対象：" + incident.systems() + "（" + incident.affectedTenants().size() + "団体）", 10);
                    writer.wrapped("影響：" + incident.impact(), 9);
                }
                writer.gap(10);
                writer.text("3. メンテナンス記録（全団体）", 13);
                if (records.maintenance().isEmpty()) {
                    writer.text("当月のメンテナンスはありません。", 10);
                }
                for (MonthlyReport.MaintenanceRow row : records.maintenanceRows()) {
                    writer.text("・" + row.title(), 10);
                    writer.wrapped("予定：" + row.planned() + "　実施：" + row.actual(), 9);
                }
                return trendsAndSave(writer, document, "4. 推移（全団体、直近12か月）", report.trend());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The last page, the twelve months' charts, and the finished document. */
    private static byte[] trendsAndSave(Writer writer, PDDocument document, String heading, List<SlaFigures> trend)
            throws IOException {
        writer.newPage();
        writer.text(heading, 13);
        for (TrendCharts.Kind kind : TrendCharts.Kind.values()) {
            writer.image(LosslessFactory.createFromImage(document, TrendCharts.draw(kind, trend)));
        }
        writer.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    /** A cursor down the pages, starting a new page when the next line would not fit. */
    private static final class Writer {
        final PDDocument document;
        final PDType0Font font;
        PDPageContentStream content;
        float y;

        Writer(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }

        void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float height) {
            y -= height;
        }

        void text(String text, float size) throws IOException {
            show(text, size, MARGIN);
        }

        private void show(String text, float size, float x) throws IOException {
            ensure(size * 1.6f);
            y -= size * 1.6f;
            put(text, size, x, y);
        }

        private void put(String text, float size, float x, float atY) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(printable(text));
            content.endText();
        }

        /** Characters the font lacks (outside JIS X 0208/0213) print as 〓, the customary mark. */
        private String printable(String text) {
            StringBuilder result = new StringBuilder();
            text.codePoints().forEach(codePoint -> {
                String character = new String(Character.toChars(codePoint));
                try {
                    font.encode(character);
                    result.append(character);
                } catch (IllegalArgumentException | IOException missing) {
                    result.append('〓');
                }
            });
            return result.toString();
        }

        void wrapped(String text, float size) throws IOException {
            for (String line : lines(text, size, WIDTH - 12)) {
                show(line, size, MARGIN + 12);
            }
        }

        private List<String> lines(String text, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                String next = line + new String(Character.toChars(codePoint));
                if (font.getStringWidth(next) / 1000 * size > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (codePoint != '\n' && codePoint != '\r') {
                    line.appendCodePoint(codePoint);
                } else if (codePoint == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                i += Character.charCount(codePoint);
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        void row(float size, String... cells) throws IOException {
            row(size, new float[] {0, 0.40f, 0.62f, 0.88f}, cells);
        }

        void row(float size, float[] columns, String... cells) throws IOException {
            ensure(size * 1.8f);
            y -= size * 1.8f;
            for (int i = 0; i < cells.length; i++) {
                put(cells[i], size, MARGIN + WIDTH * columns[i], y);
            }
            content.setLineWidth(0.3f);
            content.moveTo(MARGIN, y - size * 0.5f);
            content.lineTo(MARGIN + WIDTH, y - size * 0.5f);
            content.stroke();
        }

        void image(PDImageXObject image) throws IOException {
            float height = WIDTH * image.getHeight() / image.getWidth();
            ensure(height + 12);
            y -= height + 12;
            content.drawImage(image, MARGIN, y, WIDTH, height);
        }
    }
}
