package jp.jichitai.cloud.disaster.internal;

import static jp.jichitai.cloud.disaster.internal.DisasterApiIntegrationTests.id;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;

/**
 * After the counter: support payments (deadlines, never twice), donation rounds, statistics and the victim
 * registry's CSV, the removal of a drill with its issuance rows, and other towns' ids on every new endpoint.
 */
class ReliefIntegrationTests extends IntegrationTest {

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
        DisasterFixture.seed(directory, NAYORO);
    }

    /** A disaster where 佐藤 一郎's household was surveyed at 55% (全壊) and got its certificate. */
    private long disasterWithACollapsedHouse(boolean drill, LocalDate occurredOn) {
        long disaster = id(http.post(BASE, admin, PASSWORD, "{\"name\":\"支給の試験\",\"kind\":\"地震\",\"occurredOn\":\""
                + occurredOn + "\",\"drill\":" + drill + "}").body());
        long report = id(http.post(BASE + "/" + disaster + "/damage-reports", clerk, PASSWORD, "{\"atenaNumber\":\""
                + DisasterFixture.SATO_ICHIRO + "\",\"reportedOn\":\"" + LocalDate.now() + "\",\"description\":\"倒壊\"}").body());
        assertThat(http.post(BASE + "/" + disaster + "/surveys", clerk, PASSWORD, "{\"reportId\":" + report
                + ",\"damageRatio\":55}").body()).contains("全壊");
        assertThat(http.postForBytes(BASE + "/" + disaster + "/certificates", clerk, PASSWORD, "{\"reportId\":" + report + "}")
                .statusCode()).isEqualTo(200);
        return disaster;
    }

    private HttpResponse<String> apply(long disaster, String item, LocalDate appliedOn) {
        return http.post(BASE + "/" + disaster + "/payments", clerk, PASSWORD, "{\"atenaNumber\":\"" + DisasterFixture.SATO_ICHIRO
                + "\",\"item\":\"" + item + "\",\"appliedOn\":\"" + appliedOn + "\"}");
    }

    private HttpResponse<String> approveAndPay(long disaster, long application) {
        assertThat(http.post(BASE + "/" + disaster + "/payments/" + application + "/decision", clerk, PASSWORD,
                "{\"approved\":true}").body()).contains("\"status\":\"APPROVED\"");
        return http.post(BASE + "/" + disaster + "/payments/" + application + "/payment", clerk, PASSWORD, "{}");
    }

    @Test
    void aHouseholdIsPaidOnceByTheLawsTableAndLateApplicationsAreRefused() throws Exception {
        long disaster = disasterWithACollapsedHouse(false, LocalDate.now().minusDays(3));
        HttpResponse<String> applied = apply(disaster, "BASIC", LocalDate.now());
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        assertThat(applied.body()).contains("\"amount\":1000000").contains("\"householdSize\":3");
        assertThat(approveAndPay(disaster, id(applied.body())).body()).contains("\"status\":\"PAID\"");

        long second = id(apply(disaster, "BASIC", LocalDate.now()).body());
        HttpResponse<String> twice = approveAndPay(disaster, second);
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("E-DIS-0005").contains("二重に支給することはできません");

        String household = field(applied.body(), "householdNumber");
        try (Connection owner = TestDatabase.get().ownerConnection()) {
            assertThatThrownBy(() -> insertPayment(owner, disaster, household)).as("the table's key holds the rule too")
                    .isInstanceOf(SQLException.class);
        }

        long old = disasterWithACollapsedHouse(false, LocalDate.now().minusMonths(14));
        HttpResponse<String> late = apply(old, "BASIC", LocalDate.now());
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("E-DIS-0007").contains("基礎支援金の申請期限");
        assertThat(apply(old, "ADDITIONAL", LocalDate.now()).body()).as("加算 has 37 months; 全壊 needs a method")
                .contains("E-DIS-0004");
    }

    private static void insertPayment(Connection owner, long disaster, String household) throws SQLException {
        try (PreparedStatement insert = owner.prepareStatement("""
                INSERT INTO disaster_support_payment (tenant_id, disaster_id, household_number, item, application_id, amount,
                    paid_on, recorded_by) VALUES (?, ?, ?, 'BASIC', 0, 1, CURRENT_DATE, 'test')""")) {
            insert.setString(1, NAYORO.value());
            insert.setLong(2, disaster);
            insert.setString(3, household);
            insert.executeUpdate();
        }
    }

    @Test
    void aDonationRoundListsHouseholdsByLevelAndPaysEachOnce() {
        long disaster = disasterWithACollapsedHouse(false, LocalDate.now().minusDays(3));
        String rule = "{\"name\":\"第1次配分\",\"amounts\":{\"全壊\":300000,\"半壊\":100000}}";
        assertThat(http.post(BASE + "/" + disaster + "/donation-rounds", clerk, PASSWORD, rule).statusCode()).isEqualTo(403);
        assertThat(http.post(BASE + "/" + disaster + "/donation-rounds", admin, PASSWORD,
                "{\"name\":\"誤り\",\"amounts\":{\"倒壊\":1}}").body()).contains("E-DIS-0055");
        HttpResponse<String> created = http.post(BASE + "/" + disaster + "/donation-rounds", admin, PASSWORD, rule);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long round = id(created.body());

        String listed = http.get(BASE + "/" + disaster + "/donation-rounds/" + round, clerk, PASSWORD).body();
        assertThat(listed).contains("\"level\":\"全壊\",\"amount\":300000,\"paidOn\":null");
        String household = field(listed, "householdNumber");
        String pay = "{\"householdNumber\":\"" + household + "\"}";
        HttpResponse<String> paid = http.post(BASE + "/" + disaster + "/donation-rounds/" + round + "/payments", clerk, PASSWORD, pay);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        HttpResponse<String> again = http.post(BASE + "/" + disaster + "/donation-rounds/" + round + "/payments", clerk, PASSWORD, pay);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("E-DIS-0059");
        assertThat(http.post(BASE + "/" + disaster + "/donation-rounds/" + round + "/payments", clerk, PASSWORD,
                "{\"householdNumber\":\"999999\"}").body()).contains("E-DIS-0058");

        long basic = id(apply(disaster, "BASIC", LocalDate.now()).body());
        approveAndPay(disaster, basic);
        String statistics = http.get(BASE + "/" + disaster + "/statistics", clerk, PASSWORD).body();
        assertThat(statistics).contains("\"counted\":true").contains("\"householdsByLevel\":{\"全壊\":1}")
                .contains("\"基礎支援金\":{\"count\":1,\"amount\":1000000}").contains("\"donations\":{\"count\":1,\"amount\":300000}")
                .contains("\"byLevel\":{\"全壊\":1}");

        HttpResponse<String> utf8 = http.get(BASE + "/" + disaster + "/victims.csv?encoding=UTF-8", clerk, PASSWORD);
        assertThat(utf8.statusCode()).isEqualTo(200);
        List<String> lines = utf8.body().lines().toList();
        assertThat(lines.get(0)).startsWith("災害,宛名番号,世帯番号,氏名");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(DisasterFixture.SATO_ICHIRO).contains("佐藤　一郎").contains(",全壊,")
                .endsWith(",1000000,300000");
        assertThat(http.get(BASE + "/" + disaster + "/victims.csv?encoding=EUC", clerk, PASSWORD).body()).contains("E-DIS-0050");
        assertThat(http.get("/api/v1/t/" + NAYORO.value() + "/audit-log?limit=1000", admin, PASSWORD).body())
                .contains("disaster.victim.export").contains("disaster.donation.pay");
    }

    @Test
    void removingADrillTakesItsCertificatesAndNothingElse() throws Exception {
        long real = disasterWithACollapsedHouse(false, LocalDate.now().minusDays(3));
        long drill = disasterWithACollapsedHouse(true, LocalDate.now());
        long otherDrill = disasterWithACollapsedHouse(true, LocalDate.now());
        long shelter = id(http.post(BASE + "/" + drill + "/shelters", clerk, PASSWORD, "{\"name\":\"訓練避難所\",\"capacity\":5}").body());
        http.post(BASE + "/" + drill + "/shelters/" + shelter + "/evacuees", clerk, PASSWORD, "{\"name\":\"訓練　参加者\"}");
        long round = id(http.post(BASE + "/" + drill + "/donation-rounds", admin, PASSWORD,
                "{\"name\":\"訓練配分\",\"amounts\":{\"全壊\":1000}}").body());
        assertThat(http.get(BASE + "/" + drill + "/statistics", clerk, PASSWORD).body()).contains("\"counted\":false")
                .contains("\"householdsByLevel\":{}").doesNotContain("全壊");
        long shibetsuBefore = count("SELECT COUNT(*) FROM issued_certificate WHERE tenant_id <> ?", NAYORO.value());

        assertThat(count("SELECT COUNT(*) FROM issued_certificate WHERE tenant_id = ? AND scope = 'disaster-" + drill + "-drill'",
                NAYORO.value())).isEqualTo(1);
        HttpResponse<String> refused = http.delete(BASE + "/" + real, admin, PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("E-DIS-0026");
        assertThat(http.delete(BASE + "/" + drill, admin, PASSWORD).statusCode()).isEqualTo(204);

        String tenant = NAYORO.value();
        assertThat(count("SELECT COUNT(*) FROM issued_certificate WHERE tenant_id = ? AND scope = 'disaster-" + drill + "-drill'", tenant)).isZero();
        assertThat(count("SELECT COUNT(*) FROM certificate_counter WHERE tenant_id = ? AND scope = 'disaster-" + drill + "-drill'", tenant)).isZero();
        assertThat(count("SELECT COUNT(*) FROM certificate_verification v WHERE v.tenant_code = ? AND NOT EXISTS ("
                + "SELECT 1 FROM issued_certificate i WHERE i.verification_code = v.verification_code)", tenant))
                .as("no verification code left without its certificate").isZero();
        for (String table : Disasters.DISASTER_TABLES) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ? AND disaster_id = " + drill, tenant))
                    .as(table).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM disaster_donation_round WHERE tenant_id = ? AND id = " + round, tenant)).isZero();
        assertThat(count("SELECT COUNT(*) FROM issued_certificate WHERE tenant_id = ? AND scope = 'disaster-" + real + "'", tenant)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM issued_certificate WHERE tenant_id = ? AND scope = 'disaster-" + otherDrill + "-drill'", tenant)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM disaster_certificate WHERE tenant_id = ? AND disaster_id = " + otherDrill, tenant)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM issued_certificate WHERE tenant_id <> ?", tenant)).isEqualTo(shibetsuBefore);
        assertThat(http.get("/api/v1/t/" + tenant + "/audit-log?limit=1000", admin, PASSWORD).body())
                .contains("disaster.drill.remove").contains("certificate.drill.remove");
    }

    @Test
    void otherTownsIdsAnswerNotFoundOnThePaymentDonationAndExportEndpoints() {
        long disaster = disasterWithACollapsedHouse(false, LocalDate.now().minusDays(3));
        long application = id(apply(disaster, "BASIC", LocalDate.now()).body());
        long round = id(http.post(BASE + "/" + disaster + "/donation-rounds", admin, PASSWORD,
                "{\"name\":\"配分\",\"amounts\":{\"全壊\":1000}}").body());
        String shibetsuClerk = TestUsers.ensure(accounts, SHIBETSU, Role.CLERK);
        String shibetsuAdmin = TestUsers.ensure(accounts, SHIBETSU, Role.TENANT_ADMIN);
        String other = "/api/v1/t/" + SHIBETSU.value() + "/disasters/" + disaster;
        String notFound = http.get("/api/v1/t/" + SHIBETSU.value() + "/disasters/999999999", shibetsuClerk, PASSWORD).body();
        for (String get : List.of("/victims.csv", "/victims.csv?encoding=UTF-8", "/donation-rounds", "/donation-rounds/" + round,
                "/payments", "/statistics")) {
            HttpResponse<String> response = http.get(other + get, shibetsuClerk, PASSWORD);
            assertThat(response.statusCode()).as(get).isEqualTo(404);
            assertThat(response.body()).as(get).isEqualTo(notFound).doesNotContain("佐藤");
        }
        String[][] posts = {
                {"/payments/" + application + "/decision", "{\"approved\":true}"},
                {"/payments/" + application + "/payment", "{}"},
                {"/donation-rounds/" + round + "/payments", "{\"householdNumber\":\"1\"}"},
                {"/donation-rounds", "{\"name\":\"侵入\",\"amounts\":{\"全壊\":1}}"}};
        for (String[] post : posts) {
            HttpResponse<String> response = http.post(other + post[0], shibetsuAdmin, PASSWORD, post[1]);
            assertThat(response.statusCode()).as(post[0]).isEqualTo(404);
            assertThat(response.body()).as(post[0]).isEqualTo(notFound);
        }
        // another town's ids under a disaster of one's own: 404 as well
        long own = id(http.post("/api/v1/t/" + SHIBETSU.value() + "/disasters", shibetsuAdmin, PASSWORD,
                "{\"name\":\"士別の災害\",\"kind\":\"地震\",\"occurredOn\":\"" + LocalDate.now() + "\"}").body());
        String ownPath = "/api/v1/t/" + SHIBETSU.value() + "/disasters/" + own;
        assertThat(http.get(ownPath + "/donation-rounds/" + round, shibetsuClerk, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.post(ownPath + "/payments/" + application + "/payment", shibetsuClerk, PASSWORD, "{}").statusCode())
                .isEqualTo(404);
        assertThat(http.get(BASE + "/" + disaster + "/payments", clerk, PASSWORD).body()).contains("\"status\":\"APPLIED\"");
    }

    private static long count(String sql, String tenant) throws SQLException {
        try (Connection owner = TestDatabase.get().ownerConnection(); PreparedStatement query = owner.prepareStatement(sql)) {
            query.setString(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return matcher.group(1);
    }
}
