package jp.jichitai.cloud.certificates;

import java.net.URI;

import jp.jichitai.cloud.certificates.internal.PdfCertificateRenderer;

/**
 * 証明書印刷 (certificate printing): turns a {@link CertificateDocument} into an A4 portrait PDF with the
 * IPAex Mincho font embedded as a subset.
 *
 * <p>Printing never fails because of a character: a 外字 goes through the tenant's {@link GaijiTable},
 * a character without a glyph prints as 〓, a variation selector is dropped, and each such case is
 * reported in {@link RenderResult#substitutions()}. Text that does not fit its cell is shrunk down to a
 * minimum size and then wrapped, never cut.
 *
 * <p>Instances are thread-safe and meant to be shared: the font file is parsed once per process and
 * reused by every rendering; each rendering builds its own PDFBox document, which never leaves the
 * thread that renders it.
 */
public interface CertificateRenderer {

    /** Prints a document, sending its 外字 through the tenant's table. */
    RenderResult render(CertificateDocument document, GaijiTable gaijiTable);

    /** Prints a document of a tenant without a 外字 table: every 外字 prints as 〓. */
    default RenderResult render(CertificateDocument document) {
        return render(document, GaijiTable.NONE);
    }

    /**
     * A renderer whose QR codes point to {@code verificationBaseUrl/verify/{code}}.
     *
     * @param verificationBaseUrl e.g. {@code https://cloud.example.jp}; a trailing slash is ignored
     */
    static CertificateRenderer create(URI verificationBaseUrl) {
        return PdfCertificateRenderer.withSharedFont(verificationBaseUrl);
    }
}
