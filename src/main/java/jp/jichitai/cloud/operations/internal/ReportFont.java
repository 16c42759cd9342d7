package jp.jichitai.cloud.operations.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The embedded IPAex明朝 font, read and parsed once (7.8 MB): for the report PDFs (subset embedded in
 * each document) and for the Japanese labels of the chart images. The parsed font is not safe for
 * concurrent use, so the documents that use it are built one at a time ({@link #pdfFont}'s callers
 * hold this object's lock).
 */
final class ReportFont {

    private static final String RESOURCE = "/fonts/ipaexm.ttf";
    private static volatile ReportFont instance;

    private final TrueTypeFont trueType;
    private final Font awtFont;

    private ReportFont(byte[] bytes) throws IOException, FontFormatException {
        this.trueType = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        this.awtFont = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
    }

    static ReportFont get() {
        ReportFont loaded = instance;
        if (loaded == null) {
            synchronized (ReportFont.class) {
                if (instance == null) {
                    try (InputStream in = ReportFont.class.getResourceAsStream(RESOURCE)) {
                        instance = new ReportFont(in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (FontFormatException e) {
                        throw new IllegalStateException(e);
                    }
                }
                loaded = instance;
            }
        }
        return loaded;
    }

    /** The font for one document; call while holding this object's lock. */
    PDType0Font pdfFont(PDDocument document) throws IOException {
        return PDType0Font.load(document, trueType, true);
    }

    Font awtFont(float size) {
        return awtFont.deriveFont(size);
    }
}
