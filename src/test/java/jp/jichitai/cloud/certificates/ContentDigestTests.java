package jp.jichitai.cloud.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ContentDigestTests {

    private static final VerificationCode CODE = VerificationCode.of("ABCD-EFGH-JKMN");

    @Test
    void isTheSameForTheSameContent() {
        assertThat(ContentDigest.of(CertificateFixture.residentRecordCopy(4, CODE)))
                .isEqualTo(ContentDigest.of(CertificateFixture.residentRecordCopy(4, CODE)));
    }

    @Test
    void changesWithAnyPrintedField() {
        CertificateDocument base = CertificateFixture.residentRecordCopy(2, CODE);
        List<CertificateDocument> variants = List.of(
                CertificateFixture.residentRecordCopy(3, CODE),
                CertificateFixture.residentRecordCopy(2, VerificationCode.of("ABCD-EFGH-JKMP")),
                with(base, "title", "住民票の写し（続）"),
                with(base, "certification", "令和7年11月27日"),
                with(base, "issueNumber", "20251126 名寄市 本庁1 プリンタ001 012"),
                with(base, "marking", ""));
        assertThat(variants).allSatisfy(variant ->
                assertThat(ContentDigest.of(variant)).isNotEqualTo(ContentDigest.of(base)));
    }

    @Test
    void staysTheSameForTheContentOfCertificatesAlreadyIssued() {
        // Pinned: issued certificates are verified and repeated (decision 0009) against digests stored when they
        // were issued, so a new marking or field must not change the canonical form of the existing ones.
        assertThat(ContentDigest.of(CertificateFixture.residentRecordCopy(2, CODE)).hex()).isEqualTo("8258428892f8a001ed4a33997a353cc8b6c4793cf17d76f4dc39f5dc063a47e0");
    }

    @Test
    void tellsApartFieldsWhoseConcatenationIsTheSame() {
        assertThat(ContentDigest.of(withHeader("氏名", "髙橋一郎")))
                .isNotEqualTo(ContentDigest.of(withHeader("氏名髙橋", "一郎")));
    }

    @Test
    void keepsCompatibilityIdeographsApartFromTheirNormalisedForm() {
        // 﨑 (U+FA11) stays 﨑; NFC would leave it, but 神 U+FA19 becomes 神 U+795E under NFC.
        assertThat(ContentDigest.of(withHeader("氏名", "\uFA19田")))
                .isNotEqualTo(ContentDigest.of(withHeader("氏名", "\u795E田")));
    }

    @Test
    void isSixtyFourLowercaseHexDigitsThatParseBack() {
        ContentDigest digest = ContentDigest.of(CertificateFixture.residentRecordCopy(1, CODE));
        assertThat(digest.hex()).matches("[0-9a-f]{64}");
        assertThat(ContentDigest.of(digest.hex())).isEqualTo(digest);
        assertThatThrownBy(() -> ContentDigest.of(digest.hex().toUpperCase())).isInstanceOf(IllegalArgumentException.class);
    }

    private static CertificateDocument withHeader(String label, String value) {
        return CertificateDocument.builder(CertificateFixture.NAYORO, CertificateFixture.RESIDENT_RECORD_COPY)
                .headerRow(label, value)
                .certification(CertificateFixture.CERTIFICATION_TEXT, CertificateFixture.CERTIFICATION_DATE,
                        CertificateFixture.ISSUER)
                .issueNumber(CertificateFixture.ISSUE_NUMBER)
                .verificationCode(CODE)
                .build();
    }

    private static CertificateDocument with(CertificateDocument d, String what, String value) {
        return new CertificateDocument(d.tenant(), d.kind(),
                what.equals("title") ? value : d.title(),
                d.header(), d.sections(), d.footerLines(),
                what.equals("certification")
                        ? Certification.of(d.certification().text(), value, d.certification().issuer())
                        : d.certification(),
                what.equals("marking") ? java.util.Set.of(Marking.DRILL) : d.markings(),
                what.equals("issueNumber") ? IssueNumber.parse(value) : d.issueNumber(),
                d.verificationCode());
    }
}
