package jp.jichitai.cloud.certificates.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;

import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.CertificateRenderer;
import jp.jichitai.cloud.certificates.ContentDigest;
import jp.jichitai.cloud.certificates.GaijiTable;
import jp.jichitai.cloud.certificates.RenderResult;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The PDFBox implementation of {@link CertificateRenderer}.
 *
 * <p>Thread-safe: the only state shared between renderings is the parsed font ({@link EmbeddedFont}),
 * which is read-only once parsed. Every rendering creates, fills, saves and closes its own
 * {@link PDDocument} on the calling thread; PDFBox documents are not thread-safe and are never shared.
 */
public final class PdfCertificateRenderer implements CertificateRenderer {

    private static final MessageId PDF_FAILED = MessageId.of("E-CERT-0002");

    /** How the font gets into each PDF document. */
    enum FontLoading {
        /** The font parsed once per process, subset for each document. */
        SHARED_PARSED_FONT,
        /** The font file parsed again for each document: the benchmark's comparison run only. */
        PARSE_FOR_EACH_DOCUMENT
    }

    private final EmbeddedFont font;
    private final String verificationBaseUrl;
    private final FontLoading fontLoading;

    PdfCertificateRenderer(EmbeddedFont font, URI verificationBaseUrl, FontLoading fontLoading) {
        this.font = Objects.requireNonNull(font, "font");
        String base = Objects.requireNonNull(verificationBaseUrl, "verification base URL").toString();
        if (!verificationBaseUrl.isAbsolute()) {
            throw new IllegalArgumentException("the verification base URL must be absolute: " + base);
        }
        this.verificationBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.fontLoading = Objects.requireNonNull(fontLoading, "font loading");
    }

    /** The renderer of {@link CertificateRenderer#create(URI)}. */
    public static PdfCertificateRenderer withSharedFont(URI verificationBaseUrl) {
        return new PdfCertificateRenderer(EmbeddedFont.shared(), verificationBaseUrl, FontLoading.SHARED_PARSED_FONT);
    }

    /** The URL that a certificate's QR code encodes: {@code BASE_URL/verify/{code}}; null for a 見本, which has none. */
    public String verificationUrl(CertificateDocument document) {
        return document.isSpecimen() ? null : verificationBaseUrl + "/verify/" + document.verificationCode().value();
    }

    @Override
    public RenderResult render(CertificateDocument document, GaijiTable gaijiTable) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(gaijiTable, "gaiji table");
        String url = verificationUrl(document);
        CertificateLayout.Pages layout = new CertificateLayout(document, gaijiTable, font, url).layOut();
        byte[] pdf;
        try {
            pdf = write(document, layout.pages(), url);
        } catch (IOException e) {
            throw Messages.of("certificates").refusal(PDF_FAILED, e.getMessage());
        }
        return new RenderResult(pdf, layout.pages().size(), layout.substitutions(), ContentDigest.of(document),
                document.verificationCode());
    }

    private byte[] write(CertificateDocument document, List<List<CertificateLayout.DrawOperation>> pages, String url)
            throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDType0Font pdfFont = fontLoading == FontLoading.SHARED_PARSED_FONT
                    ? font.embedInto(pdf)
                    : font.parseAgainAndEmbedInto(pdf);
            PDImageXObject qrCode = url == null ? null : QrCode.image(pdf, url);
            for (List<CertificateLayout.DrawOperation> operations : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream stream = new PDPageContentStream(pdf, page)) {
                    PageCanvas canvas = new PageCanvas(stream, pdfFont, qrCode);
                    for (CertificateLayout.DrawOperation operation : operations) {
                        operation.draw(canvas);
                    }
                }
            }
            // The kind only: the metadata must not carry personal data.
            PDDocumentInformation information = pdf.getDocumentInformation();
            information.setTitle(document.kind().name());
            information.setProducer("Jichitai Cloud");
            pdf.getDocumentCatalog().setLanguage("ja-JP");
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
