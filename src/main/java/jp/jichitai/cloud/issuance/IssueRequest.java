package jp.jichitai.cloud.issuance;

import java.util.Objects;
import java.util.function.BiFunction;

import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.CertificateKind;
import jp.jichitai.cloud.certificates.IssueNumber;
import jp.jichitai.cloud.certificates.VerificationCode;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;

/**
 * What to issue: the numbering scope (each scope numbers 1, 2, 3... without gaps), the kind, the
 * printer named in the issue number, the subject for the record (ids, never names), and the document,
 * built once the number and the verification code are known.
 *
 * @param drill a drill (訓練) certificate: marked as such by the document and on the verification page
 * @param reprintOf the serial of the certificate this one reprints, or null
 * @param idempotencyKey 再送キー, or null: a repeat of the request with the same key (the client lost the answer)
 *        gets the certificate already issued under it instead of a new number; see {@link CertificateIssuance#issue}
 */
public record IssueRequest(String numberingScope, CertificateKind kind, String printer, String subject, boolean drill,
        Long reprintOf, BiFunction<IssueNumber, VerificationCode, CertificateDocument> document, String idempotencyKey) {

    private static final Messages MESSAGES = Messages.of("issuance");

    public IssueRequest(String numberingScope, CertificateKind kind, String printer, String subject, boolean drill,
            Long reprintOf, BiFunction<IssueNumber, VerificationCode, CertificateDocument> document) {
        this(numberingScope, kind, printer, subject, drill, reprintOf, document, null);
    }

    public IssueRequest {
        if (idempotencyKey != null && !isValidKey(idempotencyKey)) {
            throw MESSAGES.refusal(MessageId.of("E-ISS-0003"));
        }
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
        return new IssueRequest(numberingScope, kind, printer, subject, true, reprintOf, document, idempotencyKey);
    }

    public IssueRequest asReprintOf(long originalSerial) {
        return new IssueRequest(numberingScope, kind, printer, subject, drill, originalSerial, document, idempotencyKey);
    }

    /** The same request under a 再送キー (blank or null: none). Refused (E-ISS-0003) for a malformed key. */
    public IssueRequest withIdempotencyKey(String key) {
        return new IssueRequest(numberingScope, kind, printer, subject, drill, reprintOf, document,
                key == null || key.isBlank() ? null : key.strip());
    }

    /** 1–100 characters of ASCII letters, digits and - _ . : (a UUID, or a client's own scheme). */
    public static boolean isValidKey(String key) {
        return key.matches("[A-Za-z0-9._:\\-]{1,100}");
    }

    /**
     * What a repeat under the same key must match: scope, kind, printer, subject, drill and reprint (the document
     * itself is compared by its content digest once re-rendered). SHA-256, hexadecimal.
     */
    public String fingerprint() {
        String text = String.join("\u001f", numberingScope, kind.name(), printer, subject, Boolean.toString(drill),
                String.valueOf(reprintOf));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
