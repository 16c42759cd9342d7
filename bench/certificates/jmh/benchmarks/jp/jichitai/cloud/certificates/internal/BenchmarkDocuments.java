package jp.jichitai.cloud.certificates.internal;

import java.net.URI;
import java.time.LocalDate;

import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.CertificateKind;
import jp.jichitai.cloud.certificates.FieldBlock;
import jp.jichitai.cloud.certificates.FieldRow;
import jp.jichitai.cloud.certificates.IssueNumber;
import jp.jichitai.cloud.certificates.VerificationCode;
import jp.jichitai.cloud.shared.TenantCode;

/** The documents measured: a 住民票の写し of a household that fills one page, or two. */
final class BenchmarkDocuments {

    static final URI BASE_URL = URI.create("https://cloud.example.jp");

    private BenchmarkDocuments() {
    }

    /** Members per page count: 3 members fill one page, 6 spill onto a second. */
    static CertificateDocument residentRecordCopy(int pages) {
        int members = pages == 1 ? 3 : 6;
        String[] names = {"髙橋　一郎", "山﨑　花子", "髙橋　①子", "渡邉　次郎", "齋藤　三郎", "吉野　四郎"};
        CertificateDocument.Builder builder = CertificateDocument.builder(TenantCode.of("012211"),
                        CertificateKind.of("住民票の写し"))
                .headerRow("住所", "北海道名寄市大通南1丁目1番地")
                .headerRow("世帯主", "髙橋　一郎");
        for (int i = 0; i < members; i++) {
            builder.section(FieldBlock.of("世帯員 " + (i + 1),
                    FieldRow.of("氏名", names[i]),
                    FieldRow.of("フリガナ", "タカハシ　イチロウ"),
                    FieldRow.of("生年月日", "昭和" + (30 + i) + "年4月1日"),
                    FieldRow.of("性別", i % 2 == 0 ? "男" : "女"),
                    FieldRow.of("続柄", i == 0 ? "世帯主" : "子"),
                    FieldRow.of("住民となった年月日", "平成2年4月1日")));
        }
        return builder.footerLine("この証明書は、住民基本台帳法に基づき発行したものです。")
                .certification("この写しは、住民票の原本と相違ないことを証明する。", "令和7年11月26日", "名寄市長　山田　太郎")
                .issueNumber(IssueNumber.of(LocalDate.of(2025, 11, 26), "名寄市", "本庁1", "プリンタ001", 11))
                .verificationCode(VerificationCode.of("ABCD-EFGH-JKMN"))
                .build();
    }

    static PdfCertificateRenderer renderer(String fontLoading) {
        return new PdfCertificateRenderer(EmbeddedFont.shared(), BASE_URL,
                PdfCertificateRenderer.FontLoading.valueOf(fontLoading));
    }
}
