package jp.jichitai.cloud.certificates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.jichitai.cloud.shared.TenantCode;

/** Documents shaped like the certificates that the issuing modules will print. */
public final class CertificateFixture {

    public static final TenantCode NAYORO = TenantCode.of("012211");
    public static final CertificateKind RESIDENT_RECORD_COPY = CertificateKind.of("住民票の写し");
    public static final CertificateKind DAMAGE_CERTIFICATE = CertificateKind.of("罹災証明書");
    public static final String CERTIFICATION_TEXT = "この写しは、住民票の原本と相違ないことを証明する。";
    public static final String CERTIFICATION_DATE = "令和7年11月26日";
    public static final String ISSUER = "名寄市長　山田　太郎";
    public static final IssueNumber ISSUE_NUMBER =
            IssueNumber.of(LocalDate.of(2025, 11, 26), "名寄市", "本庁1", "プリンタ001", 11);

    /** A 外字 of the tenant that its table maps to 邉. */
    public static final int GAIJI_WITH_SUBSTITUTE = 0xE001;
    /** A 外字 that the tenant's table does not map. */
    public static final int GAIJI_WITHOUT_SUBSTITUTE = 0xE002;
    /** 𠮷 (つちよし, U+20BB7): used in real names, but not in JIS X 0208 and not in IPAex Mincho. */
    public static final String NOT_IN_FONT = "𠮷";
    public static final GaijiTable GAIJI_TABLE =
            codePoint -> Optional.ofNullable(Map.of(GAIJI_WITH_SUBSTITUTE, "邉").get(codePoint));

    private CertificateFixture() {
    }

    /** A household of the given size: members named after the awkward characters the engine must print. */
    public static CertificateDocument residentRecordCopy(int members, VerificationCode code) {
        CertificateDocument.Builder builder = CertificateDocument.builder(NAYORO, RESIDENT_RECORD_COPY)
                .headerRow("住所", "北海道名寄市大通南1丁目1番地")
                .headerRow("世帯主", "髙橋　一郎");
        for (int i = 0; i < members; i++) {
            builder.section(FieldBlock.of("世帯員 " + (i + 1),
                    FieldRow.of("氏名", memberName(i)),
                    FieldRow.of("フリガナ", "タカハシ　イチロウ"),
                    FieldRow.of("生年月日", "昭和" + (30 + i % 30) + "年4月1日"),
                    FieldRow.of("性別", i % 2 == 0 ? "男" : "女"),
                    FieldRow.of("続柄", i == 0 ? "世帯主" : "子"),
                    FieldRow.of("住民となった年月日", "平成2年4月1日")));
        }
        return builder
                .footerLine("この証明書は、住民基本台帳法に基づき発行したものです。")
                .certification(CERTIFICATION_TEXT, CERTIFICATION_DATE, ISSUER)
                .issueNumber(ISSUE_NUMBER)
                .verificationCode(code)
                .build();
    }

    /** 髙橋, 﨑, ①, a mapped and an unmapped 外字, and a character the font lacks, in turn. */
    public static String memberName(int index) {
        return switch (index % 6) {
            case 0 -> "髙橋　一郎";
            case 1 -> "山﨑　花子";
            case 2 -> "髙橋　①子";
            case 3 -> "渡" + new String(Character.toChars(GAIJI_WITH_SUBSTITUTE)) + "　次郎";
            case 4 -> "渡" + new String(Character.toChars(GAIJI_WITHOUT_SUBSTITUTE)) + "　三郎";
            default -> NOT_IN_FONT + "野　四郎";
        };
    }

    /** A 罹災証明書 with its members as one table. */
    public static CertificateDocument damageCertificate(int members, VerificationCode code) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            rows.add(List.of(memberName(i), i == 0 ? "世帯主" : "子", "昭和50年1月1日"));
        }
        return CertificateDocument.builder(NAYORO, DAMAGE_CERTIFICATE)
                .headerRow("被災住家の所在地", "北海道名寄市西3条南6丁目")
                .headerRow("被害の程度", "半壊")
                .section(new Table("世帯構成員",
                        List.of(TableColumn.of("氏名", 3), TableColumn.of("続柄", 1), TableColumn.of("生年月日", 2)),
                        rows))
                .certification("上記のとおり相違ないことを証明します。", CERTIFICATION_DATE, ISSUER)
                .issueNumber(ISSUE_NUMBER)
                .verificationCode(code)
                .build();
    }
}
