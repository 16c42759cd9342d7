package jp.jichitai.cloud.operations;

import static jp.jichitai.cloud.support.TestUsers.IMAKANE;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.SignedInBrowser;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/**
 * The operator's support desk, contract and provider-wide report screens, and the health probe, through
 * the running service; a town's administrator reaches none of them and never another town's figures.
 */
class OperationsDeskIntegrationTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String operator;
    String nayoroAdmin;
    String shibetsuAdmin;

    @BeforeEach
    void users() {
        http = new Http(baseUrl());
        operator = TestUsers.ensureOperator(accounts);
        nayoroAdmin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        shibetsuAdmin = TestUsers.ensure(accounts, SHIBETSU, Role.TENANT_ADMIN);
        TestUsers.ensure(accounts, IMAKANE, Role.TENANT_ADMIN);
    }

    @Test
    void theOperatorRecordsATicketOnTheScreenAnswersItAndTheTownsReportCountsIt() throws Exception {
        SignedInBrowser screens = SignedInBrowser.signIn(baseUrl(), operator);
        // Friday 2018-06-15 17:00, answered Monday 09:00: 45 minutes of desk time (weekdays 8:30-17:15)
        HttpResponse<String> saved = screens.submit("/operator/tickets/new", "/operator/tickets/0", List.of(
                Map.entry("tenant", "012203"), Map.entry("receivedAt", "2018-06-15T17:00"),
                Map.entry("category", "OPERATION"), Map.entry("subject", "窓口試験: 証明書の再発行手順")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        JsonNode ticket = ticketWithSubject("窓口試験: 証明書の再発行手順");
        assertThat(ticket.get("answeredAt").isNull()).isTrue();
        assertThat(screens.get("/operator/tickets").body()).contains("回答待ち").contains("窓口試験: 証明書の再発行手順");

        HttpResponse<String> edited = screens.submit("/operator/tickets/" + ticket.get("id").asLong(),
                "/operator/tickets/" + ticket.get("id").asLong(), List.of(Map.entry("tenant", "012203"),
                        Map.entry("receivedAt", "2018-06-15T17:00"), Map.entry("answeredAt", "2018-06-18T09:00"),
                        Map.entry("category", "OPERATION"), Map.entry("subject", "窓口試験: 証明書の再発行手順")));
        assertThat(edited.statusCode()).isEqualTo(302);

        JsonNode figures = json.readTree(http.get("/api/v1/t/012203/sla/2018-06", shibetsuAdmin, PASSWORD).body());
        assertThat(figures.get("supportTickets").asLong()).isEqualTo(1);
        assertThat(figures.get("supportTicketsAnsweredInTime").asLong()).isEqualTo(1);
        assertThat(figures.get("supportCompliance").decimalValue()).isEqualByComparingTo("100");
        assertThat(figures.get("supportHours").asString()).isEqualTo("平日 8:30〜17:15");
        // June 2018: 21 weekdays x 8 h 45 min
        assertThat(figures.get("supportHoursMinutes").asLong()).isEqualTo(21 * 525);
        assertThat(http.getAccepting("/admin/sla?month=2018-06", shibetsuAdmin, PASSWORD, "text/html").body())
                .contains("サポートサービス稼働率").contains("100.00%");
        // Another town's figures do not count it
        JsonNode nayoro = json.readTree(http.get("/api/v1/t/012211/sla/2018-06", nayoroAdmin, PASSWORD).body());
        assertThat(nayoro.get("supportTickets").asLong()).isZero();
    }

    @Test
    void aWaitingTicketIsAnsweredWithOneButton() throws Exception {
        SignedInBrowser screens = SignedInBrowser.signIn(baseUrl(), operator);
        LocalDateTime now = LocalDateTime.now(java.time.ZoneId.of("Asia/Tokyo")).withSecond(0).withNano(0);
        screens.submit("/operator/tickets/new", "/operator/tickets/0", List.of(Map.entry("tenant", "013706"),
                Map.entry("receivedAt", now.minusMinutes(5).toString()), Map.entry("category", "ACCOUNT"),
                Map.entry("subject", "窓口試験: 利用者の追加")));
        long id = ticketWithSubject("窓口試験: 利用者の追加").get("id").asLong();

        HttpResponse<String> answered = screens.submit("/operator/tickets", "/operator/tickets/" + id + "/answered",
                List.of());

        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(ticketWithSubject("窓口試験: 利用者の追加").get("answeredAt").isNull()).isFalse();
    }

    @Test
    void theContractsHoursDriveTheServiceTimeAndABadWindowIsRefusedInJapanese() throws Exception {
        SignedInBrowser screens = SignedInBrowser.signIn(baseUrl(), operator);
        try {
            HttpResponse<String> refused = screens.submit("/operator/contracts", "/operator/contracts/012203",
                    List.of(Map.entry("serviceWindow", "平日の昼"), Map.entry("supportWindow", "MON-FRI 08:30-17:15")));
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(screens.get("/operator/contracts").body()).contains("平日の昼")
                    .contains("「24h」または「MON-FRI 08:30-17:15」");

            screens.submit("/operator/contracts", "/operator/contracts/012203",
                    List.of(Map.entry("serviceWindow", "MON-FRI 08:30-17:15"), Map.entry("supportWindow", "MON-FRI 09:00-17:00")));
            assertThat(screens.get("/operator/contracts").body()).contains("平日 9:00〜17:00");

            JsonNode figures = json.readTree(http.get("/api/v1/t/012203/sla/2018-07", shibetsuAdmin, PASSWORD).body());
            // July 2018: 22 weekdays x 525 min
            assertThat(figures.get("serviceMinutes").asLong()).isEqualTo(22 * 525);
            assertThat(figures.get("serviceHours").asString()).isEqualTo("平日 8:30〜17:15");
            assertThat(figures.get("supportHoursMinutes").asLong()).isEqualTo(22 * 480);
            JsonNode nayoro = json.readTree(http.get("/api/v1/t/012211/sla/2018-07", nayoroAdmin, PASSWORD).body());
            assertThat(nayoro.get("serviceMinutes").asLong()).isEqualTo(31 * 24 * 60);
        } finally {
            screens.submit("/operator/contracts", "/operator/contracts/012203",
                    List.of(Map.entry("serviceWindow", "24h"), Map.entry("supportWindow", "MON-FRI 08:30-17:15")));
        }
    }

    @Test
    void aFailedHealthProbeMinuteLowersEveryTownsAvailabilityAndTheProbeRecordsItsMinute() throws Exception {
        jdbc.sql("DELETE FROM health_probe_minute WHERE probed_minute >= ? AND probed_minute < ?")
                .params(java.time.OffsetDateTime.parse("2018-02-01T00:00+09:00"),
                        java.time.OffsetDateTime.parse("2018-03-01T00:00+09:00")).update();
        for (String minute : new String[] {"2018-02-10T10:00", "2018-02-10T10:01"}) {
            jdbc.sql("INSERT INTO health_probe_minute (probed_minute, up, detail) VALUES (?, ?, ?)")
                    .params(java.time.OffsetDateTime.parse(minute + "+09:00"), false, "試験").update();
        }

        for (String town : new String[] {"012211", "013706"}) {
            String admin = town.equals("012211") ? nayoroAdmin : TestUsers.ensure(accounts, IMAKANE, Role.TENANT_ADMIN);
            JsonNode figures = json.readTree(http.get("/api/v1/t/" + town + "/sla/2018-02", admin, PASSWORD).body());
            // 28 days = 40,320 minutes, 2 failed: 40,318 / 40,320 = 99.995...% -> 99.99%
            assertThat(figures.get("healthFailedMinutes").asLong()).as(town).isEqualTo(2);
            assertThat(figures.get("incidentMinutes").asLong()).as(town).isEqualTo(2);
            assertThat(figures.get("incidentCount").asInt()).as(town).isZero();
            assertThat(figures.get("availability").decimalValue()).as(town).isEqualByComparingTo("99.99");
        }

        HttpResponse<String> probed = http.post("/api/v1/operator/health-probe", operator, PASSWORD, "{}");
        assertThat(probed.statusCode()).as(probed.body()).isEqualTo(200);
        JsonNode result = json.readTree(probed.body());
        assertThat(result.get("up").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM health_probe_minute WHERE up = ?").param(true)
                .query(Long.class).single()).isPositive();
        assertThat(http.post("/api/v1/operator/health-probe", nayoroAdmin, PASSWORD, "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void theProviderWideReportShowsEveryTownSideBySideForTheOperatorOnly() throws Exception {
        HttpResponse<String> page = http.getAccepting("/operator/sla-summary?month=2019-11", operator, PASSWORD,
                "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("運用報告書（全体）（2019年11月）").contains("名寄市").contains("士別市")
                .contains("今金町").contains("全団体").contains("charts/availability.png");

        HttpResponse<byte[]> csv = screensBytes("/operator/sla-summary/2019-11.csv", operator);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("サポートサービス稼働率(%)").contains("012211,2019-11,").contains("012203,2019-11,")
                .contains("013706,2019-11,").contains("全団体,2019-11,");

        HttpResponse<byte[]> pdf = screensBytes("/operator/sla-summary/2019-11.pdf", operator);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String extracted = new PDFTextStripper().getText(document);
            assertThat(extracted).contains("運用報告書（全体）（2019年11月）").contains("名寄市").contains("士別市")
                    .contains("今金町").contains("全団体").contains("稼働率").contains("サポートサービス稼働率");
        }
        HttpResponse<byte[]> chart = screensBytes("/operator/sla-summary/2019-11/charts/requests.png", operator);
        assertThat(chart.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        for (String path : new String[] {"/operator/sla-summary?month=2019-11", "/operator/sla-summary/2019-11.csv",
                "/operator/sla-summary/2019-11.pdf", "/operator/sla/012203?month=2019-11", "/operator/tickets",
                "/operator/contracts"}) {
            assertThat(http.getAccepting(path, nayoroAdmin, PASSWORD, "text/html").statusCode()).as(path)
                    .isEqualTo(403);
        }
        // A town's own report holds its own figures only (the footer names the three towns of the service)
        String own = http.getAccepting("/admin/sla?month=2019-11", nayoroAdmin, PASSWORD, "text/html").body();
        assertThat(own.substring(own.indexOf("<main"), own.indexOf("</main>"))).doesNotContain("士別市")
                .doesNotContain("今金町").doesNotContain("全団体").doesNotContain("sla-summary");
    }

    @Test
    void theOperatorsNewScreensRender() {
        for (String path : new String[] {"/operator/tickets", "/operator/tickets/new", "/operator/contracts",
                "/operator/sla-summary"}) {
            HttpResponse<String> page = http.getAccepting(path, operator, PASSWORD, "text/html");
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<h1");
        }
    }

    private JsonNode ticketWithSubject(String subject) throws Exception {
        for (JsonNode ticket : json.readTree(http.get("/api/v1/operator/tickets", operator, PASSWORD).body())) {
            if (ticket.get("subject").asString().equals(subject)) {
                return ticket;
            }
        }
        throw new AssertionError("no ticket " + subject);
    }

    private HttpResponse<byte[]> screensBytes(String path, String user) {
        try {
            String credentials = java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(baseUrl() + path))
                    .header("Authorization", "Basic " + credentials).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
