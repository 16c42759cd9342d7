package jp.jichitai.cloud.issuance;

import static jp.jichitai.cloud.support.TestUsers.IMAKANE;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.CertificateKind;
import jp.jichitai.cloud.certificates.FieldBlock;
import jp.jichitai.cloud.certificates.FieldRow;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.tenancy.TenantContext;

class CertificateIssuanceIntegrationTests extends IntegrationTest {

    static final CertificateKind KIND = CertificateKind.of("試験証明書");

    @Autowired
    CertificateIssuance issuance;

    private static IssueRequest request(String scope, String subject) {
        return IssueRequest.of(scope, KIND, subject, (number, code) -> CertificateDocument.builder(NAYORO, KIND)
                .title("試験証明書")
                .section(FieldBlock.of("記載事項", FieldRow.of("氏名", "髙橋　一郎")))
                .certification("この写しは、原本と相違ないことを証明する。", "令和8年11月26日", "名寄市長　天塩　一郎")
                .issueNumber(number)
                .verificationCode(code)
                .build());
    }

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anIssueThatDidNotCommitIsNotEnteredUnderTheNumberTheNextCertificateGets() throws Exception {
        String scope = "test-" + UUID.randomUUID().toString().substring(0, 8);
        long auditBefore = count("SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE tenant_id = ?");
        // The issue's transaction rolls back after the number was taken and the PDF printed — as when its commit
        // fails (a failover), or when it was the loser of concurrent repeats under one 再送キー.
        IssuedCertificate lost = TenantContext.callAs(NAYORO, () -> new TransactionTemplate(transactions)
                .execute(status -> {
                    IssuedCertificate printed = issuance.issue(request(scope, "atena:rolled-back"));
                    status.setRollbackOnly();
                    return printed;
                }));
        IssuedCertificate issued = TenantContext.callAs(NAYORO, () -> issuance.issue(request(scope, "atena:issued")));

        assertThat(issued.issueNumber()).as("gapless: the number never issued goes to the next certificate")
                .isEqualTo(lost.issueNumber());
        String since = " AND seq > " + auditBefore;
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'certificate.issue'"
                + " AND query_text = '" + issued.issueNumber().text() + "'" + since))
                .as("one number, one issue entry").isOne();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'certificate.issue'"
                + " AND target = 'atena:issued' AND outcome = 'SUCCESS'" + since)).isOne();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'certificate.issue'"
                + " AND target = 'atena:rolled-back' AND outcome = 'FAILURE' AND query_text = '取り消し（発行されず）'"
                + since)).as("the attempt stays entered, without a number").isOne();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND target = 'atena:rolled-back'"
                + " AND action <> 'certificate.print' AND outcome = 'SUCCESS'" + since)).isZero();
        // Printed before either commit: both prints are entered, each with the number it carried.
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'certificate.print'"
                + " AND query_text = '" + issued.issueNumber().text() + "'" + since)).isEqualTo(2);
    }

    private static long count(String sql) throws Exception {
        try (Connection owner = TestDatabase.get().ownerConnection();
                PreparedStatement select = owner.prepareStatement(sql)) {
            select.setString(1, NAYORO.value());
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getLong(1);
            }
        }
    }

    @Test
    void aCertificateCarriesItsNumberAndCanBeVerifiedWithoutPersonalData() throws Exception {
        String scope = "test-" + UUID.randomUUID().toString().substring(0, 8);
        IssuedCertificate issued = TenantContext.callAs(NAYORO, () -> issuance.issue(request(scope, "atena:1")));

        assertThat(issued.serial()).isEqualTo(1);
        assertThat(issued.issueNumber().text()).matches("\\d{8} 名寄市 本庁1 プリンタ001 0*1");
        try (var pdf = Loader.loadPDF(issued.pdf())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("髙橋").contains(issued.issueNumber().text()).contains("名寄市長");
        }

        var page = new Http(baseUrl()).get("/verify/" + issued.verificationCode().grouped());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("この証明書は発行されています").contains("試験証明書").contains("名寄市")
                .contains(issued.contentDigest().hex()).doesNotContain("髙橋");

        var unknown = new Http(baseUrl()).get("/verify/ABCD-EFGH-JKMN");
        assertThat(unknown.body()).contains("該当する証明書は見つかりません");
    }

    @Test
    void aHundredParallelIssuesGetAHundredDistinctGaplessNumbers() throws Exception {
        String scope = "parallel-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService clerks = Executors.newFixedThreadPool(8);
        try {
            List<Future<IssuedCertificate>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int clerk = i;
                Callable<IssuedCertificate> work = () -> TenantContext.callAs(IMAKANE,
                        () -> issuance.issue(request(scope, "atena:" + clerk)));
                results.add(clerks.submit(work));
            }
            List<Long> serials = new ArrayList<>();
            for (Future<IssuedCertificate> result : results) {
                serials.add(result.get().serial());
            }
            assertThat(serials).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
        } finally {
            clerks.shutdownNow();
        }
    }

    @Test
    void numbersOfOneTownDoNotAdvanceAnothersCounter() {
        String scope = "towns-" + UUID.randomUUID().toString().substring(0, 8);
        TenantContext.callAs(NAYORO, () -> issuance.issue(request(scope, "atena:1")));
        TenantContext.callAs(NAYORO, () -> issuance.issue(request(scope, "atena:2")));
        IssuedCertificate imakane = TenantContext.callAs(IMAKANE, () -> issuance.issue(request(scope, "atena:3")));
        assertThat(imakane.serial()).isEqualTo(1);
    }
}
