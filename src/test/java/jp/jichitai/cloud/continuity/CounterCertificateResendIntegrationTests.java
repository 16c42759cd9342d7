package jp.jichitai.cloud.continuity;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import jp.jichitai.cloud.support.TestUsers;

/**
 * The failover drill's client path (ops/cluster/drill_failover.py): the counter form for 住民票の写し carries a
 * one-time 再送キー; sending the form again after a lost answer gives the same certificate, a new page a new one.
 */
class CounterCertificateResendIntegrationTests extends IntegrationTest {

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\"\\s+value=\"([0-9a-f\\-]{36})\"");

    @Autowired
    UserAccounts accounts;

    @Test
    void theCounterFormsKeyMakesAResendAnswerTheSameCertificate() {
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        HttpResponse<String> created = new Http(baseUrl()).post("/api/v1/t/" + NAYORO.value() + "/residents", clerk,
                PASSWORD, """
                {"kind":"move-in","changedOn":"R7.4.1","notifiedOn":"2025-04-02","name":"窓口　再送","kana":"マドグチ　サイソウ",
                 "birthDate":"昭和50年5月5日","sex":"MALE","postalCode":"096-0011","address":"北海道名寄市西1条南7丁目",
                 "district":"010100"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher atena = Pattern.compile("\"residents\":\\[\"([0-9]+)\"").matcher(created.body());
        assertThat(atena.find()).isTrue();
        String page = "/residents/" + atena.group(1) + "/certificate";

        SignedInBrowser browser = SignedInBrowser.signIn(baseUrl(), clerk);
        String key = key(browser.get(page).body());
        assertThat(key(browser.get(page).body())).as("each page its own key").isNotEqualTo(key);

        HttpResponse<String> first = browser.submit(page, page, List.of(Map.entry("form", "COPY"),
                Map.entry("idempotencyKey", key)));
        HttpResponse<String> resent = browser.submit(page, page, List.of(Map.entry("form", "COPY"),
                Map.entry("idempotencyKey", key)));
        HttpResponse<String> newPage = browser.submit(page, page, List.of(Map.entry("form", "COPY"),
                Map.entry("idempotencyKey", key(browser.get(page).body()))));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(number(resent)).isEqualTo(number(first));
        assertThat(resent.headers().firstValue("X-Certificate-Repeated")).contains("true");
        assertThat(number(newPage)).isNotEqualTo(number(first));
    }

    private static String key(String html) {
        Matcher matcher = KEY.matcher(html);
        assertThat(matcher.find()).as("the form's hidden 再送キー").isTrue();
        return matcher.group(1);
    }

    private static String number(HttpResponse<?> response) {
        return response.headers().firstValue("X-Issue-Number").orElseThrow(() -> new AssertionError("no issue number"));
    }
}
