package jp.jichitai.cloud.residents.web;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/** The residents API as a client uses it: shapes, errors, and one town never reaching another's residents. */
class ResidentsApiIntegrationTests extends IntegrationTest {

    static final String NOT_FOUND_BODY = "{\"messageId\":\"E-API-0404\",\"message\":\"指定されたデータは見つかりません。\",\"fields\":[]}";

    @Autowired
    UserAccounts accounts;

    final ObjectMapper json = new ObjectMapper();
    Http http;
    String nayoroClerk;
    String shibetsuClerk;

    @BeforeEach
    void users() {
        http = new Http(baseUrl());
        nayoroClerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        shibetsuClerk = TestUsers.ensure(accounts, SHIBETSU, Role.CLERK);
    }

    JsonNode moveIn(String tenant, String user, String name, String kana) throws Exception {
        HttpResponse<String> created = http.post("/api/v1/t/" + tenant + "/residents", user, PASSWORD, """
                {"kind":"move-in","changedOn":"R7.4.1","notifiedOn":"2025-04-02","name":"%s","kana":"%s",
                 "birthDate":"昭和45年3月1日","sex":"FEMALE","postalCode":"096-0011","address":"北海道名寄市西1条南7丁目","district":"010100",
                 "individualNumber":"123456789018"}""".formatted(name, kana));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    @Test
    void searchAnswersItemsWithTheStandardFields() throws Exception {
        JsonNode created = moveIn(NAYORO.value(), nayoroClerk, "髙橋　ＡＰＩ子", "タカハシ　エーピーアイコ");
        HttpResponse<String> found = http.get("/api/v1/t/012211/residents?q=" + java.net.URLEncoder.encode("たかはし えーぴーあいこ",
                java.nio.charset.StandardCharsets.UTF_8), nayoroClerk, PASSWORD);
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode item = json.readTree(found.body()).get("items").get(0);
        assertThat(item.get("atenaNumber").asText()).isEqualTo(created.get("residents").get(0).asText());
        assertThat(item.get("name").asText()).isEqualTo("髙橋　ＡＰＩ子");
        assertThat(item.get("kana").asText()).isEqualTo("タカハシ　エーピーアイコ");
        assertThat(item.get("birthDate").asText()).isEqualTo("昭和45年3月1日");
        assertThat(item.get("status").asText()).isEqualTo("RESIDENT");
        assertThat(item.get("householdNumber").asText()).isEqualTo(created.get("households").get(0).asText());
        assertThat(found.body()).doesNotContain("123456789018");
    }

    @Test
    void aRelocationThroughTheApiAppendsHistory() throws Exception {
        String atena = moveIn(NAYORO.value(), nayoroClerk, "転居　太郎", "テンキョ　タロウ").get("residents").get(0).asText();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();
        String relocation = "{\"changedOn\":\"" + today + "\",\"notifiedOn\":\"" + today
                + "\",\"postalCode\":\"0960012\",\"address\":\"北海道名寄市日進5番地\"%s}";
        HttpResponse<String> withoutDistrict = http.post("/api/v1/t/012211/residents/" + atena + "/changes/relocation",
                nayoroClerk, PASSWORD, relocation.formatted(""));
        assertThat(withoutDistrict.statusCode()).as(withoutDistrict.body()).isEqualTo(400);
        JsonNode missing = json.readTree(withoutDistrict.body()).get("fields").get(0);
        assertThat(missing.get("field").asText()).isEqualTo("district");
        assertThat(missing.get("message").asText()).isEqualTo("行政区を選んでください。住所には、この団体の行政区が必要です。");
        HttpResponse<String> imakanesDistrict = http.post("/api/v1/t/012211/residents/" + atena + "/changes/relocation",
                nayoroClerk, PASSWORD, relocation.formatted(",\"district\":\"000600\""));
        assertThat(imakanesDistrict.statusCode()).as(imakanesDistrict.body()).isEqualTo(400);
        assertThat(imakanesDistrict.body()).contains("行政区コード「000600」はこの団体の行政区にありません");
        HttpResponse<String> moved = http.post("/api/v1/t/012211/residents/" + atena + "/changes/relocation", nayoroClerk, PASSWORD,
                relocation.formatted(",\"district\":\"030200\""));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode record = json.readTree(http.get("/api/v1/t/012211/residents/" + atena, nayoroClerk, PASSWORD).body());
        assertThat(record.get("history")).hasSize(2);
        assertThat(record.get("history").get(1).get("changeName").asText()).isEqualTo("転居");
        assertThat(record.get("history").get(0).get("address").asText()).isEqualTo("北海道名寄市西1条南7丁目");
    }

    @Test
    void theResidentRecordCodeAndEntitlementsAreRecordedAndCorrected() throws Exception {
        String code = ChangeFormsTests.CODE;
        HttpResponse<String> created = http.post("/api/v1/t/012211/residents", nayoroClerk, PASSWORD, """
                {"kind":"move-in","changedOn":"R7.4.1","notifiedOn":"2025-04-02","name":"資格　花子","kana":"シカク　ハナコ",
                 "birthDate":"昭和20年3月1日","sex":"FEMALE","postalCode":"096-0011","address":"北海道名寄市西1条南7丁目","district":"010100",
                 "residentRecordCode":"%s","onElectoralRoll":true,"nationalHealthInsurance":true,
                 "longTermCareInsurance":true,"nationalPension":"CATEGORY_1"}""".formatted(code));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String atena = json.readTree(created.body()).get("residents").get(0).asText();
        JsonNode first = json.readTree(http.get("/api/v1/t/012211/residents/" + atena, nayoroClerk, PASSWORD).body())
                .get("history").get(0);
        assertThat(first.get("residentRecordCode").asText()).isEqualTo(code);
        assertThat(first.get("entitlements").toString()).isEqualTo("{\"onElectoralRoll\":true,\"nationalHealthInsurance\":true,"
                + "\"lateStageElderlyMedicalCare\":false,\"longTermCareInsurance\":true,\"nationalPension\":\"CATEGORY_1\","
                + "\"childAllowance\":false}");

        HttpResponse<String> both = http.post("/api/v1/t/012211/residents/" + atena + "/changes/ex-officio-correction", nayoroClerk,
                PASSWORD, "{\"changedOn\":\"2025-04-03\",\"lateStageElderlyMedicalCare\":true}");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("lateStageElderlyMedicalCare").contains("国民健康保険と後期高齢者医療の資格は同時に記載できません");
        HttpResponse<String> corrected = http.post("/api/v1/t/012211/residents/" + atena + "/changes/ex-officio-correction",
                nayoroClerk, PASSWORD, "{\"changedOn\":\"2025-04-03\",\"nationalHealthInsurance\":false,"
                        + "\"lateStageElderlyMedicalCare\":true,\"nationalPension\":\"NOT_INSURED\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        JsonNode history = json.readTree(http.get("/api/v1/t/012211/residents/" + atena, nayoroClerk, PASSWORD).body()).get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("entitlements").get("nationalHealthInsurance").asBoolean()).isTrue();
        JsonNode now = history.get(1).get("entitlements");
        assertThat(now.get("nationalHealthInsurance").asBoolean()).isFalse();
        assertThat(now.get("lateStageElderlyMedicalCare").asBoolean()).isTrue();
        assertThat(now.get("longTermCareInsurance").asBoolean()).isTrue();
        assertThat(now.get("onElectoralRoll").asBoolean()).isTrue();
        assertThat(now.get("nationalPension").asText()).isEqualTo("NOT_INSURED");
        assertThat(history.get(1).get("residentRecordCode").asText()).isEqualTo(code);

        String wrongDigit = code.substring(0, 10) + (code.charAt(10) == '9' ? '0' : (char) (code.charAt(10) + 1));
        HttpResponse<String> invalid = http.post("/api/v1/t/012211/residents", nayoroClerk, PASSWORD, """
                {"kind":"move-in","changedOn":"R7.4.1","notifiedOn":"2025-04-02","name":"誤番　太郎","kana":"ゴバン　タロウ",
                 "birthDate":"昭和45年3月1日","sex":"MALE","postalCode":"096-0011","address":"北海道名寄市西1条南7丁目","district":"010100",
                 "residentRecordCode":"%s"}""".formatted(wrongDigit));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("residentRecordCode").contains("住民票コードの検査数字が正しくありません");
        assertThat(http.get("/api/v1/t/012211/residents?q=" + java.net.URLEncoder.encode("ゴバン タロウ",
                java.nio.charset.StandardCharsets.UTF_8), nayoroClerk, PASSWORD).body()).doesNotContain("誤番");
    }

    @Test
    void invalidInputAndRefusedChangesAnswerInJapanese() throws Exception {
        HttpResponse<String> invalid = http.post("/api/v1/t/012211/residents", nayoroClerk, PASSWORD,
                "{\"kind\":\"move-in\",\"changedOn\":\"昭和99年1月1日\",\"name\":\"\",\"sex\":\"MALE\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("E-API-0003").contains("氏名を入力してください。").contains("昭和99年はありません");
        String atena = moveIn(NAYORO.value(), nayoroClerk, "未来　花子", "ミライ　ハナコ").get("residents").get(0).asText();
        HttpResponse<String> future = http.post("/api/v1/t/012211/residents/" + atena + "/changes/relocation", nayoroClerk,
                PASSWORD, "{\"changedOn\":\"2099-01-01\",\"notifiedOn\":\"2025-04-01\",\"postalCode\":\"0960012\",\"address\":\"北海道名寄市日進5番地\","
                        + "\"district\":\"030200\"}");
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(future.body()).contains("E-RES-0030").contains("未来の日付にできるのは転出の予定日だけです");
    }

    @Test
    void everyEndpointAnswersAnotherTownsNumberAsNotFound() throws Exception {
        JsonNode nayoro = moveIn(NAYORO.value(), nayoroClerk, "名寄　秘密", "ナヨロ　ヒミツ");
        String atena = nayoro.get("residents").get(0).asText();
        String household = nayoro.get("households").get(0).asText();
        String unknown = "99999999";
        List<String[]> requests = List.of(
                new String[] {"GET", "/api/v1/t/012203/residents/" + atena, null},
                new String[] {"GET", "/api/v1/t/012203/residents/" + unknown, null},
                new String[] {"GET", "/api/v1/t/012203/households/" + household + "9999", null},
                new String[] {"POST", "/api/v1/t/012203/residents/" + atena + "/changes/relocation",
                        "{\"changedOn\":\"2025-04-01\",\"notifiedOn\":\"2025-04-01\",\"postalCode\":\"0950011\",\"address\":\"北海道士別市東1条\",\"district\":\"010100\"}"},
                new String[] {"POST", "/api/v1/t/012203/residents/" + atena + "/changes/death",
                        "{\"changedOn\":\"2025-04-01\",\"notifiedOn\":\"2025-04-01\"}"},
                new String[] {"POST", "/api/v1/t/012203/residents/" + atena + "/individual-number", "{\"purpose\":\"x\"}"},
                new String[] {"GET", "/api/v1/t/012211/residents/" + atena, null},
                new String[] {"GET", "/api/v1/t/012211/residents?q=ヒミツ", null},
                new String[] {"GET", "/api/v1/t/012211/households/" + household, null});
        for (String[] request : requests) {
            HttpResponse<String> answer = "GET".equals(request[0]) ? http.get(request[1], shibetsuClerk, PASSWORD)
                    : http.post(request[1], shibetsuClerk, PASSWORD, request[2]);
            assertThat(answer.statusCode()).as(request[0] + " " + request[1]).isEqualTo(404);
            assertThat(answer.body()).as(request[1]).isEqualTo(NOT_FOUND_BODY);
        }
        HttpResponse<String> search = http.get("/api/v1/t/012203/residents?q=" + java.net.URLEncoder.encode("ナヨロ ヒミツ",
                java.nio.charset.StandardCharsets.UTF_8), shibetsuClerk, PASSWORD);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(json.readTree(search.body()).get("items")).isEmpty();
        assertThat(http.get("/api/v1/t/012211/residents/" + atena, nayoroClerk, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void theIndividualNumberIsShownOnlyOnRequestAndTheSearchIsAudited() throws Exception {
        String atena = moveIn(NAYORO.value(), nayoroClerk, "番号　確認", "バンゴウ　カクニン").get("residents").get(0).asText();
        assertThat(http.get("/api/v1/t/012211/residents/" + atena, nayoroClerk, PASSWORD).body()).doesNotContain("123456789018");
        HttpResponse<String> shown = http.post("/api/v1/t/012211/residents/" + atena + "/individual-number", nayoroClerk,
                PASSWORD, "{\"purpose\":\"本人確認\"}");
        assertThat(shown.body()).contains("123456789018");
        String auditor = TestUsers.ensure(accounts, NAYORO, Role.AUDITOR);
        assertThat(http.post("/api/v1/t/012211/residents/" + atena + "/individual-number", auditor, PASSWORD,
                "{\"purpose\":\"監査\"}").statusCode()).isEqualTo(403);
        http.get("/api/v1/t/012211/residents?q=" + java.net.URLEncoder.encode("カクニン", java.nio.charset.StandardCharsets.UTF_8),
                nayoroClerk, PASSWORD);
        String admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        String log = http.get("/api/v1/t/012211/audit-log?limit=50", admin, PASSWORD).body();
        assertThat(log).contains("resident.search").contains("カクニン").contains("individual-number.show")
                .contains("atena:" + atena);
    }

    @Test
    void theApiIsDocumented() {
        String docs = http.get("/v3/api-docs").body();
        assertThat(docs).contains("/api/v1/t/{tenantCode}/residents").contains("/changes/{kind}").contains("住民を検索する");
    }

    @Test
    void theCounterScreensRenderWithoutJavaScript() throws Exception {
        String atena = moveIn(NAYORO.value(), nayoroClerk, "画面　確認", "ガメン　カクニン").get("residents").get(0).asText();
        for (String path : List.of("/residents?q=" + java.net.URLEncoder.encode("がめん", java.nio.charset.StandardCharsets.UTF_8),
                "/residents/" + atena, "/residents/" + atena + "/changes/relocation", "/residents/new?kind=move-in",
                "/residents/" + atena + "/changes/household-head-change", "/residents/" + atena + "/changes/move-out")) {
            HttpResponse<String> page = http.getAccepting(path, nayoroClerk, PASSWORD, "text/html");
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<h1").doesNotContain("<script>");
        }
        assertThat(http.getAccepting("/residents/" + atena, shibetsuClerk, PASSWORD, "text/html").statusCode()).isEqualTo(404);
    }
}
