package jp.jichitai.cloud.disaster.internal;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/** The contract of the disaster API: shapes, status codes, roles, and the Japanese level names. */
class DisasterApiIntegrationTests extends IntegrationTest {

    static final String BASE = "/api/v1/t/" + NAYORO.value() + "/disasters";

    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcResidentDirectory directory;

    Http http;
    String admin;
    String clerk;

    @BeforeEach
    void seed() {
        http = new Http(baseUrl());
        admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        assertThat(DisasterFixture.seed(directory, NAYORO).loaded()).isEqualTo(8);
    }

    @Test
    void aScriptedCaseGoesFromDeclarationToTheCertificatePdf() {
        HttpResponse<String> declared = http.post(BASE, admin, PASSWORD,
                "{\"name\":\"令和8年名寄地震\",\"kind\":\"地震\",\"occurredOn\":\"" + LocalDate.now().minusDays(2) + "\"}");
        assertThat(declared.statusCode()).isEqualTo(201);
        assertThat(declared.body()).matches("\\{\"id\":[0-9]+\\}");
        long disaster = id(declared.body());

        HttpResponse<String> report = http.post(BASE + "/" + disaster + "/damage-reports", clerk, PASSWORD,
                "{\"atenaNumber\":\"" + DisasterFixture.SATO_ICHIRO + "\",\"reportedOn\":\"" + LocalDate.now()
                        + "\",\"description\":\"壁にひび割れ、瓦の落下\"}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
        assertThat(report.body()).matches("\\{\"id\":[0-9]+\\}");
        long reportId = id(report.body());

        HttpResponse<String> survey = http.post(BASE + "/" + disaster + "/surveys", clerk, PASSWORD,
                "{\"reportId\":" + reportId + ",\"damageRatio\":35}");
        assertThat(survey.statusCode()).as(survey.body()).isEqualTo(201);
        assertThat(survey.body()).matches("\\{\"id\":[0-9]+,\"level\":\"中規模半壊\"\\}");

        HttpResponse<byte[]> certificate = http.postForBytes(BASE + "/" + disaster + "/certificates", clerk, PASSWORD,
                "{\"reportId\":" + reportId + "}");
        assertThat(certificate.statusCode()).isEqualTo(200);
        assertThat(certificate.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(new String(certificate.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(certificate.headers().firstValue("X-Certificate-Serial")).contains("1");

        HttpResponse<String> victims = http.get(BASE + "/" + disaster + "/victims?q=サトウ", clerk, PASSWORD);
        assertThat(victims.statusCode()).isEqualTo(200);
        assertThat(victims.body()).contains(DisasterFixture.SATO_ICHIRO).contains("佐藤　花子").doesNotContain("髙橋");
        assertThat(http.get(BASE, clerk, PASSWORD).body()).contains("令和8年名寄地震").contains("\"kind\":\"地震\"");
        assertThat(http.get("/api/v1/t/" + NAYORO.value() + "/audit-log?limit=1000", admin, PASSWORD).body())
                .contains("disaster.victim.search").contains("certificate.issue");
    }

    @ParameterizedTest
    @CsvSource({"35, 中規模半壊", "50, 全壊", "49.999, 大規模半壊", "10, 準半壊", "9.99, 準半壊に至らない", "20, 半壊"})
    void theSurveyAnswersTheLevelByTheCabinetOfficeStandard(String ratio, String level) {
        long disaster = declare("風水害");
        long reportId = id(http.post(BASE + "/" + disaster + "/damage-reports", clerk, PASSWORD,
                "{\"atenaNumber\":\"" + DisasterFixture.SATO_HANAKO + "\",\"reportedOn\":\"" + LocalDate.now()
                        + "\",\"description\":\"床上浸水\"}").body());
        HttpResponse<String> survey = http.post(BASE + "/" + disaster + "/surveys", clerk, PASSWORD,
                "{\"reportId\":" + reportId + ",\"damageRatio\":" + ratio + "}");
        assertThat(survey.body()).endsWith("\"level\":\"" + level + "\"}");
    }

    @Test
    void aClerkCannotDeclareADisaster() {
        HttpResponse<String> refused = http.post(BASE, clerk, PASSWORD,
                "{\"name\":\"誤登録\",\"kind\":\"火災\",\"occurredOn\":\"" + LocalDate.now() + "\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(http.get(BASE, clerk, PASSWORD).body()).doesNotContain("誤登録");
    }

    @Test
    void anUnknownKindIsRefusedInJapanese() {
        HttpResponse<String> refused = http.post(BASE, admin, PASSWORD,
                "{\"name\":\"竜巻\",\"kind\":\"竜巻\",\"occurredOn\":\"" + LocalDate.now() + "\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("E-DIS-0023").contains("地震・風水害・火災・その他");
    }

    @Test
    void aCertificateWithoutSurveyIsRefusedWithTheReason() {
        long disaster = declare("火災");
        long reportId = id(http.post(BASE + "/" + disaster + "/damage-reports", clerk, PASSWORD,
                "{\"atenaNumber\":\"" + DisasterFixture.SATO_ICHIRO + "\",\"reportedOn\":\"" + LocalDate.now()
                        + "\",\"description\":\"全焼\"}").body());
        HttpResponse<String> refused = http.post(BASE + "/" + disaster + "/certificates", clerk, PASSWORD,
                "{\"reportId\":" + reportId + "}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("E-DIS-0030");
    }

    @Test
    void aDrillIsNumberedApartNeverCountedAndRemovedAsAWhole() {
        HttpResponse<String> declared = http.post(BASE, admin, PASSWORD, "{\"name\":\"防災訓練\",\"kind\":\"地震\",\"occurredOn\":\""
                + LocalDate.now() + "\",\"drill\":true}");
        long drill = id(declared.body());
        long reportId = id(http.post(BASE + "/" + drill + "/damage-reports", clerk, PASSWORD,
                "{\"atenaNumber\":\"" + DisasterFixture.SATO_ICHIRO + "\",\"reportedOn\":\"" + LocalDate.now()
                        + "\",\"description\":\"訓練\"}").body());
        http.post(BASE + "/" + drill + "/surveys", clerk, PASSWORD, "{\"reportId\":" + reportId + ",\"damageRatio\":55}");
        HttpResponse<byte[]> certificate = http.postForBytes(BASE + "/" + drill + "/certificates", clerk, PASSWORD,
                "{\"reportId\":" + reportId + "}");
        assertThat(certificate.statusCode()).isEqualTo(200);
        assertThat(certificate.headers().firstValue("X-Certificate-Serial")).contains("1");
        assertThat(http.get(BASE + "/" + drill + "/statistics", clerk, PASSWORD).body()).contains("\"counted\":false")
                .doesNotContain("全壊");

        assertThat(http.delete(BASE + "/" + drill, clerk, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(http.delete(BASE + "/" + drill, admin, PASSWORD).statusCode()).isEqualTo(204);
        assertThat(http.get(BASE + "/" + drill, clerk, PASSWORD).statusCode()).isEqualTo(404);

        long real = declare("地震");
        HttpResponse<String> refused = http.delete(BASE + "/" + real, admin, PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("E-DIS-0026");
    }

    @Test
    void otherTownsDisastersAnswerTheSameNotFoundOnEveryEndpoint() {
        long nayoroDisaster = declare("地震");
        String shibetsuClerk = TestUsers.ensure(accounts, SHIBETSU, Role.CLERK);
        String own = "/api/v1/t/" + SHIBETSU.value() + "/disasters/";
        List<String> gets = List.of("", "/victims?q=サトウ", "/victims", "/payments", "/shelters", "/statistics");
        String notFound = http.get(own + "999999999", shibetsuClerk, PASSWORD).body();
        assertThat(notFound).contains("E-API-0404");
        for (String resource : gets) {
            HttpResponse<String> response = http.get(own + nayoroDisaster + resource, shibetsuClerk, PASSWORD);
            assertThat(response.statusCode()).as(resource).isEqualTo(404);
            assertThat(response.body()).as(resource).isEqualTo(notFound);
        }
        List<String[]> posts = List.of(
                new String[] {"/damage-reports", "{\"atenaNumber\":\"" + DisasterFixture.SATO_ICHIRO + "\",\"reportedOn\":\""
                        + LocalDate.now() + "\",\"description\":\"x\"}"},
                new String[] {"/surveys", "{\"reportId\":1,\"damageRatio\":35}"},
                new String[] {"/certificates", "{\"reportId\":1}"},
                new String[] {"/victims", "{\"name\":\"来訪　者\",\"address\":\"東京都\"}"},
                new String[] {"/shelters", "{\"name\":\"体育館\",\"capacity\":100}"},
                new String[] {"/payments", "{\"atenaNumber\":\"" + DisasterFixture.SATO_ICHIRO
                        + "\",\"item\":\"BASIC\",\"appliedOn\":\"" + LocalDate.now() + "\"}"});
        for (String[] post : posts) {
            HttpResponse<String> response = http.post(own + nayoroDisaster + post[0], shibetsuClerk, PASSWORD, post[1]);
            assertThat(response.statusCode()).as(post[0]).isEqualTo(404);
            assertThat(response.body()).as(post[0]).isEqualTo(notFound);
        }
        String shibetsuAdmin = TestUsers.ensure(accounts, SHIBETSU, Role.TENANT_ADMIN);
        assertThat(http.delete(own + nayoroDisaster, shibetsuAdmin, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.get(own, shibetsuClerk, PASSWORD).body()).doesNotContain("\"id\":" + nayoroDisaster + ",");
        HttpResponse<String> otherPath = http.get(BASE + "/" + nayoroDisaster, shibetsuClerk, PASSWORD);
        assertThat(otherPath.statusCode()).isEqualTo(404);
    }

    private long declare(String kind) {
        HttpResponse<String> declared = http.post(BASE, admin, PASSWORD,
                "{\"name\":\"試験災害\",\"kind\":\"" + kind + "\",\"occurredOn\":\"" + LocalDate.now().minusDays(1) + "\"}");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        return id(declared.body());
    }

    @Test
    void aResidentOfTheLiveRegistryIsFoundAtTheDisasterCounterAndCanReport() throws Exception {
        String[] resident;
        try (var owner = jp.jichitai.cloud.support.TestDatabase.get().ownerConnection();
                var row = owner.createStatement().executeQuery("SELECT atena_number, kana FROM resident_current"
                        + " WHERE tenant_id = '012211' AND status = 'RESIDENT' AND kana <> '' ORDER BY atena_number DESC")) {
            assertThat(row.next()).isTrue();
            resident = new String[] {row.getString(1), row.getString(2)};
        }
        long disaster = id(http.post(BASE, admin, PASSWORD, "{\"name\":\"台帳連携の確認\",\"kind\":\"風水害\",\"occurredOn\":\""
                + LocalDate.now().minusDays(1) + "\"}").body());
        String kana = resident[1].replace("\u3000", "").replace(" ", "");
        HttpResponse<String> victims = http.get(BASE + "/" + disaster + "/victims?q="
                + java.net.URLEncoder.encode(kana, StandardCharsets.UTF_8), clerk, PASSWORD);
        assertThat(victims.statusCode()).isEqualTo(200);
        assertThat(victims.body()).contains(resident[0]);
        HttpResponse<String> report = http.post(BASE + "/" + disaster + "/damage-reports", clerk, PASSWORD,
                "{\"atenaNumber\":\"" + resident[0] + "\",\"reportedOn\":\"" + LocalDate.now()
                        + "\",\"description\":\"床上浸水\"}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
    }

    static long id(String json) {
        Matcher matcher = Pattern.compile("\"id\":([0-9]+)").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
