package jp.jichitai.cloud.issuance;

import java.util.Objects;
import java.util.function.BiFunction;

import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.CertificateKind;
import jp.jichitai.cloud.certificates.IssueNumber;
import jp.jichitai.cloud.certificates.VerificationCode;

/**
 * What to issue: the numbering scope (each scope numbers 1, 2, 3... without gaps), the kind, the
 * printer named in the issue number, the subject for the record (ids, never names), and the document,
 * built once the number and the verification code are known.
 *
 * @param drill a drill (訓練) certificate: marked as such by the document and on the verification page
 * @param reprintOf the serial of the certificate this one reprints, or null
 */
public record IssueRequest(String numberingScope, CertificateKind kind, String printer, String subject, boolean drill,
        Long reprintOf, BiFunction<IssueNumber, VerificationCode, CertificateDocument> document) {

    public IssueRequest {
        Objects.requireNonNull(numberingScope, "numbering scope");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(document, "document");
        if (!numberingScope.matches("[a-z0-9:\\-]{1,60}")) {
            throw new IllegalArgumentException("numbering scope must be lower-case ascii: " + numberingScope);
        }
    }

    public static IssueRequest of(String numberingScope, CertificateKind kind, String subject,
            BiFunction<IssueNumber, VerificationCode, CertificateDocument> document) {
        return new IssueRequest(numberingScope, kind, "プリンタ001", subject, false, null, document);
    }

    public IssueRequest asDrill() {
        return new IssueRequest(numberingScope, kind, printer, subject, true, reprintOf, document);
    }

    public IssueRequest asReprintOf(long originalSerial) {
        return new IssueRequest(numberingScope, kind, printer, subject, drill, originalSerial, document);
    }
}
