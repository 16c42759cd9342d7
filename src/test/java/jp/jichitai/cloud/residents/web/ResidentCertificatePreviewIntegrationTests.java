package jp.jichitai.cloud.residents.web;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.CertificateKind;
import jp.jichitai.cloud.certificates.FieldBlock;
import jp.jichitai.cloud.certificates.FieldRow;
import jp.jichitai.cloud.certificates.RenderResult;
import jp.jichitai.cloud.certificates.SubstitutionReason;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.issuance.CertificateIssuance;
import jp.jichitai.cloud.issuance.IssueRequest;
import jp.jichitai.cloud.issuance.IssuedCertificate;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.ApiMoveIn;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.PdfText;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * 交付前の確認 through the API: {@code POST …/residents/{atena}/certificates/preview} answers the certificate the same
 * choice would issue, stamped 見本, with no issue number, verification code or QR code; it takes no number, records no
 * certificate, is refused exactly as the issue is, and is audited as a display of personal data.
 */
class ResidentCertificatePreviewIntegrationTests extends IntegrationTest {

    private static final Pattern GROUPED_CODE = Pattern.compile("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
    private static final String CHOICE = "{\"form\":\"COPY\",\"headAndRelationship\":true,\"officialUse\":true}";

    @Autowired
    UserAccounts accounts;

    @Autowired
    CertificateIssuance issuance;

    @Test
    void theSpecimenIsTheCertificateStampedAndTakesNoNumber() throws Exception {
        Http http = new Http(baseUrl());
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        String atena = ApiMoveIn.moveIn(baseUrl(), NAYORO, clerk, "見本　確子", "ミホン　カクコ");
        String path = "/api/v1/t/012211/residents/" + atena + "/certificates";
        HttpResponse<byte[]> before = http.postForBytes(path, clerk, PASSWORD, CHOICE);
        assertThat(before.statusCode()).as(text(before)).isEqualTo(200);
        long certificates = count(NAYORO, "SELECT COUNT(*) FROM issued_certificate WHERE tenant_id = ?");
        long verifiable = count(NAYORO, "SELECT COUNT(*) FROM certificate_verification WHERE tenant_code = ?");
        long lastSerial = count(NAYORO, "SELECT COALESCE(MAX(last_serial), 0) FROM certificate_counter WHERE tenant_id = ? AND scope = 'residents'");
        long auditBefore = count(NAYORO, "SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE tenant_id = ?");

        HttpResponse<byte[]> preview = http.postForBytes(path + "/preview", clerk, PASSWORD, CHOICE);

        assertThat(preview.statusCode()).as(text(preview)).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        assertThat(preview.headers().firstValue("X-Issue-Number")).isEmpty();
        assertThat(preview.headers().firstValue("X-Verification-Code")).isEmpty();
        List<String> pages = PdfText.pages(preview.body());
        assertThat(pages).isNotEmpty().allSatisfy(page -> assertThat(page).contains("見本").contains("住民票の写し")
                .doesNotContain("プリンタ001").doesNotContain("/verify/").doesNotContainPattern(GROUPED_CODE));
        String specimen = String.join("\n", pages);
        assertThat(specimen).contains("見本　確子").contains("公用").contains("この写しは、住民票の原本と相違ないことを証明する。")
                .contains("名寄市長　天塩　一郎");
        assertThat(count(NAYORO, "SELECT COUNT(*) FROM issued_certificate WHERE tenant_id = ?"))
                .as("no certificate recorded").isEqualTo(certificates);
        assertThat(count(NAYORO, "SELECT COUNT(*) FROM certificate_verification WHERE tenant_code = ?"))
                .as("nothing to verify").isEqualTo(verifiable);
        assertThat(count(NAYORO, "SELECT COALESCE(MAX(last_serial), 0) FROM certificate_counter WHERE tenant_id = ? AND scope = 'residents'"))
                .as("no number taken").isEqualTo(lastSerial);
        assertThat(count(NAYORO, "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'certificate.preview'"
                + " AND outcome = 'SUCCESS' AND target = 'atena:" + atena + "' AND seq > " + auditBefore)).isOne();
        assertThat(count(NAYORO, "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action IN"
                + " ('certificate.issue', 'certificate.reissue') AND seq > " + auditBefore)).isZero();

        HttpResponse<byte[]> issued = http.postForBytes(path, clerk, PASSWORD, CHOICE);
        assertThat(issued.statusCode()).as(text(issued)).isEqualTo(200);
        assertThat(serialOf(issued)).as("the next certificate gets the number it would have got").isEqualTo(serialOf(before) + 1);
        // Every line of the certificate is on the specimen, but for its number, its code and how to verify it.
        String number = java.net.URLDecoder.decode(issued.headers().firstValue("X-Issue-Number").orElseThrow(),
                StandardCharsets.UTF_8);
        List<String> certificateLines = String.join("\n", PdfText.pages(issued.body())).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.contains(number) && !GROUPED_CODE.matcher(line).find()
                        && !line.contains("/verify/") && !line.contains("QRコード"))
                .toList();
        assertThat(certificateLines).hasSizeGreaterThan(10).allSatisfy(line -> assertThat(specimen).contains(line));
    }

    @Test
    void anotherTownsUserGetsTheAnswerOfAMissingResident() throws Exception {
        Http http = new Http(baseUrl());
        String nayoroClerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        String shibetsuClerk = TestUsers.ensure(accounts, SHIBETSU, Role.CLERK);
        ApiMoveIn.moveIn(baseUrl(), NAYORO, nayoroClerk, "他町　秘子", "タチョウ　ヒコ");
        String nayoroOnly = aNayoroOnlyResident();
        long nayoroAudit = count(NAYORO, "SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE tenant_id = ?");

        HttpResponse<byte[]> missing = http.postForBytes("/api/v1/t/012203/residents/99999999/certificates/preview",
                shibetsuClerk, PASSWORD, CHOICE);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(text(missing)).isEqualTo(ResidentsApiIntegrationTests.NOT_FOUND_BODY);
        for (String path : List.of("/api/v1/t/012203/residents/" + nayoroOnly + "/certificates",
                "/api/v1/t/012211/residents/" + nayoroOnly + "/certificates")) {
            HttpResponse<byte[]> issue = http.postForBytes(path, shibetsuClerk, PASSWORD, CHOICE);
            HttpResponse<byte[]> preview = http.postForBytes(path + "/preview", shibetsuClerk, PASSWORD, CHOICE);
            assertThat(preview.statusCode()).as(path).isEqualTo(404).isEqualTo(issue.statusCode());
            assertThat(text(preview)).as(path).isEqualTo(text(missing)).isEqualTo(text(issue));
        }
        assertThat(count(NAYORO, "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'certificate.preview'"
                + " AND seq > " + nayoroAudit)).isZero();
        HttpResponse<byte[]> own = http.postForBytes("/api/v1/t/012211/residents/" + nayoroOnly + "/certificates/preview",
                nayoroClerk, PASSWORD, CHOICE);
        assertThat(own.statusCode()).as("the town's own clerk gets it").isEqualTo(200);
    }

    @Test
    void aWrongChoiceIsRefusedWithTheIssuesMessage() throws Exception {
        Http http = new Http(baseUrl());
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        String atena = ApiMoveIn.moveIn(baseUrl(), NAYORO, clerk, "選択　誤子", "センタク　アヤコ");
        String stranger = ApiMoveIn.moveIn(baseUrl(), NAYORO, clerk, "別世帯　某", "ベツセタイ　ボウ");
        String path = "/api/v1/t/012211/residents/" + atena + "/certificates";
        long lastSerial = count(NAYORO, "SELECT COALESCE(MAX(last_serial), 0) FROM certificate_counter WHERE tenant_id = ? AND scope = 'residents'");

        HttpResponse<byte[]> wrongForm = http.postForBytes(path + "/preview", clerk, PASSWORD, "{\"form\":\"COPIES\"}");
        assertThat(wrongForm.statusCode()).isEqualTo(400);
        assertThat(text(wrongForm)).contains("E-API-0003", "\"form\"", "COPY（写し）または ITEMS（記載事項証明書）");
        assertThat(text(http.postForBytes(path, clerk, PASSWORD, "{\"form\":\"COPIES\"}"))).isEqualTo(text(wrongForm));

        String otherHousehold = "{\"form\":\"ITEMS\",\"members\":[\"" + stranger + "\"]}";
        HttpResponse<byte[]> notAMember = http.postForBytes(path + "/preview", clerk, PASSWORD, otherHousehold);
        assertThat(notAMember.statusCode()).isEqualTo(422);
        assertThat(text(notAMember)).contains("E-RES-0068");
        HttpResponse<byte[]> issueNotAMember = http.postForBytes(path, clerk, PASSWORD, otherHousehold);
        assertThat(issueNotAMember.statusCode()).isEqualTo(422);
        assertThat(text(issueNotAMember)).isEqualTo(text(notAMember));

        String auditor = TestUsers.ensure(accounts, NAYORO, Role.AUDITOR);
        assertThat(http.postForBytes(path + "/preview", auditor, PASSWORD, CHOICE).statusCode()).isEqualTo(403);
        assertThat(count(NAYORO, "SELECT COALESCE(MAX(last_serial), 0) FROM certificate_counter WHERE tenant_id = ? AND scope = 'residents'"))
                .isEqualTo(lastSerial);
    }

    @Test
    void aSpecimenPrintsGaijiThroughTheTownsTableAsTheCertificateDoes() throws Exception {
        Http http = new Http(baseUrl());
        String admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        assertThat(http.put("/api/v1/t/012211/gaiji/U+E0A1", admin, PASSWORD,
                "{\"substitute\":\"﨑\",\"description\":\"たつさき\"}").statusCode()).isEqualTo(200);
        CertificateKind kind = CertificateKind.of("外字見本試験");
        IssueRequest request = IssueRequest.of("preview-gaiji-test", kind, "atena:9",
                (number, code) -> CertificateDocument.builder(NAYORO, kind).title("外字見本試験")
                        .section(FieldBlock.of("記載事項", FieldRow.of("氏名", "山\uE0A1　花子"),
                                FieldRow.of("交付日", number.issueDate().toString())))
                        .certification("証明する。", "令和8年12月6日", "名寄市長　天塩　一郎")
                        .issueNumber(number).verificationCode(code).build());

        RenderResult specimen = TenantContext.callAs(NAYORO, () -> issuance.preview(request));

        assertThat(String.join("\n", PdfText.pages(specimen.pdf()))).contains("山﨑　花子").contains("見本").doesNotContain("〓")
                .contains(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString());
        assertThat(specimen.substitutions()).extracting(substitution -> substitution.reason())
                .containsExactly(SubstitutionReason.GAIJI_SUBSTITUTED);
        assertThat(count(NAYORO, "SELECT COUNT(*) FROM certificate_counter WHERE tenant_id = ? AND scope = 'preview-gaiji-test'"))
                .as("a specimen does not even open a numbering scope").isZero();
        IssuedCertificate issued = TenantContext.callAs(NAYORO, () -> issuance.issue(request));
        assertThat(issued.substitutions()).isEqualTo(specimen.substitutions());
        assertThat(issued.issueNumber().serial()).isEqualTo(1);
    }

    @Test
    void thePreviewIsDocumented() {
        String docs = new Http(baseUrl()).get("/v3/api-docs").body();
        assertThat(docs).contains("/api/v1/t/{tenantCode}/residents/{atenaNumber}/certificates/preview")
                .contains("交付する証明書の見本を表示する");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static long serialOf(HttpResponse<byte[]> issued) {
        String number = java.net.URLDecoder.decode(issued.headers().firstValue("X-Issue-Number").orElseThrow(),
                StandardCharsets.UTF_8);
        String[] parts = number.split(" ");
        return Long.parseLong(parts[parts.length - 1]);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** A 宛名番号 that 名寄市 uses and 士別市 does not (numbers are per town, so most exist in both). */
    private static String aNayoroOnlyResident() throws Exception {
        try (Connection owner = TestDatabase.get().ownerConnection();
                ResultSet row = owner.createStatement().executeQuery("SELECT n.atena_number FROM resident_current n"
                        + " WHERE n.tenant_id = '012211' AND n.status = 'RESIDENT' AND NOT EXISTS (SELECT 1 FROM"
                        + " resident_snapshot s WHERE s.tenant_id = '012203' AND s.atena_number = n.atena_number)"
                        + " ORDER BY n.atena_number DESC")) {
            assertThat(row.next()).as("名寄市 has more residents than 士別市 in the demo population").isTrue();
            return row.getString(1);
        }
    }

    private static long count(TenantCode tenant, String sql) throws Exception {
        try (Connection owner = TestDatabase.get().ownerConnection();
                PreparedStatement select = owner.prepareStatement(sql)) {
            select.setString(1, tenant.value());
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).as(sql).isTrue();
                return result.getLong(1);
            }
        }
    }
}
