package jp.jichitai.cloud.platform;

import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/** Bad input to the API gets a clear JSON error with a message id, and changes nothing. */
class ApiInputIntegrationTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;

    Http http;
    String admin;
    String settings;

    @BeforeEach
    void setUp() {
        http = new Http(baseUrl());
        admin = TestUsers.ensure(accounts, SHIBETSU, Role.TENANT_ADMIN);
        settings = "/api/v1/t/" + SHIBETSU.value() + "/settings";
    }

    private String currentMayor() {
        return http.get("/api/v1/t/" + SHIBETSU.value(), admin, PASSWORD).body();
    }

    @Test
    void malformedJsonIsRefused() {
        String before = currentMayor();
        HttpResponse<String> response = http.put(settings, admin, PASSWORD, "{\"mayorTitle\": \"士別市長\", ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("E-API-0001").contains("JSON");
        assertThat(currentMayor()).isEqualTo(before);
    }

    @Test
    void unknownFieldsAreRefused() {
        String before = currentMayor();
        HttpResponse<String> response = http.put(settings, admin, PASSWORD,
                "{\"mayorTitle\":\"士別市長\",\"mayorName\":\"剣淵　二郎\",\"tenantId\":\"012211\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("E-API-0002");
        assertThat(currentMayor()).isEqualTo(before);
    }

    @Test
    void oversizedBodiesAreRefused() {
        String before = currentMayor();
        String huge = "{\"mayorTitle\":\"士別市長\",\"mayorName\":\"" + "あ".repeat(600_000) + "\"}";
        HttpResponse<String> response = http.put(settings, admin, PASSWORD, huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("E-API-0413");
        assertThat(currentMayor()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "剣淵'; DROP TABLE tenant; --", "a\\\"b", "改行\\n入り",
            "&lt;b&gt;"})
    void metacharactersInTextFieldsAreRefused(String hostile) {
        String before = currentMayor();
        HttpResponse<String> response = http.put(settings, admin, PASSWORD,
                "{\"mayorTitle\":\"士別市長\",\"mayorName\":\"" + hostile + "\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("E-API-0003").contains("mayorName").contains("使用できない記号");
        assertThat(currentMayor()).isEqualTo(before);
    }

    @Test
    void metacharactersInTheTitleAreRefusedToo() {
        HttpResponse<String> response = http.put(settings, admin, PASSWORD,
                "{\"mayorTitle\":\"<b>市長</b>\",\"mayorName\":\"剣淵　二郎\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("mayorTitle");
    }

    @Test
    void missingFieldsNameEachField() {
        HttpResponse<String> response = http.put(settings, admin, PASSWORD, "{\"mayorTitle\":\"\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("首長の職名を入力してください。").contains("首長の氏名を入力してください。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"012200", "01220", "abcdef", "0122033"})
    void aTenantCodeWithAWrongCheckDigitOrFormIsABadRequest(String code) {
        HttpResponse<String> response = http.get("/api/v1/t/" + code, admin, PASSWORD);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).containsPattern("E-TEN-000[12]").contains("団体コード");
    }

    @Test
    void aValidChangeIsSavedAndAudited() {
        HttpResponse<String> response = http.put(settings, admin, PASSWORD,
                "{\"mayorTitle\":\"士別市長\",\"mayorName\":\"剣淵　次郎\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(currentMayor()).contains("剣淵　次郎");
        assertThat(http.get("/api/v1/t/" + SHIBETSU.value() + "/audit-log?limit=5", admin, PASSWORD).body())
                .contains("tenant.settings.update");
        http.put(settings, admin, PASSWORD, "{\"mayorTitle\":\"士別市長\",\"mayorName\":\"剣淵　二郎\"}");
    }

    @Test
    void aClerkMayNotChangeSettings() {
        String clerk = TestUsers.ensure(accounts, SHIBETSU, Role.CLERK);
        HttpResponse<String> response = http.put(settings, clerk, PASSWORD,
                "{\"mayorTitle\":\"士別市長\",\"mayorName\":\"剣淵　三郎\"}");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("E-API-0403");
        assertThat(currentMayor()).doesNotContain("剣淵　三郎");
    }

    @Test
    void noCredentialsGetAJsonUnauthorized() {
        HttpResponse<String> response = http.get("/api/v1/t/" + SHIBETSU.value());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("E-API-0401");
    }

    @Test
    void theOpenApiDocumentDescribesTheTenantApi() {
        HttpResponse<String> response = http.get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/t/{tenantCode}").contains("/api/v1/t/{tenantCode}/districts");
    }

    @Test
    void healthIsPublicAndMetricsAreForTheOperator() {
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
        String clerk = TestUsers.ensure(accounts, SHIBETSU, Role.CLERK);
        assertThat(http.get("/actuator/prometheus", clerk, PASSWORD).statusCode()).isEqualTo(403);
        http.get("/api/v1/t/" + SHIBETSU.value(), admin, PASSWORD);
        HttpResponse<String> metrics = http.getAccepting("/actuator/prometheus", TestUsers.ensureOperator(accounts),
                PASSWORD, "text/plain");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds").contains("tenant=\"012203\"");
    }
}
