package jp.jichitai.cloud.disaster.internal;

import static jp.jichitai.cloud.disaster.internal.DisasterApiIntegrationTests.id;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/** Shelters through the API: capacity, entry and exit, the offline roster round trip and the duplicate review. */
class ShelterApiIntegrationTests extends IntegrationTest {

    static final String BASE = "/api/v1/t/" + NAYORO.value() + "/disasters";
    static final String HEADER = String.join(",", ShelterRosterFile.HEADER) + "\r\n";

    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcResidentDirectory directory;

    Http http;
    String admin;
    String clerk;
    long disaster;

    @BeforeEach
    void seed() {
        http = new Http(baseUrl());
        admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        DisasterFixture.seed(directory, NAYORO);
        disaster = id(http.post(BASE, admin, PASSWORD, "{\"name\":\"避難所の試験\",\"kind\":\"風水害\",\"occurredOn\":\""
                + LocalDate.now().minusDays(1) + "\"}").body());
    }

    private long openShelter(String name, int capacity) {
        HttpResponse<String> opened = http.post(BASE + "/" + disaster + "/shelters", clerk, PASSWORD,
                "{\"name\":\"" + name + "\",\"capacity\":" + capacity + "}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return id(opened.body());
    }

    private HttpResponse<String> enter(long shelter, String json) {
        return http.post(BASE + "/" + disaster + "/shelters/" + shelter + "/evacuees", clerk, PASSWORD, json);
    }

    @Test
    void capacityEntryExitAndClosingFollowTheRules() {
        long gym = openShelter("名寄小学校体育館", 2);
        HttpResponse<String> linked = enter(gym, "{\"atenaNumber\":\"" + DisasterFixture.SATO_ICHIRO + "\"}");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        assertThat(linked.body()).contains("佐藤　一郎").contains("\"atenaNumber\":\"" + DisasterFixture.SATO_ICHIRO + "\"");
        long ichiro = id(linked.body());

        long hall = openShelter("公民館", 10);
        HttpResponse<String> twice = enter(hall, "{\"atenaNumber\":\"" + DisasterFixture.SATO_ICHIRO + "\"}");
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("E-DIS-0047").contains("名寄小学校体育館");

        assertThat(enter(gym, "{\"name\":\"旅行　者\",\"kana\":\"リョコウ　シャ\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> full = enter(gym, "{\"name\":\"三人目\"}");
        assertThat(full.statusCode()).isEqualTo(422);
        assertThat(full.body()).contains("E-DIS-0042").contains("満員");
        assertThat(enter(hall, "{}").body()).contains("E-DIS-0046");

        assertThat(http.get(BASE + "/" + disaster + "/shelters", clerk, PASSWORD).body())
                .contains("\"name\":\"名寄小学校体育館\",\"capacity\":2,\"open\":true,\"population\":2");
        HttpResponse<String> notEmpty = http.post(BASE + "/" + disaster + "/shelters/" + gym + "/close", clerk, PASSWORD, "{}");
        assertThat(notEmpty.statusCode()).isEqualTo(422);
        assertThat(notEmpty.body()).contains("E-DIS-0045");

        assertThat(http.post(BASE + "/" + disaster + "/shelters/" + hall + "/evacuees/" + ichiro + "/exit", clerk, PASSWORD, "{}")
                .statusCode()).as("a stay of another shelter").isEqualTo(404);
        HttpResponse<String> left = http.post(BASE + "/" + disaster + "/shelters/" + gym + "/evacuees/" + ichiro + "/exit",
                clerk, PASSWORD, "{}");
        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(left.body()).doesNotContain("\"leftAt\":null");
        assertThat(http.post(BASE + "/" + disaster + "/shelters/" + gym + "/evacuees/" + ichiro + "/exit", clerk, PASSWORD, "{}")
                .body()).contains("E-DIS-0048");
        assertThat(enter(hall, "{\"atenaNumber\":\"" + DisasterFixture.SATO_ICHIRO + "\"}").statusCode())
                .as("after leaving, the person may enter another shelter").isEqualTo(201);
    }

    @Test
    void theOfflineRosterRoundTripsAndFlagsLikelyDuplicatesForReview() throws Exception {
        long gym = openShelter("体育館", 50);
        long hanako = id(enter(gym, "{\"atenaNumber\":\"" + DisasterFixture.SATO_HANAKO + "\"}").body());
        enter(gym, "{\"name\":\"山田　太郎\",\"kana\":\"ヤマダ　タロウ\",\"birthDate\":\"19600101\"}");

        HttpResponse<byte[]> exported = send("GET", BASE + "/" + disaster + "/shelters/" + gym + "/roster.csv?encoding=CP932",
                null, null);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElseThrow()).contains("windows-31j");
        String roster = new String(exported.body(), CsvText.CP932);
        assertThat(roster).startsWith(HEADER).contains("佐藤　花子").contains("山田　太郎");

        // On the offline PC: 花子 left; three people came in, one of whom is 山田 again (same kana and birth date),
        // one 佐藤 一郎 by 宛名番号, and one stranger.
        String hanakoLine = roster.lines().filter(line -> line.startsWith(hanako + ",")).findFirst().orElseThrow();
        String edited = roster.replace(hanakoLine, hanakoLine + now(0))
                + ",,山田太郎,ﾔﾏﾀﾞﾀﾛｳ,19600101," + now(1) + ",\r\n"
                + "," + DisasterFixture.SATO_ICHIRO + ",佐藤　一郎,,," + now(1) + ",\r\n"
                + ",,鈴木　次郎,スズキ　ジロウ,19750303," + now(1) + ",\r\n";
        HttpResponse<byte[]> merged = send("POST", BASE + "/" + disaster + "/shelters/" + gym + "/roster?encoding=CP932",
                "text/csv", edited.getBytes(CsvText.CP932));
        String outcome = new String(merged.body(), StandardCharsets.UTF_8);
        assertThat(merged.statusCode()).as(outcome).isEqualTo(200);
        assertThat(outcome).isEqualTo("{\"added\":2,\"exitsRecorded\":1,\"unchanged\":1,\"flagged\":1}");

        String shelters = http.get(BASE + "/" + disaster + "/shelters", clerk, PASSWORD).body();
        assertThat(shelters).as("花子 left; 山田 once; 一郎 and 鈴木 added; the flagged row waits")
                .contains("\"population\":3,\"pendingReview\":1");
        String reviews = http.get(BASE + "/" + disaster + "/shelters/reviews", clerk, PASSWORD).body();
        assertThat(reviews).contains("フリガナと生年月日が同じ方が既に記録されています").contains("ﾔﾏﾀﾞﾀﾛｳ");
        long flagged = id(reviews);

        // the same file merged again: nothing silently doubles, every new line is flagged
        HttpResponse<byte[]> again = send("POST", BASE + "/" + disaster + "/shelters/" + gym + "/roster?encoding=CP932",
                "text/csv", edited.getBytes(CsvText.CP932));
        assertThat(new String(again.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"added\":0,\"exitsRecorded\":0,\"unchanged\":2,\"flagged\":3}");
        assertThat(http.get(BASE + "/" + disaster + "/shelters", clerk, PASSWORD).body())
                .contains("\"population\":3,\"pendingReview\":4");

        HttpResponse<String> same = http.post(BASE + "/" + disaster + "/shelters/reviews/" + flagged, clerk, PASSWORD,
                "{\"samePerson\":true}");
        assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
        assertThat(same.body()).contains("山田　太郎");
        assertThat(http.post(BASE + "/" + disaster + "/shelters/reviews/" + flagged, clerk, PASSWORD, "{\"samePerson\":true}")
                .statusCode()).as("merged away").isEqualTo(404);
        String remaining = http.get(BASE + "/" + disaster + "/shelters/reviews", clerk, PASSWORD).body();
        for (long pending : ids(remaining)) {
            http.post(BASE + "/" + disaster + "/shelters/reviews/" + pending, clerk, PASSWORD, "{\"samePerson\":false}");
        }
        assertThat(http.get(BASE + "/" + disaster + "/shelters", clerk, PASSWORD).body())
                .as("the clerk kept the second import's rows as other people").contains("\"population\":6,\"pendingReview\":0");
    }

    @Test
    void aBadRosterIsRefusedWholeWithEveryLine() throws Exception {
        long gym = openShelter("体育館", 50);
        String file = HEADER + ",,正しい　人,,," + now(0) + ",\r\n" + "999999,,誰か,,," + now(0) + ",\r\n"
                + ",X1,誰か,,19701301," + now(0) + ",\r\n";
        HttpResponse<byte[]> refused = send("POST", BASE + "/" + disaster + "/shelters/" + gym + "/roster?encoding=UTF-8",
                "text/csv", file.getBytes(StandardCharsets.UTF_8));
        String body = new String(refused.body(), StandardCharsets.UTF_8);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(body).contains("E-DIS-0044").contains("3行目 1列（避難者番号）").contains("4行目 2列（宛名番号）");
        assertThat(http.get(BASE + "/" + disaster + "/shelters", clerk, PASSWORD).body()).contains("\"population\":0");

        HttpResponse<byte[]> wrongEncoding = send("POST", BASE + "/" + disaster + "/shelters/" + gym + "/roster?encoding=UTF-8",
                "text/csv", (HEADER + ",,佐藤,,," + now(0) + ",\r\n").getBytes(Charset.forName("windows-31j")));
        assertThat(new String(wrongEncoding.body(), StandardCharsets.UTF_8)).contains("E-DIS-0051");
    }

    @Test
    void anotherTownsShelterIdsAnswerNotFoundWithNoData() throws Exception {
        long gym = openShelter("体育館", 50);
        long stay = id(enter(gym, "{\"atenaNumber\":\"" + DisasterFixture.SATO_HANAKO + "\"}").body());
        String shibetsuClerk = TestUsers.ensure(accounts, SHIBETSU, Role.CLERK);
        String other = "/api/v1/t/" + SHIBETSU.value() + "/disasters/" + disaster + "/shelters";
        String notFound = http.get("/api/v1/t/" + SHIBETSU.value() + "/disasters/999999999", shibetsuClerk, PASSWORD).body();
        for (String get : List.of("", "/" + gym, "/" + gym + "/roster.csv", "/reviews")) {
            HttpResponse<String> response = http.get(other + get, shibetsuClerk, PASSWORD);
            assertThat(response.statusCode()).as(get).isEqualTo(404);
            assertThat(response.body()).as(get).isEqualTo(notFound).doesNotContain("花子");
        }
        for (String post : List.of("/" + gym + "/close", "/" + gym + "/evacuees", "/" + gym + "/evacuees/" + stay + "/exit",
                "/reviews/" + stay)) {
            HttpResponse<String> response = http.post(other + post, shibetsuClerk, PASSWORD,
                    post.startsWith("/reviews") ? "{\"samePerson\":true}" : "{\"name\":\"侵入\"}");
            assertThat(response.statusCode()).as(post).isEqualTo(404);
            assertThat(response.body()).as(post).isEqualTo(notFound);
        }
        // the same ids under one's own disaster of another town: 404 too
        String shibetsuAdmin = TestUsers.ensure(accounts, SHIBETSU, Role.TENANT_ADMIN);
        long own = id(http.post("/api/v1/t/" + SHIBETSU.value() + "/disasters", shibetsuAdmin, PASSWORD,
                "{\"name\":\"士別の災害\",\"kind\":\"地震\",\"occurredOn\":\"" + LocalDate.now() + "\"}").body());
        String ownPath = "/api/v1/t/" + SHIBETSU.value() + "/disasters/" + own + "/shelters/" + gym;
        assertThat(http.get(ownPath, shibetsuClerk, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.post(ownPath + "/evacuees/" + stay + "/exit", shibetsuClerk, PASSWORD, "{}").statusCode()).isEqualTo(404);
        assertThat(http.get(BASE + "/" + disaster + "/shelters", clerk, PASSWORD).body()).contains("\"population\":1");
    }

    private static String now(int hoursAgo) {
        return ShelterRosterFile.time(OffsetDateTime.now().minusHours(hoursAgo).withSecond(0).withNano(0));
    }

    private static List<Long> ids(String json) {
        return java.util.regex.Pattern.compile("\"incoming\":\\{\"id\":([0-9]+)").matcher(json).results()
                .map(m -> Long.parseLong(m.group(1))).toList();
    }

    private HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clerk + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/csv, application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
