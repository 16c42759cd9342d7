package jp.jichitai.cloud.operations;

import static jp.jichitai.cloud.support.TestUsers.IMAKANE;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

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

/** Real requests through the server end up in the town's monthly figures; incidents lower availability. */
class SlaMeasurementIntegrationTests extends IntegrationTest {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Autowired
    UserAccounts accounts;
    @Autowired
    SlaMeasurements measurements;
    @Autowired
    BatchRuns batchRuns;
    @Autowired
    ObjectMapper json;

    Http http;
    String nayoroClerk;
    String shibetsuClerk;
    String imakaneClerk;
    String operator;

    @BeforeEach
    void users() {
        http = new Http(baseUrl());
        nayoroClerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        shibetsuClerk = TestUsers.ensure(accounts, SHIBETSU, Role.CLERK);
        imakaneClerk = TestUsers.ensure(accounts, IMAKANE, Role.CLERK);
        operator = TestUsers.ensureOperator(accounts);
    }

    JsonNode figures(String tenant, String user, String month) {
        HttpResponse<String> response = http.get("/api/v1/t/" + tenant + "/sla/" + month, user, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void requestsThroughTheServerAreCountedForTheirTownOnly() {
        String month = YearMonth.now(JAPAN).toString();
        measurements.flush();
        long nayoroBefore = figures("012211", nayoroClerk, month).get("requestCount").asLong();
        long shibetsuBefore = figures("012203", shibetsuClerk, month).get("requestCount").asLong();

        for (int i = 0; i < 25; i++) {
            assertThat(http.get("/api/v1/t/012211/districts", nayoroClerk, PASSWORD).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/css/app.css", nayoroClerk, PASSWORD).statusCode()).isEqualTo(200);
            assertThat(http.get("/actuator/health", nayoroClerk, PASSWORD).statusCode()).isEqualTo(200);
        }

        // A request is counted just after its answer is sent, so the last ones may need another flush.
        // Each read of the figures is itself a request of the town: at most `reads` more than the 25.
        int reads = 1;
        measurements.flush();
        JsonNode nayoro = figures("012211", nayoroClerk, month);
        while (nayoro.get("requestCount").asLong() < nayoroBefore + 25 && reads < 5) {
            measurements.flush();
            nayoro = figures("012211", nayoroClerk, month);
            reads++;
        }
        assertThat(nayoro.get("requestCount").asLong()).isBetween(nayoroBefore + 25, nayoroBefore + 25 + reads);
        assertThat(nayoro.get("onlineCompliance").isNumber()).isTrue();
        assertThat(nayoro.get("onlineCompliance").decimalValue()).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
        measurements.flush();
        assertThat(figures("012203", shibetsuClerk, month).get("requestCount").asLong())
                .isBetween(shibetsuBefore, shibetsuBefore + 2);
    }

    @Test
    void batchRunsAreComparedWithTheirTarget() {
        Instant finished = LocalDate.of(2021, 3, 15).atTime(3, 0).atZone(JAPAN).toInstant();
        batchRuns.record(SHIBETSU, BatchKind.BACKUP, finished.minusSeconds(600), finished);
        batchRuns.record(SHIBETSU, BatchKind.BACKUP, finished.minusSeconds(2 * 3600), finished);
        measurements.flush();

        JsonNode march = figures("012203", shibetsuClerk, "2021-03");

        assertThat(march.get("batchRuns").asLong()).isEqualTo(2);
        assertThat(march.get("batchCompliance").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(march.get("requestCount").asLong()).isZero();
        assertThat(march.get("onlineCompliance").isNull()).isTrue();
    }

    @Test
    void aTwoHourIncidentAndFourHoursOfMaintenanceInAThirtyDayMonth() {
        HttpResponse<String> incident = http.post("/api/v1/operator/incidents", operator, PASSWORD, """
                {"startedAt":"2020-06-10T10:00:00","endedAt":"2020-06-10T12:00:00","affectedTenants":["013706"],
                 "systems":"住民記録","impact":"住民記録の検索ができない","cause":"ディスク障害","actions":"交換",
                 "recurrencePrevention":"監視の強化"}""");
        assertThat(incident.statusCode()).as(incident.body()).isEqualTo(201);
        HttpResponse<String> maintenance = http.post("/api/v1/operator/maintenance", operator, PASSWORD, """
                {"title":"定期メンテナンス","plannedStart":"2020-06-20T20:00:00","plannedEnd":"2020-06-21T00:00:00",
                 "noticeSentAt":"2020-06-01T09:00:00","actualStart":"2020-06-20T20:00:00","actualEnd":"2020-06-21T00:00:00",
                 "affectedTenants":["013706"],"workDone":"OS更新"}""");
        assertThat(maintenance.statusCode()).as(maintenance.body()).isEqualTo(201);

        JsonNode june = figures("013706", imakaneClerk, "2020-06");

        long month = 30 * 24 * 60;
        assertThat(june.get("serviceMinutes").asLong()).isEqualTo(month);
        assertThat(june.get("incidentMinutes").asLong()).isEqualTo(120);
        assertThat(june.get("plannedMaintenanceMinutes").asLong()).isEqualTo(240);
        assertThat(june.get("incidentCount").asInt()).isEqualTo(1);
        BigDecimal expected = BigDecimal.valueOf(month - 240 - 120).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(month - 240), 2, RoundingMode.DOWN);
        assertThat(june.get("availability").decimalValue()).isEqualByComparingTo(expected);
        assertThat(figures("012211", nayoroClerk, "2020-06").get("availability").decimalValue())
                .isEqualByComparingTo("100.00");
    }

    @Test
    void aMalformedMonthIsRefusedInJapanese() {
        HttpResponse<String> response = http.get("/api/v1/t/012211/sla/2020-13", nayoroClerk, PASSWORD);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("E-OPS-0022");
    }

    @Test
    void anotherTownsFiguresLookLikeNothing() {
        HttpResponse<String> response = http.get("/api/v1/t/012211/sla/2020-06", shibetsuClerk, PASSWORD);
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheOperatorWritesIncidents() {
        HttpResponse<String> response = http.post("/api/v1/operator/incidents", nayoroClerk, PASSWORD, "{}");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void anIncidentForAnUnregisteredTownIsRefused() {
        HttpResponse<String> response = http.post("/api/v1/operator/incidents", operator, PASSWORD, """
                {"startedAt":"2020-07-10T10:00:00","affectedTenants":["011002"],"systems":"全体","impact":"停止"}""");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("E-OPS-0020");
    }
}
