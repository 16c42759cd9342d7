/**
 * Certificates (証明書): the business-independent PDF engine that prints 住民票の写し, 罹災証明書 and
 * the other certificates of the modules that issue them.
 *
 * <p>Published API: {@link jp.jichitai.cloud.certificates.CertificateDocument} (what to print),
 * {@link jp.jichitai.cloud.certificates.CertificateRenderer} (prints it as an A4 PDF with the embedded
 * IPAex Mincho font) and {@link jp.jichitai.cloud.certificates.RenderResult} (the PDF, the characters that
 * could not be printed as given, and the content digest for public verification). No Spring.
 *
 * <p>Depends only on {@code shared}. The implementation lives in {@code internal}.
 */
package jp.jichitai.cloud.certificates;
