package jp.jichitai.cloud.certificates;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of printing one certificate: the PDF, how many pages it has, every character that was
 * printed differently from the document's text, and the content digest and verification code to
 * record for the public verification page. A 見本 ({@link Marking#SPECIMEN}) has no verification code: null.
 */
public record RenderResult(
        byte[] pdf,
        int pageCount,
        List<CharacterSubstitution> substitutions,
        ContentDigest contentDigest,
        VerificationCode verificationCode) {

    public RenderResult {
        Objects.requireNonNull(pdf, "pdf");
        substitutions = List.copyOf(substitutions);
        Objects.requireNonNull(contentDigest, "content digest");
        if (pageCount < 1) {
            throw new IllegalArgumentException("a certificate has at least one page: " + pageCount);
        }
    }

    /** Whether every character was printed as given; if not, a clerk should look at the substitutions. */
    public boolean printedAsGiven() {
        return substitutions.isEmpty();
    }

    /** The substitutions that printed 〓, i.e. characters the reader of the paper cannot see. */
    public List<CharacterSubstitution> unprintable() {
        return substitutions.stream().filter(substitution -> substitution.printed().contains(CharacterSubstitution.GETA))
                .toList();
    }
}
