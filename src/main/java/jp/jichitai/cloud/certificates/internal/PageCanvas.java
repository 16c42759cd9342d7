package jp.jichitai.cloud.certificates.internal;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Drawing on one page: the few primitives a certificate needs, in PDF points with the origin at the
 * bottom left. Lives only as long as the page's content stream, on the rendering thread.
 */
final class PageCanvas {

    /** The font's ascent as a share of the font size (IPAex: 880/1000). */
    private static final float ASCENT = 0.88f;

    static final float[] BLACK = {0, 0, 0};
    static final float[] STAMP_RED = {0.80f, 0.05f, 0.05f};
    static final float[] WATERMARK_RED = {1.00f, 0.86f, 0.86f};
    static final float[] SEAL_GREY = {0.55f, 0.55f, 0.55f};

    private final PDPageContentStream stream;
    private final PDType0Font font;
    private final PDImageXObject qrCode;

    PageCanvas(PDPageContentStream stream, PDType0Font font, PDImageXObject qrCode) {
        this.stream = stream;
        this.font = font;
        this.qrCode = qrCode;
    }

    /** One line of text whose baseline is at {@code baseline}. */
    void line(float x, float baseline, float size, String text, float[] colour) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setNonStrokingColor(colour[0], colour[1], colour[2]);
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    /** Fitted lines whose first line box starts at {@code top}. */
    void text(float x, float top, FittedText fitted) throws IOException {
        float size = fitted.fontSize();
        float lineHeight = size * FittedText.LEADING;
        float baseline = top - (lineHeight - size) / 2 - size * ASCENT;
        for (String line : fitted.lines()) {
            line(x, baseline, size, line, BLACK);
            baseline -= lineHeight;
        }
    }

    void rectangle(float x, float y, float width, float height, float lineWidth, float[] colour) throws IOException {
        stream.setLineWidth(lineWidth);
        stream.setStrokingColor(colour[0], colour[1], colour[2]);
        stream.addRect(x, y, width, height);
        stream.stroke();
    }

    void dashedRectangle(float x, float y, float width, float height, float[] colour) throws IOException {
        stream.saveGraphicsState();
        stream.setLineDashPattern(new float[] {3, 2}, 0);
        rectangle(x, y, width, height, 0.6f, colour);
        stream.restoreGraphicsState();
    }

    void fill(float x, float y, float width, float height, float grey) throws IOException {
        stream.setNonStrokingColor(grey, grey, grey);
        stream.addRect(x, y, width, height);
        stream.fill();
    }

    void horizontalLine(float x, float y, float width, float lineWidth) throws IOException {
        stream.setLineWidth(lineWidth);
        stream.setStrokingColor(0f, 0f, 0f);
        stream.moveTo(x, y);
        stream.lineTo(x + width, y);
        stream.stroke();
    }

    /** Text turned by an angle around its start point, for the 訓練 watermark. */
    void turnedText(float x, float y, float radians, float size, String text, float[] colour) throws IOException {
        stream.beginText();
        stream.setNonStrokingColor(colour[0], colour[1], colour[2]);
        stream.setFont(font, size);
        stream.setTextMatrix(Matrix.getRotateInstance(radians, x, y));
        stream.showText(text);
        stream.endText();
    }

    void qrCode(float x, float y, float size) throws IOException {
        stream.drawImage(qrCode, x, y, size, size);
    }
}
