package jp.jichitai.cloud.tenancy;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.CertificateKind;
import jp.jichitai.cloud.certificates.FieldBlock;
import jp.jichitai.cloud.certificates.FieldRow;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.issuance.CertificateIssuance;
import jp.jichitai.cloud.issuance.IssueRequest;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/** A town's 外字 table is its own, and certificates print each 外字 through it. */
class GaijiTableIntegrationTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;

    @Autowired
    CertificateIssuance issuance;

    @Test
    void aMappingIsTheTownsOwnAndCertificatesPrintItsSubstitute() throws Exception {
        Http http = new Http(baseUrl());
        String nayoroAdmin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        String shibetsuAdmin = TestUsers.ensure(accounts, SHIBETSU, Role.TENANT_ADMIN);

        var saved = http.put("/api/v1/t/012211/gaiji/U+E0A1", nayoroAdmin, PASSWORD,
                "{\"substitute\":\"﨑\",\"description\":\"たつさき\"}");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/t/012211/gaiji", nayoroAdmin, PASSWORD).body()).contains("U+E0A1").contains("﨑");
        assertThat(http.get("/api/v1/t/012203/gaiji", shibetsuAdmin, PASSWORD).body()).doesNotContain("U+E0A1");

        CertificateKind kind = CertificateKind.of("外字試験");
        var issued = TenantContext.callAs(NAYORO, () -> issuance.issue(IssueRequest.of("gaiji-test", kind, "atena:9",
                (number, code) -> CertificateDocument.builder(NAYORO, kind).title("外字試験")
                        .section(FieldBlock.of("記載事項", FieldRow.of("氏名", "山\uE0A1　花子")))
                        .certification("証明する。", "令和8年11月26日", "名寄市長　天塩　一郎")
                        .issueNumber(number).verificationCode(code).build())));
        try (var pdf = Loader.loadPDF(issued.pdf())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("山﨑").doesNotContain("〓");
        }
        var shibetsuIssued = TenantContext.callAs(SHIBETSU, () -> issuance.issue(IssueRequest.of("gaiji-test", kind,
                "atena:9", (number, code) -> CertificateDocument.builder(SHIBETSU, kind).title("外字試験")
                        .section(FieldBlock.of("記載事項", FieldRow.of("氏名", "山\uE0A1　花子")))
                        .certification("証明する。", "令和8年11月26日", "士別市長　剣淵　二郎")
                        .issueNumber(number).verificationCode(code).build())));
        assertThat(shibetsuIssued.substitutions()).isNotEmpty();
    }

    @Test
    void badInputIsRefusedWithItsMessageAndChangesNothing() {
        Http http = new Http(baseUrl());
        String admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        var outside = http.put("/api/v1/t/012211/gaiji/U+F000", admin, PASSWORD, "{\"substitute\":\"高\"}");
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(outside.body()).contains("E-TEN-0010");
        var twoCharacters = http.put("/api/v1/t/012211/gaiji/U+E0B0", admin, PASSWORD, "{\"substitute\":\"高橋\"}");
        assertThat(twoCharacters.body()).contains("E-TEN-0012");
        assertThat(http.get("/api/v1/t/012211/gaiji", admin, PASSWORD).body()).doesNotContain("U+E0B0");
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        assertThat(http.put("/api/v1/t/012211/gaiji/U+E0B1", clerk, PASSWORD, "{\"substitute\":\"高\"}").statusCode())
                .isEqualTo(403);
    }
}
