package jp.jichitai.cloud.disaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.jichitai.cloud.disaster.IdentityCheck.ByDocument;
import jp.jichitai.cloud.disaster.IdentityCheck.BySelfDeclaration;
import jp.jichitai.cloud.disaster.IdentityCheck.ClerkJudgement;
import jp.jichitai.cloud.shared.BusinessException;
import org.junit.jupiter.api.Test;

class IdentityCheckTests {

    @Test
    void documentCheckIsRecordedWithTypeAndNumber() {
        IdentityCheck check = new ByDocument(IdentityDocumentType.DRIVING_LICENCE, " 012345678900 ");

        assertThat(check).isInstanceOfSatisfying(ByDocument.class,
                document -> assertThat(document.documentNumber()).isEqualTo("012345678900"));
        assertThat(check.confirmed()).isTrue();
    }

    @Test
    void selfDeclarationIsRecordedWithTheClerksJudgement() {
        IdentityCheck accepted = new BySelfDeclaration("名寄市西3条南5丁目2番地", "佐藤 花子", "昭和40年2月30日",
                new ClerkJudgement("窓口職員 山田", true, "近隣住民の証言と台帳の記載が一致"));
        IdentityCheck refused = new BySelfDeclaration("名寄市西3条南5丁目2番地", "佐藤 花子", "昭和40年2月3日",
                new ClerkJudgement("窓口職員 山田", false, "台帳の生年月日と一致しない"));

        assertThat(accepted.confirmed()).isTrue();
        assertThat(refused.confirmed()).isFalse();
        // kept as written, even a date no calendar has
        assertThat(((BySelfDeclaration) accepted).declaredBirthDate()).isEqualTo("昭和40年2月30日");
    }

    @Test
    void refusesADocumentWithoutNumber() {
        assertThatThrownBy(() -> new ByDocument(IdentityDocumentType.PASSPORT, " "))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-DIS-0009"));
    }

    @Test
    void refusesASelfDeclarationWithoutJudgementOrBirthDate() {
        assertThatThrownBy(() -> new BySelfDeclaration("名寄市", "佐藤 花子", "昭和40年2月3日", null))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-DIS-0010"));
        assertThatThrownBy(() -> new BySelfDeclaration("名寄市", "佐藤 花子", "",
                new ClerkJudgement("山田", true, "証言")))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> new ClerkJudgement("山田", true, " "))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void onlyTheDamageCertificateStatesALevel() {
        assertThat(DisasterCertificateKind.DAMAGE_CERTIFICATE.statesDamageLevel()).isTrue();
        assertThat(DisasterCertificateKind.DAMAGE_CERTIFICATE.japaneseName()).isEqualTo("罹災証明書");
        assertThat(DisasterCertificateKind.DAMAGE_REPORT_CERTIFICATE.statesDamageLevel()).isFalse();
        assertThat(DisasterCertificateKind.DAMAGE_REPORT_CERTIFICATE.japaneseName()).isEqualTo("被災届出証明書");
    }
}
