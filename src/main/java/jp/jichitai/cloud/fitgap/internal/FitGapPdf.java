package jp.jichitai.cloud.fitgap.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import jp.jichitai.cloud.fitgap.FitGapAnalysis;
import jp.jichitai.cloud.fitgap.FitGapClass;
import jp.jichitai.cloud.fitgap.FitGapSummary;
import jp.jichitai.cloud.fitgap.ProcedureStep;

/**
 * フィット&ギャップ分析表 as an A4 PDF in IPAex明朝 (embedded as a subset, as the operations report and the
 * continuity plan embed it): the summary by class, each step with its classification, current practice,
 * countermeasure, owner and due date, and the progress history. A working paper, not a certificate: the
 * certificates engine's verification code and issue number do not apply to it. A character the font
 * lacks prints as 〓.
 */
final class FitGapPdf {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private PDPageContentStream content;
    private float y;

    private FitGapPdf() throws IOException {
        try (InputStream file = FitGapPdf.class.getResourceAsStream("/fonts/ipaexm.ttf")) {
            font = PDType0Font.load(document, file, true);
        }
    }

    static byte[] render(String tenantName, StoredAnalysis stored, List<ProgressSnapshot> progress) {
        try {
            return new FitGapPdf().write(tenantName, stored, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(String tenantName, StoredAnalysis stored, List<ProgressSnapshot> progress) throws IOException {
        try (document) {
            FitGapAnalysis analysis = stored.analysis();
            newPage();
            line("フィット&ギャップ分析表", 18, 0);
            line(tenantName + "　" + stored.title(), 12, 0);
            line("手順書: " + analysis.template().name() + "（版 " + analysis.template().version() + "）", 10, 0);
            y -= 8;
            line("1. 集計", 13, 0);
            FitGapSummary summary = analysis.summary();
            StringBuilder counts = new StringBuilder();
            for (FitGapClass fitGapClass : FitGapClass.values()) {
                counts.append(fitGapClass.japaneseName()).append(' ').append(summary.count(fitGapClass)).append("件　");
            }
            line(counts + "未判定 " + summary.unassessed() + "件　完了率 " + summary.completionPercent() + "%", 10, 12);
            y -= 8;
            line("2. 手順ごとの判定", 13, 0);
            for (ProcedureStep step : analysis.template().steps()) {
                line(step.title(), 11, 0);
                var assessment = analysis.assessmentOf(step.number());
                if (assessment.isEmpty()) {
                    wrapped("判定: 未判定", 9, 12);
                    continue;
                }
                var a = assessment.get();
                wrapped("判定: " + a.fitGapClass().japaneseName(), 9, 12);
                wrapped("現行の運用: " + text(a.currentPractice()), 9, 12);
                wrapped("対応策: " + text(a.countermeasure()), 9, 12);
                wrapped("担当: " + text(a.owner()) + "　期限: " + a.due().map(Object::toString).orElse("―"), 9, 12);
            }
            y -= 8;
            line("3. 進捗の推移", 13, 0);
            if (progress.isEmpty()) {
                line("まだ保存されていません。", 10, 12);
            }
            for (ProgressSnapshot snapshot : progress) {
                StringBuilder row = new StringBuilder(snapshot.takenInJapan()).append("　");
                for (FitGapClass fitGapClass : FitGapClass.values()) {
                    row.append(fitGapClass.japaneseName()).append(' ').append(snapshot.summary().count(fitGapClass))
                            .append(' ');
                }
                row.append("未判定 ").append(snapshot.unassessed()).append("　完了率 ")
                        .append(snapshot.completionPercent()).append('%');
                wrapped(row.toString(), 9, 12);
            }
            content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "―" : value;
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void line(String text, float size, float indent) throws IOException {
        if (y - size * 1.6f < MARGIN) {
            newPage();
        }
        y -= size * 1.6f;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(MARGIN + indent, y);
        content.showText(printable(text));
        content.endText();
    }

    private void wrapped(String text, float size, float indent) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == '\r') {
                continue;
            }
            if (codePoint == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                continue;
            }
            String next = printable(line + new String(Character.toChars(codePoint)));
            if (font.getStringWidth(next) / 1000 * size > WIDTH - indent && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.appendCodePoint(codePoint);
        }
        lines.add(line.toString());
        for (String each : lines) {
            line(each, size, indent);
        }
    }

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
}
