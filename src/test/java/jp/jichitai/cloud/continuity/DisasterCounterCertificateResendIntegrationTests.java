package jp.jichitai.cloud.continuity;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.SignedInBrowser;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;

/**
 * The disaster counter's 006 証明書の発行 page carries a one-time 再送キー, as the residents' certificate form does
 * (decision 0009): sending it twice (a double click, a resend after a lost answer) issues one 罹災証明書; showing the
 * page again gives a new key and so a new certificate.
 */
class DisasterCounterCertificateResendIntegrationTests extends IntegrationTest {

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\"\\s+value=\"([0-9a-f\\-]{36})\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\"\\s+value=\"([0-9]+)\"");

    @Autowired
    UserAccounts accounts;

    @Test
    void aDoubleSubmitOfTheIssuePageIssuesOneCertificate() throws Exception {
        String admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        Http http = new Http(baseUrl());
        String base = "/api/v1/t/" + NAYORO.value() + "/disasters";
        String disaster = id(http.post(base, admin, PASSWORD, "{\"name\":\"窓口再送の大雨\",\"kind\":\"風水害\","
                + "\"occurredOn\":\"" + LocalDate.now().minusDays(1) + "\"}"));
        String victim = id(http.post(base + "/" + disaster + "/victims", clerk, PASSWORD,
                "{\"name\":\"窓口　二重\",\"kana\":\"マドグチ　ニジュウ\",\"birthDate\":\"19700101\",\"sex\":\"1\","
                        + "\"address\":\"北海道名寄市西1条南9丁目\"}"));
        String caseId = id(http.post(base + "/" + disaster + "/damage-reports", clerk, PASSWORD, "{\"atenaNumber\":\""
                + victim + "\",\"reportedOn\":\"" + LocalDate.now() + "\",\"description\":\"床上浸水\"}"));
        assertThat(http.post(base + "/" + disaster + "/surveys", clerk, PASSWORD,
                "{\"reportId\":" + caseId + ",\"damageRatio\":55}").statusCode()).isEqualTo(201);

        SignedInBrowser browser = SignedInBrowser.signIn(baseUrl(), clerk);
        String steps = "/disasters/" + disaster + "/cases/" + caseId;
        HttpResponse<String> applied = browser.submit(steps + "/application", steps + "/application", List.of(
                Map.entry("version", match(VERSION, browser.get(steps + "/application").body(), "the case's version")),
                Map.entry("kind", "DAMAGE_CERTIFICATE"), Map.entry("applicantName", "窓口　二重"),
                Map.entry("appliedOn", LocalDate.now().toString()), Map.entry("purpose", "保険の請求")));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(302);

        String page = steps + "/issue";
        String key = key(browser.get(page).body());
        assertThat(key(browser.get(page).body())).as("each page its own key").isNotEqualTo(key);
        HttpResponse<String> first = browser.submit(page, page, List.of(Map.entry("idempotencyKey", key)));
        HttpResponse<String> resent = browser.submit(page, page, List.of(Map.entry("idempotencyKey", key)));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(serial(resent)).as("the same certificate").isEqualTo(serial(first));
        assertThat(certificates(disaster)).as("one certificate issued").isOne();

        HttpResponse<String> newPage = browser.submit(page, page, List.of(Map.entry("idempotencyKey",
                key(browser.get(page).body()))));
        assertThat(serial(newPage)).as("a new page is a new request").isNotEqualTo(serial(first));
        assertThat(certificates(disaster)).isEqualTo(2);
    }

    private static long certificates(String disaster) throws Exception {
        try (Connection owner = TestDatabase.get().ownerConnection();
                PreparedStatement select = owner.prepareStatement(
                        "SELECT COUNT(*) FROM disaster_certificate WHERE tenant_id = ? AND disaster_id = ?")) {
            select.setString(1, NAYORO.value());
            select.setLong(2, Long.parseLong(disaster));
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return match(Pattern.compile("\"(?:id|atenaNumber)\":\"?([0-9A-Z]+)\"?"), response.body(), "an id");
    }

    private static String key(String html) {
        return match(KEY, html, "the form's hidden 再送キー");
    }

    private static String match(Pattern pattern, String text, String what) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(what).isTrue();
        return matcher.group(1);
    }

    private static String serial(HttpResponse<?> response) {
        return response.headers().firstValue("X-Certificate-Serial")
                .orElseThrow(() -> new AssertionError("no certificate serial"));
    }
}
