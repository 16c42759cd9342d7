package jp.jichitai.cloud.issuance;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.ApiMoveIn;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;

/**
 * 再送キー (Idempotency-Key) on certificate issue: a client that lost the answer sends the same request again with
 * the same key and gets the certificate already issued — same number, same verification code, same content — and
 * never a second number; another request under the same key is refused; concurrent repeats issue once; a key
 * belongs to one town.
 */
class CertificateIdempotencyIntegrationTests extends IntegrationTest {


    @Autowired
    UserAccounts accounts;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aRepeatUnderTheSameKeyAnswersTheCertificateIssuedBeforeAndAnotherRequestIsRefused() throws Exception {
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        String atena = ApiMoveIn.moveIn(baseUrl(), NAYORO, clerk, "再送　一子", "サイソウ　イチコ");
        String key = UUID.randomUUID().toString();
        // Other tests issue in this town too: count only this test's entries.
        long auditBefore = count(NAYORO, "SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE tenant_id = ?");

        HttpResponse<byte[]> first = issue(NAYORO, clerk, atena, "{\"form\":\"COPY\"}", key);
        assertThat(first.statusCode()).as(text(first)).isEqualTo(200);
        HttpResponse<byte[]> again = issue(NAYORO, clerk, atena, "{\"form\":\"COPY\"}", key);
        assertThat(again.statusCode()).as(text(again)).isEqualTo(200);
        assertThat(header(again, "X-Issue-Number")).isEqualTo(header(first, "X-Issue-Number"));
        assertThat(header(again, "X-Verification-Code")).isEqualTo(header(first, "X-Verification-Code"));
        assertThat(header(first, "X-Certificate-Repeated")).isEqualTo("false");
        assertThat(header(again, "X-Certificate-Repeated")).isEqualTo("true");
        assertThat(new String(again.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(certificatesUnderKey(NAYORO, key)).isOne();
        // Without a key every request is a new certificate, as before.
        HttpResponse<byte[]> unkeyed = issue(NAYORO, clerk, atena, "{\"form\":\"COPY\"}", null);
        assertThat(header(unkeyed, "X-Issue-Number")).isNotEqualTo(header(first, "X-Issue-Number"));

        HttpResponse<byte[]> otherRequest = issue(NAYORO, clerk, atena, "{\"form\":\"ITEMS\"}", key);
        assertThat(otherRequest.statusCode()).isEqualTo(422);
        assertThat(text(otherRequest)).contains("E-ISS-0001", "別の内容の証明書の交付",
                java.net.URLDecoder.decode(header(first, "X-Issue-Number"), StandardCharsets.UTF_8));
        HttpResponse<byte[]> malformed = issue(NAYORO, clerk, atena, "{\"form\":\"COPY\"}", "not a valid key!");
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(text(malformed)).contains("E-ISS-0003");

        // The repeat is audited as a reissue of the same certificate.
        String issueNumber = java.net.URLDecoder.decode(header(first, "X-Issue-Number"), StandardCharsets.UTF_8);
        assertThat(count(NAYORO, "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'certificate.issue'"
                + " AND seq > " + auditBefore + " AND query_text = '" + issueNumber + "'")).isOne();
        assertThat(count(NAYORO, "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'certificate.reissue'"
                + " AND seq > " + auditBefore + " AND outcome = 'SUCCESS' AND query_text = '" + issueNumber
                + " 再送キー " + key + "'")).isOne();
    }

    @Test
    void concurrentRepeatsOfOneKeyIssueOneCertificate() throws Exception {
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        String atena = ApiMoveIn.moveIn(baseUrl(), NAYORO, clerk, "同時　再送", "ドウジ　サイソウ");
        String key = UUID.randomUUID().toString();
        long auditBefore = count(NAYORO, "SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE tenant_id = ?");
        int clients = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<HttpResponse<byte[]>> repeat = () -> {
                    start.await();
                    return issue(NAYORO, clerk, atena, "{\"form\":\"COPY\"}", key);
                };
                answers.add(pool.submit(repeat));
            }
            start.countDown();
            List<String> numbers = new ArrayList<>();
            for (Future<HttpResponse<byte[]>> answer : answers) {
                HttpResponse<byte[]> response = answer.get();
                assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
                numbers.add(header(response, "X-Issue-Number"));
            }
            assertThat(numbers).hasSize(clients).containsOnly(numbers.get(0));
            // One issue entry for the one certificate, whichever request issued it; the others are repeats.
            String number = java.net.URLDecoder.decode(numbers.get(0), StandardCharsets.UTF_8);
            assertThat(count(NAYORO, "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'certificate.issue'"
                    + " AND seq > " + auditBefore + " AND query_text = '" + number + "'")).isOne();
            assertThat(count(NAYORO, "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'certificate.issue'"
                    + " AND seq > " + auditBefore + " AND outcome = 'SUCCESS'")).isOne();
        } finally {
            pool.shutdownNow();
        }
        assertThat(certificatesUnderKey(NAYORO, key)).isOne();
    }

    @Test
    void aKeyBelongsToOneTown() throws Exception {
        String nayoroClerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        String shibetsuClerk = TestUsers.ensure(accounts, SHIBETSU, Role.CLERK);
        String nayoroResident = ApiMoveIn.moveIn(baseUrl(), NAYORO, nayoroClerk, "名寄　鍵子", "ナヨロ　カギコ");
        String shibetsuResident = ApiMoveIn.moveIn(baseUrl(), SHIBETSU, shibetsuClerk, "士別　鍵子", "シベツ　カギコ");
        String key = UUID.randomUUID().toString();
        HttpResponse<byte[]> nayoro = issue(NAYORO, nayoroClerk, nayoroResident, "{\"form\":\"COPY\"}", key);
        assertThat(nayoro.statusCode()).isEqualTo(200);

        // The same key in another town is that town's own: a certificate of its own, never the first town's.
        HttpResponse<byte[]> shibetsu = issue(SHIBETSU, shibetsuClerk, shibetsuResident, "{\"form\":\"COPY\"}", key);
        assertThat(shibetsu.statusCode()).as(text(shibetsu)).isEqualTo(200);
        assertThat(header(shibetsu, "X-Certificate-Repeated")).isEqualTo("false");
        assertThat(header(shibetsu, "X-Verification-Code")).isNotEqualTo(header(nayoro, "X-Verification-Code"));
        assertThat(certificatesUnderKey(SHIBETSU, key)).isOne();
        // Nor can the other town reach the first town's person under that key.
        HttpResponse<byte[]> across = issue(SHIBETSU, shibetsuClerk, nayoroResident, "{\"form\":\"COPY\"}", key);
        assertThat(across.statusCode()).isEqualTo(404);
        assertThat(certificatesUnderKey(NAYORO, key)).isOne();
    }

    @Test
    void aDamageCertificateRepeatedUnderItsKeyKeepsItsSerial() throws Exception {
        String admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        Http http = new Http(baseUrl());
        String base = "/api/v1/t/" + NAYORO.value() + "/disasters";
        String disaster = id(http.post(base, admin, PASSWORD, "{\"name\":\"再送キー確認の大雨\",\"kind\":\"風水害\","
                + "\"occurredOn\":\"" + java.time.LocalDate.now().minusDays(1) + "\"}"));
        String victim = id(http.post(base + "/" + disaster + "/victims", clerk, PASSWORD,
                "{\"name\":\"罹災　再送\",\"kana\":\"リサイ　サイソウ\",\"birthDate\":\"19700101\",\"sex\":\"1\","
                        + "\"address\":\"北海道名寄市西1条南9丁目\"}"));
        String report = id(http.post(base + "/" + disaster + "/damage-reports", clerk, PASSWORD, "{\"atenaNumber\":\""
                + victim + "\",\"reportedOn\":\"" + java.time.LocalDate.now() + "\",\"description\":\"床上浸水\"}"));
        assertThat(http.post(base + "/" + disaster + "/surveys", clerk, PASSWORD,
                "{\"reportId\":" + report + ",\"damageRatio\":55}").statusCode()).isEqualTo(201);
        String key = UUID.randomUUID().toString();
        String path = base + "/" + disaster + "/certificates";
        HttpResponse<byte[]> first = post(NAYORO, clerk, path, "{\"reportId\":" + report + "}", key);
        HttpResponse<byte[]> again = post(NAYORO, clerk, path, "{\"reportId\":" + report + "}", key);
        assertThat(first.statusCode()).as(text(first)).isEqualTo(200);
        assertThat(again.statusCode()).as(text(again)).isEqualTo(200);
        assertThat(header(again, "X-Certificate-Serial")).isEqualTo(header(first, "X-Certificate-Serial"));
        assertThat(again.body()).as("the PDF recorded with the certificate").isEqualTo(first.body());
        assertThat(count(NAYORO, "SELECT COUNT(*) FROM disaster_certificate WHERE tenant_id = ? AND disaster_id = "
                + disaster)).isOne();
    }

    private static String id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        Matcher matcher = Pattern.compile("\"(?:id|atenaNumber)\":\"?([0-9A-Z]+)\"?").matcher(response.body());
        assertThat(matcher.find()).as(response.body()).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<byte[]> issue(TenantCode tenant, String user, String atena, String json, String key)
            throws Exception {
        return post(tenant, user, "/api/v1/t/" + tenant.value() + "/residents/" + atena + "/certificates", json, key);
    }

    private HttpResponse<byte[]> post(TenantCode tenant, String user, String path, String json, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/pdf, application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static long count(TenantCode tenant, String sql) throws Exception {
        try (Connection owner = TestDatabase.get().ownerConnection();
                PreparedStatement select = owner.prepareStatement(sql)) {
            select.setString(1, tenant.value());
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The certificates a town holds under a 再送キー. */
    private static long certificatesUnderKey(TenantCode town, String key) throws Exception {
        return count(town, "SELECT COUNT(*) FROM issued_certificate WHERE tenant_id = ? AND idempotency_key = '" + key + "'");
    }

}
