package jp.jichitai.cloud.residents.registry;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.CertificateKind;
import jp.jichitai.cloud.certificates.FieldBlock;
import jp.jichitai.cloud.certificates.FieldRow;
import jp.jichitai.cloud.certificates.Marking;
import jp.jichitai.cloud.certificates.RenderResult;
import jp.jichitai.cloud.issuance.CertificateIssuance;
import jp.jichitai.cloud.issuance.IssueRequest;
import jp.jichitai.cloud.issuance.IssuedCertificate;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.CertificateOptions;
import jp.jichitai.cloud.residents.CertificateView;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentRecord;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.tenancy.TenantContext;
import jp.jichitai.cloud.tenancy.TenantProfile;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * 住民票の写し等の交付 (issuing copies of the resident record): 住民票の写し, 除票の写し, 住民票記載事項証明書 and
 * 除票記載事項証明書, for a whole household or chosen members, printing only what the options allow, numbered in
 * the town's {@code residents} scope and verifiable on the public page.
 */
@Service
public class ResidentCertificates {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** 写し (a full copy) or 記載事項証明書 (a certificate of the recorded items). */
    public enum Form {
        COPY, ITEMS
    }

    private final Residents residents;
    private final CertificateIssuance issuance;
    private final Tenants tenants;

    ResidentCertificates(Residents residents, CertificateIssuance issuance, Tenants tenants) {
        this.residents = residents;
        this.issuance = issuance;
        this.tenants = tenants;
    }

    /**
     * 交付前の確認 (the preview): exactly what the certificate will print (title, header, each member's items, 公用,
     * 認証文), read and audited like an issue but without an issue number or verification code, which only
     * {@link #issue} takes.
     */
    public record Preview(String title, List<FieldRow> header, List<FieldBlock> members, boolean officialUse,
            String certification, String certifiedOn, String issuer) {
    }

    public Preview preview(AtenaNumber atenaNumber, List<AtenaNumber> members, Form form, CertificateOptions options) {
        return contentOf(residents.certificateView(atenaNumber, members, options), form, options);
    }

    public IssuedCertificate issue(AtenaNumber atenaNumber, List<AtenaNumber> members, Form form,
            CertificateOptions options) {
        return issue(atenaNumber, members, form, options, null);
    }

    /**
     * Issues under a 再送キー ({@code idempotencyKey}, null for none): a repeat with the same key answers the
     * certificate issued before (same number, same content) instead of taking a new number.
     */
    public IssuedCertificate issue(AtenaNumber atenaNumber, List<AtenaNumber> members, Form form,
            CertificateOptions options, String idempotencyKey) {
        return issuance.issue(requestFor(atenaNumber, members, form, options).withIdempotencyKey(idempotencyKey));
    }

    /**
     * 見本 (specimen) as a PDF: the certificate {@link #issue} would print for the same choice, stamped 見本, with
     * placeholders for the issue number and the verification code; takes no number and records no certificate.
     * Read and audited like an issue (the registry's certificate view, then {@code certificate.preview}).
     */
    public RenderResult specimen(AtenaNumber atenaNumber, List<AtenaNumber> members, Form form,
            CertificateOptions options) {
        return issuance.preview(requestFor(atenaNumber, members, form, options));
    }

    /** What {@link #issue} and {@link #specimen} print: one request, so that the specimen is the certificate. */
    private IssueRequest requestFor(AtenaNumber atenaNumber, List<AtenaNumber> members, Form form,
            CertificateOptions options) {
        CertificateView view = residents.certificateView(atenaNumber, members, options);
        Preview content = contentOf(view, form, options);
        CertificateKind kind = CertificateKind.of(content.title());
        String subject = view.members().stream().map(member -> "atena:" + member.snapshot().atenaNumber().value())
                .collect(Collectors.joining(","));
        return IssueRequest.of("residents", kind, subject.length() > 200 ? subject.substring(0, 200) : subject,
                (number, code) -> {
                    CertificateDocument.Builder document = CertificateDocument.builder(TenantContext.require(), kind)
                            .title(content.title())
                            .issueNumber(number)
                            .verificationCode(code)
                            .certification(content.certification(), content.certifiedOn(), content.issuer());
                    content.header().forEach(row -> document.headerRow(row.label(), row.value()));
                    content.members().forEach(document::section);
                    if (content.officialUse()) {
                        document.marking(Marking.OFFICIAL_USE);
                    }
                    return document.build();
                });
    }

    private Preview contentOf(CertificateView view, Form form, CertificateOptions options) {
        TenantProfile profile = tenants.currentProfile();
        String record = view.removedRecords() ? "除票" : "住民票";
        String title = form == Form.COPY ? record + "の写し" : record + "記載事項証明書";
        String certification = form == Form.COPY
                ? "この写しは、" + record + "の原本と相違ないことを証明する。"
                : "上記のとおり" + record + "に記載されていることを証明する。";
        String today = RecordedDate.of(LocalDate.now(JAPAN)).toJapaneseEraText();
        List<FieldRow> header = new ArrayList<>();
        header.add(FieldRow.of("住所", addressOf(view)));
        view.headName().ifPresent(head -> header.add(FieldRow.of("世帯主", head.name())));
        List<FieldBlock> blocks = view.members().stream().map(member -> blockOf(member.snapshot(), options)).toList();
        return new Preview(title, header, blocks, options.officialUse(), certification, today, profile.issuer());
    }

    private static String addressOf(CertificateView view) {
        Resident first = view.members().get(0).snapshot();
        String building = first.address().buildingLine();
        return first.address().text() + (building == null || building.isBlank() ? "" : "　" + building);
    }

    private static FieldBlock blockOf(Resident person, CertificateOptions options) {
        List<FieldRow> rows = new ArrayList<>();
        rows.add(FieldRow.of("氏名", person.name().name()));
        if (person.name().kana() != null && !person.name().kana().isBlank()) {
            rows.add(FieldRow.of("フリガナ", person.name().kana()));
        }
        person.formerSurname().ifPresent(former -> rows.add(FieldRow.of("旧氏", former.name())));
        person.commonName().ifPresent(common -> rows.add(FieldRow.of("通称", common.name())));
        rows.add(FieldRow.of("生年月日", ResidentRecord.birthDateText(person)));
        rows.add(FieldRow.of("性別", person.sex().japanese()));
        if (options.headAndRelationship()) {
            rows.add(FieldRow.of("続柄", person.relationship().text()));
        }
        rows.add(FieldRow.of(person.kind() == ResidentKind.FOREIGN ? "外国人住民となった年月日" : "住民となった年月日",
                person.foreignItems().map(items -> items.becameForeignResidentOn().toGregorianText())
                        .orElse(person.becameResidentOn().toJapaneseEraText())));
        rows.add(FieldRow.of("住所を定めた年月日", person.addressSettledOn().toJapaneseEraText()));
        person.previousAddress().filter(text -> !text.isBlank()).ifPresent(previous -> rows.add(FieldRow.of("前住所", previous)));
        person.familyRegister().ifPresent(register -> {
            rows.add(FieldRow.of("本籍", register.registeredDomicile()));
            rows.add(FieldRow.of("筆頭者", register.headOfFamilyRegister()));
        });
        person.residentRecordCode().ifPresent(code -> rows.add(FieldRow.of("住民票コード", code.value())));
        person.individualNumber().ifPresent(number -> rows.add(FieldRow.of("個人番号", number.grouped())));
        person.foreignItems().ifPresent(items -> {
            rows.add(FieldRow.of("国籍・地域", items.nationalityOrRegion()));
            rows.add(FieldRow.of("アルファベット氏名", items.alphabetName()));
            items.statusOfResidence().ifPresent(status -> rows.add(FieldRow.of("在留資格", status)));
            items.periodOfStay().ifPresent(period -> rows.add(FieldRow.of("在留期間", period)));
            items.periodOfStayExpiresOn().ifPresent(date -> rows.add(FieldRow.of("在留期間の満了の日", date.toGregorianText())));
        });
        if (person.isRemoved()) {
            rows.add(FieldRow.of("消除", person.status().japanese() + "（" + RecordedDate.of(person.changedOn()).toJapaneseEraText() + "）"));
        }
        return FieldBlock.of(person.name().name(), rows.toArray(FieldRow[]::new));
    }
}
