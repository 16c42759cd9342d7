package jp.jichitai.cloud.certificates.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The IPAex Mincho font (src/main/resources/fonts/ipaexm.ttf), parsed once per process.
 *
 * <p>Parsing the 4 MB font file costs about as much as rendering a whole certificate, so the parsed
 * {@link TrueTypeFont} is kept and handed to {@link PDType0Font#load(PDDocument, TrueTypeFont, boolean)}
 * for every document. That overload does not close the font when the document closes (PDFBox closes
 * only fonts that it parsed itself), so one parsed font serves any number of documents.
 *
 * <p>Sharing across threads is safe for what the renderer does: in PDFBox 3.0 {@link TTFParser} reads
 * every table eagerly, the subsetter reads the raw font through a fresh stream over the in-memory copy
 * ({@code getOriginalData()}) and through the synchronised {@code getTableBytes}, and widths come from
 * the already read {@code hmtx}. The one unsynchronised pair is glyph outlines ({@code GlyphTable.getGlyph},
 * locked on the data stream) against {@code getTableBytes}; the renderer never asks for outlines, heights
 * or bounding boxes, and must not start to.
 */
public final class EmbeddedFont {

    static final String RESOURCE = "/fonts/ipaexm.ttf";

    private static final Object SHARED_LOCK = new Object();
    private static volatile EmbeddedFont shared;

    private final byte[] fontFile;
    private final TrueTypeFont parsed;
    private final CmapLookup unicode;
    private final HorizontalMetricsTable horizontalMetrics;
    private final float unitsPerEm;

    private EmbeddedFont(byte[] fontFile) throws IOException {
        this.fontFile = fontFile;
        this.parsed = new TTFParser().parse(new RandomAccessReadBuffer(fontFile));
        this.unicode = parsed.getUnicodeCmapLookup();
        this.horizontalMetrics = parsed.getHorizontalMetrics();
        this.unitsPerEm = parsed.getUnitsPerEm();
        // Horizontal Japanese needs no glyph substitution, and with GSUB on, PDFBox 3 builds regular
        // expressions over the font's ligature rules for every showText: a fifth of the speed.
        parsed.setEnableGsub(false);
        // Read lazily computed parts now, while only one thread sees the font.
        parsed.getName();
    }

    /** The process-wide font, parsed on first use. */
    public static EmbeddedFont shared() {
        EmbeddedFont font = shared;
        if (font == null) {
            synchronized (SHARED_LOCK) {
                font = shared;
                if (font == null) {
                    font = load();
                    shared = font;
                }
            }
        }
        return font;
    }

    private static EmbeddedFont load() {
        try (InputStream in = EmbeddedFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the class path: " + RESOURCE);
            }
            return new EmbeddedFont(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded font " + RESOURCE, e);
        }
    }

    /** Whether the font can print a code point (a glyph other than .notdef). */
    public boolean hasGlyph(int codePoint) {
        return unicode.getGlyphId(codePoint) != 0;
    }

    /** The advance width of a text whose every code point has a glyph, in points at the given size. */
    float width(CharSequence text, float fontSize) {
        return widthInThousandths(text) * fontSize / 1000f;
    }

    /** The advance width in thousandths of the font size, as PDF text space measures it. */
    float widthInThousandths(CharSequence text) {
        float total = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            total += advance(codePoint);
            i += Character.charCount(codePoint);
        }
        return total;
    }

    float advance(int codePoint) {
        return horizontalMetrics.getAdvanceWidth(unicode.getGlyphId(codePoint)) * 1000f / unitsPerEm;
    }

    /** The shared parsed font as a subset-embedded font of one document. */
    PDType0Font embedInto(PDDocument document) throws IOException {
        return PDType0Font.load(document, parsed, true);
    }

    /** The comparison for the benchmark: parses the font file again for this document. */
    PDType0Font parseAgainAndEmbedInto(PDDocument document) throws IOException {
        TrueTypeFont parsedAgain = new TTFParser().parse(new RandomAccessReadBuffer(fontFile));
        parsedAgain.setEnableGsub(false);
        // Registered with the document, which closes it: the same as PDFBox's own loading from a file.
        PDType0Font font = PDType0Font.load(document, parsedAgain, true);
        document.registerTrueTypeFontForClosing(parsedAgain);
        return font;
    }
}
