package jp.jichitai.cloud.issuance;

import java.util.Optional;

import jp.jichitai.cloud.certificates.RenderResult;

/** Issues certificates of the current tenant and answers the public verification page. */
public interface CertificateIssuance {

    /**
     * Takes the scope's next number, prints the document and records it, all in one transaction: a
     * failed print leaves no gap, and two clerks printing at once never get the same number. Entered in the access
     * log as {@code certificate.print} with its number before the commit, and as {@code certificate.issue} (or
     * {@code certificate.reprint}) with its number only once committed; an issue that did not commit is entered as a
     * failed {@code certificate.issue} without a number, since its number goes to the next certificate.
     */
    IssuedCertificate issue(IssueRequest request);

    /**
     * 見本 (specimen): the certificate {@link #issue} would print for the same request — same content, same 外字
     * table — stamped 見本 on every page, with placeholders instead of the issue number, the verification code and
     * the QR code. Takes no number and records no certificate: nothing on it can be verified. Audited as
     * {@code certificate.preview} of the request's subject (the personal data was displayed). The request's 再送キー
     * is ignored.
     */
    RenderResult preview(IssueRequest request);

    /**
     * Removes every certificate of a drill's (訓練) numbering scope of the current tenant: the register rows, their
     * public verification codes and the scope's counter, in the caller's transaction. Refused (nothing removed)
     * when the scope holds a certificate not issued as a drill. Returns how many certificates were removed.
     */
    int removeDrillScope(String numberingScope);

    /** The public facts of a certificate, if the code is one that was issued. Audited in the issuing town. */
    Optional<VerifiedCertificate> verify(String code);
}
