package jp.jichitai.cloud.issuance;

import java.util.Optional;

/** Issues certificates of the current tenant and answers the public verification page. */
public interface CertificateIssuance {

    /**
     * Takes the scope's next number, prints the document and records it, all in one transaction: a
     * failed print leaves no gap, and two clerks printing at once never get the same number.
     */
    IssuedCertificate issue(IssueRequest request);

    /** The public facts of a certificate, if the code is one that was issued. Audited in the issuing town. */
    Optional<VerifiedCertificate> verify(String code);
}
