package jp.jichitai.cloud.issuance;

import java.util.List;

import jp.jichitai.cloud.certificates.CharacterSubstitution;
import jp.jichitai.cloud.certificates.ContentDigest;
import jp.jichitai.cloud.certificates.IssueNumber;
import jp.jichitai.cloud.certificates.VerificationCode;

/**
 * A certificate as issued: its number, its verification code and digest, and the PDF to hand over.
 * {@code repeated}: the answer to a repeat under a 再送キー — the certificate issued before, printed again with
 * the same number, code and content, no new number taken.
 */
public record IssuedCertificate(long serial, IssueNumber issueNumber, VerificationCode verificationCode,
        ContentDigest contentDigest, byte[] pdf, int pageCount, List<CharacterSubstitution> substitutions,
        boolean repeated) {

    public IssuedCertificate(long serial, IssueNumber issueNumber, VerificationCode verificationCode,
            ContentDigest contentDigest, byte[] pdf, int pageCount, List<CharacterSubstitution> substitutions) {
        this(serial, issueNumber, verificationCode, contentDigest, pdf, pageCount, substitutions, false);
    }
}
