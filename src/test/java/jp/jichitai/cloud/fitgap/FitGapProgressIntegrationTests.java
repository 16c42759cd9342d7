package jp.jichitai.cloud.fitgap;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/** Each save adds to the analysis's progress history; the PDF carries the assessments and the history. */
class FitGapProgressIntegrationTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    ObjectMapper json;

    Http http;
    String nayoroAdmin;
    String shibetsuAdmin;

    @BeforeEach
    void users() {
        http = new Http(baseUrl());
        nayoroAdmin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        shibetsuAdmin = TestUsers.ensure(accounts, SHIBETSU, Role.TENANT_ADMIN);
    }

    @Test
    void threeSavesMakeThreeSnapshotsAndThePdfShowsThemWithTheAssessments() throws Exception {
        HttpResponse<String> created = http.post("/api/v1/t/012211/fit-gap/analyses", nayoroAdmin, PASSWORD,
                "{\"title\":\"進捗試験の分析\",\"steps\":[\"001\",\"002\",\"003\"]}");
        long id = json.readTree(created.body()).get("id").asLong();
        String base = "/api/v1/t/012211/fit-gap/analyses/" + id;
        assertThat(json.readTree(http.get(base + "/progress", nayoroAdmin, PASSWORD).body())).isEmpty();

        put(base + "/steps/001", "{\"fitGapClass\":\"導入可\",\"currentPractice\":\"本庁舎に臨時窓口\"}");
        put(base + "/steps/002", """
                {"fitGapClass":"事務変更","currentPractice":"運転免許証のみで確認","countermeasure":"自署による確認を規程に追加",
                 "owner":"市民課","dueDate":"2026-09-30"}""");
        put(base + "/steps/001", "{\"fitGapClass\":\"仕様変更\",\"currentPractice\":\"本庁舎に臨時窓口\"}");
        // A refused save adds nothing
        assertThat(http.put(base + "/steps/003", nayoroAdmin, PASSWORD, "{\"fitGapClass\":\"たぶん\"}").statusCode())
                .isEqualTo(422);

        JsonNode progress = json.readTree(http.get(base + "/progress", nayoroAdmin, PASSWORD).body());
        assertThat(progress).hasSize(3);
        assertThat(progress.get(0).get("countsByClass").get("導入可").asInt()).isEqualTo(1);
        assertThat(progress.get(0).get("unassessed").asInt()).isEqualTo(2);
        assertThat(progress.get(1).get("countsByClass").get("事務変更").asInt()).isEqualTo(1);
        assertThat(progress.get(2).get("countsByClass").get("導入可").asInt()).isZero();
        assertThat(progress.get(2).get("countsByClass").get("仕様変更").asInt()).isEqualTo(1);
        assertThat(progress.get(2).get("unassessed").asInt()).isEqualTo(1);

        HttpResponse<byte[]> pdf = bytes(base + ".pdf", nayoroAdmin);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("フィット&ギャップ分析表").contains("名寄市").contains("進捗試験の分析")
                    .contains("判定: 仕様変更").contains("自署による確認を規程に追加").contains("市民課")
                    .contains("2026-09-30").contains("進捗の推移").contains("未判定 1件");
        }
        assertThat(http.getAccepting("/admin/fit-gap/" + id, nayoroAdmin, PASSWORD, "text/html").body())
                .contains("進捗の推移").contains("id=\"progress\"");
        assertThat(bytes("/admin/fit-gap/" + id + ".pdf", nayoroAdmin).statusCode()).isEqualTo(200);

        // Another town: not found, by the API and by the screen
        String other = "/api/v1/t/012203/fit-gap/analyses/" + id;
        assertThat(http.get(other + "/progress", shibetsuAdmin, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(bytes(other + ".pdf", shibetsuAdmin).statusCode()).isEqualTo(404);
        assertThat(bytes(base + ".pdf", shibetsuAdmin).statusCode()).isEqualTo(404);
    }

    private void put(String path, String body) {
        HttpResponse<String> response = http.put(path, nayoroAdmin, PASSWORD, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<byte[]> bytes(String path, String user) {
        try {
            String credentials = Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", "Basic " + credentials).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
