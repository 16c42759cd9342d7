package jp.jichitai.cloud.residents.web;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;

/** 住民票の写し: printed with the embedded font, numbered, certified by the mayor, verifiable, and only what was asked. */
class ResidentCertificateIntegrationTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;

    private String[] aCurrentHead(String tenant) throws Exception {
        try (Connection owner = TestDatabase.get().ownerConnection();
                ResultSet row = owner.createStatement().executeQuery("SELECT atena_number, name FROM resident_current"
                        + " WHERE tenant_id = '" + tenant + "' AND relationship = '世帯主' AND resident_kind = 'JAPANESE'"
                        + " AND status = 'RESIDENT' ORDER BY atena_number")) {
            assertThat(row.next()).as("the demo population has a head of household in " + tenant).isTrue();
            return new String[] {row.getString(1), row.getString(2)};
        }
    }

    /** A 宛名番号 that 名寄市 uses and 士別市 does not (numbers are per town, so most exist in both). */
    private String[] aNayoroOnlyResident() throws Exception {
        try (Connection owner = TestDatabase.get().ownerConnection();
                ResultSet row = owner.createStatement().executeQuery("SELECT n.atena_number, n.name FROM resident_current n"
                        + " WHERE n.tenant_id = '012211' AND NOT EXISTS (SELECT 1 FROM resident_snapshot s"
                        + " WHERE s.tenant_id = '012203' AND s.atena_number = n.atena_number) ORDER BY n.atena_number DESC")) {
            assertThat(row.next()).as("名寄市 has more residents than 士別市 in the demo population").isTrue();
            return new String[] {row.getString(1), row.getString(2)};
        }
    }

    @Test
    void aClerkGetsACopyOfTheHouseholdsRecordAsAPdf() throws Exception {
        Http http = new Http(baseUrl());
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        String[] head = aCurrentHead(NAYORO.value());

        var response = http.postForBytes("/api/v1/t/012211/residents/" + head[0] + "/certificates", clerk, PASSWORD,
                "{\"form\":\"COPY\",\"headAndRelationship\":true,\"officialUse\":true}");
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        String issueNumber = java.net.URLDecoder.decode(response.headers().firstValue("X-Issue-Number").orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(issueNumber).matches("\\d{8} 名寄市 本庁1 プリンタ001 \\d+");

        String text;
        try (var pdf = Loader.loadPDF(response.body())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text).contains("住民票の写し").contains(head[1]).contains(issueNumber)
                .contains("この写しは、住民票の原本と相違ないことを証明する。").contains("名寄市長　天塩　一郎")
                .contains("世帯主").contains("公用").containsPattern("(令和|平成|昭和|大正|明治)(元|\\d+)年")
                .doesNotContain("個人番号").doesNotContain("本籍");

        String code = response.headers().firstValue("X-Verification-Code").orElseThrow();
        assertThat(http.get("/verify/" + code).body()).contains("住民票の写し").contains("名寄市").doesNotContain(head[1]);

        File pdffonts = new File("/usr/bin/pdffonts");
        boolean required = "true".equals(System.getenv("CI"));
        assumeTrue(pdffonts.canExecute() || required, "pdffonts (poppler-utils) is not installed");
        Path file = Files.createTempFile("juminhyo", ".pdf");
        Files.write(file, response.body());
        Process fonts = new ProcessBuilder(pdffonts.getPath(), file.toString()).redirectErrorStream(true).start();
        String listing = new String(fonts.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fonts.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(listing).contains("IPAexMincho").containsPattern("(?m)IPAexMincho.*\\byes\\b");
    }

    private static long serialOf(java.net.http.HttpResponse<byte[]> issued) {
        String number = java.net.URLDecoder.decode(issued.headers().firstValue("X-Issue-Number").orElseThrow(), StandardCharsets.UTF_8);
        String[] parts = number.split(" ");
        return Long.parseLong(parts[parts.length - 1]);
    }

    @Test
    void thePreviewShowsWhatWillPrintAndTakesNoIssueNumber() throws Exception {
        Http http = new Http(baseUrl());
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        String[] head = aCurrentHead(NAYORO.value());
        String issue = "/api/v1/t/012211/residents/" + head[0] + "/certificates";
        var first = http.postForBytes(issue, clerk, PASSWORD, "{\"form\":\"COPY\"}");
        assertThat(first.statusCode()).isEqualTo(200);

        var preview = http.getAccepting("/residents/" + head[0] + "/certificate?form=COPY&headAndRelationship=true"
                + "&officialUse=true&members=" + head[0], clerk, PASSWORD, "text/html");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        String page = preview.body();
        assertThat(page).contains("住民票の写しの確認").contains(head[1]).contains("id=\"official-use\"").contains("世帯主")
                .contains("この写しは、住民票の原本と相違ないことを証明する。").contains("名寄市長　天塩　一郎")
                .contains("交付番号・照合コード（QR）は交付時に付きます。").doesNotContain("個人番号</dt>").doesNotContain("本籍</dt>");
        assertThat(page).as("the issue button carries the previewed choice").contains("name=\"officialUse\" value=\"true\"")
                .contains("name=\"members\" value=\"" + head[0] + "\"").contains("name=\"familyRegister\" value=\"false\"");
        var plain = http.getAccepting("/residents/" + head[0] + "/certificate?form=ITEMS", clerk, PASSWORD, "text/html");
        assertThat(plain.body()).contains("住民票記載事項証明書").doesNotContain("id=\"official-use\"");

        var second = http.postForBytes(issue, clerk, PASSWORD, "{\"form\":\"COPY\"}");
        assertThat(serialOf(second)).as("two previews in between took no number").isEqualTo(serialOf(first) + 1);

        String auditor = TestUsers.ensure(accounts, NAYORO, Role.AUDITOR);
        assertThat(http.getAccepting("/residents/" + head[0] + "/certificate", auditor, PASSWORD, "text/html")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void itemsNotAskedForAreLeftOffAndAnotherTownsResidentIsNotFound() throws Exception {
        Http http = new Http(baseUrl());
        String clerk = TestUsers.ensure(accounts, SHIBETSU, Role.CLERK);
        String[] nayoroHead = aNayoroOnlyResident();
        var other = http.postForBytes("/api/v1/t/012203/residents/" + nayoroHead[0] + "/certificates", clerk, PASSWORD,
                "{\"form\":\"COPY\"}");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(new String(other.body(), StandardCharsets.UTF_8)).contains("E-API-0404").doesNotContain(nayoroHead[1]);

        String auditor = TestUsers.ensure(accounts, SHIBETSU, Role.AUDITOR);
        String[] head = aCurrentHead(SHIBETSU.value());
        assertThat(http.postForBytes("/api/v1/t/012203/residents/" + head[0] + "/certificates", auditor, PASSWORD,
                "{\"form\":\"COPY\"}").statusCode()).isEqualTo(403);

        var items = http.postForBytes("/api/v1/t/012203/residents/" + head[0] + "/certificates", clerk, PASSWORD,
                "{\"form\":\"ITEMS\",\"members\":[\"" + head[0] + "\"]}");
        assertThat(items.statusCode()).isEqualTo(200);
        try (var pdf = Loader.loadPDF(items.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("住民票記載事項証明書").contains("上記のとおり住民票に記載されていることを証明する。")
                    .contains("士別市長").doesNotContain("続柄").doesNotContain("公用");
        }
    }
}
