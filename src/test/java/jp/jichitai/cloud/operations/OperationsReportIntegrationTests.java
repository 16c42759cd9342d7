package jp.jichitai.cloud.operations;

import static jp.jichitai.cloud.support.TestUsers.IMAKANE;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.ObjectMapper;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/** The 運用報告書 as HTML, PDF and CSV carries the month's figures and records; notices reach the town. */
class OperationsReportIntegrationTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    ObjectMapper json;

    Http http;
    String nayoroAdmin;
    String imakaneAdmin;
    String operator;

    @BeforeEach
    void users() {
        http = new Http(baseUrl());
        nayoroAdmin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        imakaneAdmin = TestUsers.ensure(accounts, IMAKANE, Role.TENANT_ADMIN);
        operator = TestUsers.ensureOperator(accounts);
    }

    void nayoroIncidentInNovember2019() {
        String existing = http.get("/api/v1/operator/incidents", operator, PASSWORD).body();
        if (existing.contains("報告書試験のディスク障害")) {
            return;
        }
        HttpResponse<String> created = http.post("/api/v1/operator/incidents", operator, PASSWORD, """
                {"startedAt":"2019-11-05T09:00:00","endedAt":"2019-11-05T11:00:00","affectedTenants":["012211"],
                 "systems":"住民記録システム","impact":"証明書の発行が停止","cause":"報告書試験のディスク障害",
                 "actions":"ディスクを交換","recurrencePrevention":"予兆監視を追加"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void thePdfReportCarriesTheFiguresTheRecordsAndTwoCharts() throws Exception {
        nayoroIncidentInNovember2019();
        HttpResponse<byte[]> pdf = bytes("/admin/sla/2019-11.pdf", nayoroAdmin);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("pdf"));

        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            // 30 days = 43,200 minutes, 120 of them stopped: 99.7222...% truncated to 99.72%.
            assertThat(text).contains("運用報告書（2019年11月）").contains("名寄市").contains("稼働率")
                    .contains("99.72%").contains("2時間").contains("報告書試験のディスク障害").contains("予兆監視を追加");
            int images = 0;
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertThat(images).isEqualTo(2);
        }
    }

    @Test
    void theHtmlReportAndTheCsvShowTheSameFigures() {
        nayoroIncidentInNovember2019();
        HttpResponse<String> page = http.getAccepting("/admin/sla?month=2019-11", nayoroAdmin, PASSWORD, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("運用報告書（2019年11月）").contains("99.72%").contains("証明書の発行が停止")
                .contains("charts/availability.png");

        HttpResponse<byte[]> csv = bytes("/admin/sla/2019-11.csv", nayoroAdmin);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("稼働率(%)").containsPattern("012211,2019-11,43200,0,120,1,99\\.72,");

        HttpResponse<byte[]> chart = bytes("/admin/sla/2019-11/charts/availability.png", nayoroAdmin);
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void anOngoingIncidentIsAnEmergencyBannerForTheAffectedTownOnly() throws Exception {
        DateTimeFormatter iso = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo")).withNano(0);
        HttpResponse<String> incident = http.post("/api/v1/operator/incidents", operator, PASSWORD,
                "{\"startedAt\":\"" + iso.format(now.minusMinutes(30)) + "\",\"affectedTenants\":[\"013706\"],"
                        + "\"systems\":\"被災者支援システム\",\"impact\":\"お知らせ試験の接続障害\"}");
        assertThat(incident.statusCode()).as(incident.body()).isEqualTo(201);
        HttpResponse<String> maintenance = http.post("/api/v1/operator/maintenance", operator, PASSWORD,
                "{\"title\":\"お知らせ試験の定期保守\",\"plannedStart\":\"" + iso.format(now.plusDays(2)) + "\",\"plannedEnd\":\""
                        + iso.format(now.plusDays(2).plusHours(3)) + "\",\"affectedTenants\":[\"013706\"]}");
        assertThat(maintenance.statusCode()).as(maintenance.body()).isEqualTo(201);
        long id = json.readTree(incident.body()).get("id").asLong();
        try {
            String imakane = http.getAccepting("/admin/sla", imakaneAdmin, PASSWORD, "text/html").body();
            assertThat(imakane).contains("banner--emergency").contains("お知らせ試験の接続障害")
                    .contains("お知らせ試験の定期保守");
            String nayoro = http.getAccepting("/admin/sla", nayoroAdmin, PASSWORD, "text/html").body();
            assertThat(nayoro).doesNotContain("お知らせ試験の接続障害").doesNotContain("お知らせ試験の定期保守");
        } finally {
            http.put("/api/v1/operator/incidents/" + id, operator, PASSWORD,
                    "{\"startedAt\":\"" + iso.format(now.minusMinutes(30)) + "\",\"endedAt\":\"" + iso.format(now)
                            + "\",\"affectedTenants\":[\"013706\"],\"systems\":\"被災者支援システム\",\"impact\":\"お知らせ試験の接続障害\"}");
        }
        assertThat(http.getAccepting("/admin/sla", imakaneAdmin, PASSWORD, "text/html").body())
                .doesNotContain("banner--emergency");
    }

    @Test
    void theOperatorsRecordScreensRender() {
        for (String path : new String[] {"/operator/incidents", "/operator/incidents/new", "/operator/maintenance",
                "/operator/maintenance/new", "/operator/sla/012211?month=2019-11"}) {
            HttpResponse<String> page = http.getAccepting(path, operator, PASSWORD, "text/html");
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<h1");
        }
        assertThat(http.getAccepting("/operator/incidents", nayoroAdmin, PASSWORD, "text/html").statusCode())
                .isEqualTo(403);
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
