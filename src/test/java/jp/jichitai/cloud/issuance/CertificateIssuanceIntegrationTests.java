package jp.jichitai.cloud.issuance;

import static jp.jichitai.cloud.support.TestUsers.IMAKANE;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static org.assertj.core.api.Assertions.assertThat;

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

import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.CertificateKind;
import jp.jichitai.cloud.certificates.FieldBlock;
import jp.jichitai.cloud.certificates.FieldRow;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
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
