package jp.jichitai.cloud.disaster;

/**
 * 本人認証 (identity check) of the person at the counter, step 002 of the 業務手順書.
 *
 * <p>The rule is an identity document (運転免許証, パスポート, 保険証...). When it was lost in the disaster,
 * the person writes address, name and date of birth by hand (自署) and the clerk judges. The two are
 * recorded as what they are, so that a later audit can tell a document check from a clerk's judgement.
 */
public sealed interface IdentityCheck permits IdentityCheck.ByDocument, IdentityCheck.BySelfDeclaration {

    /** Whether the identity was accepted. */
    boolean confirmed();

    /** A check against an identity document, recorded by its type and number. */
    record ByDocument(IdentityDocumentType documentType, String documentNumber) implements IdentityCheck {

        public ByDocument {
            if (documentType == null || documentNumber == null || documentNumber.isBlank()) {
                throw DisasterMessages.refusal("E-DIS-0009");
            }
            documentNumber = documentNumber.strip();
        }

        @Override
        public boolean confirmed() {
            return true;
        }
    }

    /**
     * A check by the person's handwritten address, name and date of birth and the clerk's judgement.
     * The date of birth is kept as written: it is compared by the clerk, not computed with, and the
     * registry itself may hold dates such as 昭和40年2月30日 that no date type can hold.
     */
    record BySelfDeclaration(String declaredAddress, String declaredName, String declaredBirthDate,
            ClerkJudgement judgement) implements IdentityCheck {

        public BySelfDeclaration {
            if (isBlank(declaredAddress) || isBlank(declaredName) || isBlank(declaredBirthDate) || judgement == null) {
                throw DisasterMessages.refusal("E-DIS-0010");
            }
        }

        @Override
        public boolean confirmed() {
            return judgement.accepted();
        }

        private static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }
    }

    /** 職員の判断: which clerk judged, the outcome, and why (e.g. 隣人の証言、台帳の写真と一致). */
    record ClerkJudgement(String clerk, boolean accepted, String reason) {

        public ClerkJudgement {
            if (clerk == null || clerk.isBlank() || reason == null || reason.isBlank()) {
                throw DisasterMessages.refusal("E-DIS-0010");
            }
        }
    }
}
