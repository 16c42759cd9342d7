package jp.jichitai.cloud.fitgap;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/** A town's analyses through the API: start, assess, export; another town's analysis is not found. */
class FitGapApiIntegrationTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    ObjectMapper json;

    Http http;
    String nayoroAdmin;
    String shibetsuAdmin;
    String nayoroClerk;

    @BeforeEach
    void users() {
        http = new Http(baseUrl());
        nayoroAdmin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        shibetsuAdmin = TestUsers.ensure(accounts, SHIBETSU, Role.TENANT_ADMIN);
        nayoroClerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
    }

    long startNayoroAnalysis() {
        HttpResponse<String> created = http.post("/api/v1/t/012211/fit-gap/analyses", nayoroAdmin, PASSWORD,
                "{\"title\":\"名寄市 被災者支援\",\"steps\":[\"001\",\"002\",\"003\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    @Test
    void anAdministratorAssessesStepsAndExportsTheWorkbook() throws Exception {
        long id = startNayoroAnalysis();
        HttpResponse<String> assessed = http.put("/api/v1/t/012211/fit-gap/analyses/" + id + "/steps/002", nayoroAdmin,
                PASSWORD, """
                {"fitGapClass":"事務変更","currentPractice":"運転免許証のみで確認","countermeasure":"自署による確認を規程に追加",
                 "owner":"市民課","dueDate":"2026-09-30"}""");
        assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(200);
        JsonNode analysis = json.readTree(assessed.body());
        assertThat(analysis.get("steps")).hasSize(3);
        assertThat(analysis.get("summary").get("countsByClass").get("事務変更").asInt()).isEqualTo(1);
        assertThat(analysis.get("summary").get("unassessed").asInt()).isEqualTo(2);

        String list = http.get("/api/v1/t/012211/fit-gap/analyses", nayoroAdmin, PASSWORD).body();
        assertThat(list).contains("名寄市 被災者支援");

        HttpResponse<byte[]> workbook = bytes("/api/v1/t/012211/fit-gap/analyses/" + id + ".xlsx", nayoroAdmin);
        assertThat(workbook.statusCode()).isEqualTo(200);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            Sheet sheet = book.getSheet(FitGapWorkbook.ANALYSIS_SHEET);
            StringBuilder text = new StringBuilder();
            sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
            assertThat(text).contains("事務変更").contains("自署による確認を規程に追加").contains("市民課");
        }
    }

    @Test
    void anUnknownClassIsRefusedInJapanese() {
        long id = startNayoroAnalysis();
        HttpResponse<String> response = http.put("/api/v1/t/012211/fit-gap/analyses/" + id + "/steps/001", nayoroAdmin,
                PASSWORD, "{\"fitGapClass\":\"たぶん\"}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("E-FIT-0003");
    }

    @Test
    void anotherTownsAnalysisIsNotFoundByAnyRoute() {
        long nayoroId = startNayoroAnalysis();
        long unused = nayoroId + 1000;
        String base = "/api/v1/t/012203/fit-gap/analyses/";

        HttpResponse<String> other = http.get(base + nayoroId, shibetsuAdmin, PASSWORD);
        HttpResponse<String> none = http.get(base + unused, shibetsuAdmin, PASSWORD);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).isEqualTo(none.body()).contains("E-API-0404");

        HttpResponse<String> put = http.put(base + nayoroId + "/steps/001", shibetsuAdmin, PASSWORD,
                "{\"fitGapClass\":\"導入可\"}");
        assertThat(put.statusCode()).isEqualTo(404);
        assertThat(bytes(base + nayoroId + ".xlsx", shibetsuAdmin).statusCode()).isEqualTo(404);
        assertThat(http.get(base.replace("012203", "012211") + nayoroId, shibetsuAdmin, PASSWORD).statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/t/012203/fit-gap/analyses", shibetsuAdmin, PASSWORD).body())
                .doesNotContain("名寄市 被災者支援");
        // and Nayoro's analysis is untouched by the refused change
        assertThat(http.get("/api/v1/t/012211/fit-gap/analyses/" + nayoroId, nayoroAdmin, PASSWORD).body())
                .contains("\"unassessed\":3");
    }

    @Test
    void aClerkCannotStartAnAnalysis() {
        HttpResponse<String> response = http.post("/api/v1/t/012211/fit-gap/analyses", nayoroClerk, PASSWORD, "{}");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    HttpResponse<byte[]> bytes(String path, String user) {
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
