package jp.jichitai.cloud.continuity.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import jp.jichitai.cloud.continuity.ContinuityPlan;
import jp.jichitai.cloud.continuity.PlanSection;
import jp.jichitai.cloud.continuity.RecoveryAssessment;

/**
 * The continuity plan as an A4 PDF in IPAex Mincho: chapters, sections, the important systems with their
 * targets against the measured drills. Text is wrapped by measured width; a character the font lacks
 * prints as 〓 so that printing never fails.
 */
final class PlanPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));
    private static final float MARGIN = 56;
    private static final float BODY_SIZE = 10.5f;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private PDPageContentStream content;
    private float y;

    private PlanPdf() throws IOException {
        try (InputStream file = PlanPdf.class.getResourceAsStream("/fonts/ipaexm.ttf")) {
            font = PDType0Font.load(document, file, true);
        }
    }

    static byte[] render(String tenantName, ContinuityPlan plan, List<RecoveryAssessment> assessments) {
        try {
            PlanPdf pdf = new PlanPdf();
            return pdf.write(tenantName, plan, assessments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(String tenantName, ContinuityPlan plan, List<RecoveryAssessment> assessments)
            throws IOException {
        try (document) {
            newPage();
            line(tenantName + " 自治体クラウド利用継続計画", 18, 0);
            y -= 6;
            line(plan.isTemplate() ? "（初期案: 未保存）" : "第" + plan.version() + "版　"
                    + DATE.format(plan.savedAt().orElseThrow()) + "　" + plan.savedBy(), 9, 0);
            y -= 10;
            String chapter = "";
            for (PlanSection section : PlanSection.values()) {
                if (!section.chapter().equals(chapter)) {
                    chapter = section.chapter();
                    y -= 8;
                    line(chapter, 14, 0);
                }
                if (!section.heading().isEmpty()) {
                    y -= 4;
                    line(section.heading(), 12, 0);
                }
                paragraph(plan.section(section));
                if (section == PlanSection.IMPORTANT_SYSTEMS) {
                    systems(assessments);
                }
            }
            content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private void systems(List<RecoveryAssessment> assessments) throws IOException {
        y -= 4;
        line("【判定】種別／システム名／目標復旧時間／計測値（切替訓練・復元訓練の遅い方）", BODY_SIZE, 8);
        for (RecoveryAssessment assessment : assessments) {
            String measured = assessment.measuredSeconds().map(seconds -> seconds.toPlainString() + "秒").orElse("—");
            paragraphAt("【" + assessment.verdict().japaneseName() + "】" + assessment.system().category() + "／"
                    + assessment.system().name() + "／" + assessment.system().targetRecoveryHours() + "時間／" + measured, 16);
        }
    }

    private void paragraph(String text) throws IOException {
        paragraphAt(text, 8);
    }

    private void paragraphAt(String text, float indent) throws IOException {
        for (String source : text.split("\n", -1)) {
            for (String wrapped : wrap(printable(source), PDRectangle.A4.getWidth() - 2 * MARGIN - indent)) {
                line(wrapped, BODY_SIZE, indent);
            }
        }
    }

    private List<String> wrap(String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        float used = 0;
        for (int offset = 0; offset < text.length();) {
            int codePoint = text.codePointAt(offset);
            String character = new String(Character.toChars(codePoint));
            float advance = font.getStringWidth(character) / 1000 * BODY_SIZE;
            if (used + advance > width && current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
                used = 0;
            }
            current.append(character);
            used += advance;
            offset += Character.charCount(codePoint);
        }
        lines.add(current.toString());
        return lines;
    }

    /** Replaces what the font cannot show (and control characters) by 〓. */
    private String printable(String text) {
        StringBuilder printable = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            try {
                if (Character.isISOControl(codePoint) || font.encode(character).length == 0) {
                    printable.append('〓');
                } else {
                    printable.append(character);
                }
            } catch (IOException | IllegalArgumentException missing) {
                printable.append('〓');
            }
        });
        return printable.toString();
    }

    private void line(String text, float size, float indent) throws IOException {
        float height = size * 1.6f;
        if (y - height < MARGIN) {
            content.close();
            newPage();
        }
        y -= height;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(MARGIN + indent, y);
        content.showText(printable(text));
        content.endText();
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }
}
