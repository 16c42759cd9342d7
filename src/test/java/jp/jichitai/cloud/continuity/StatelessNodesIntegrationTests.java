package jp.jichitai.cloud.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import jp.jichitai.cloud.JichitaiCloudApplication;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;

/**
 * Two application nodes on one database, as behind a load balancer: a session signed in on one node is
 * accepted by the other, and signing out on one ends it on both. No cookie jar is shared implicitly: the
 * test carries the session cookie from node to node by hand.
 */
class StatelessNodesIntegrationTests extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("^SESSION=([^;]+)");

    private static ConfigurableApplicationContext secondNode;

    @Autowired
    UserAccounts accounts;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startSecondNode() {
        TestDatabase database = TestDatabase.get();
        secondNode = new SpringApplicationBuilder(JichitaiCloudApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=",
                "--jc.data-dir=" + database.dataDirectory(),
                "--jc.demo.enabled=true",
                "--spring.jmx.enabled=false");
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aSessionSignedInOnOneNodeIsAcceptedByTheOtherUntilSignedOut() throws Exception {
        String user = TestUsers.ensure(accounts, TestUsers.SHIBETSU, Role.TENANT_ADMIN);
        String nodeA = baseUrl();
        String nodeB = "http://localhost:" + ((WebServerApplicationContext) secondNode).getWebServer().getPort();

        HttpResponse<String> loginPage = send(get(nodeA + "/login", null));
        String anonymousSession = sessionCookie(loginPage);
        String csrf = csrfToken(loginPage.body());
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(nodeA + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Cookie", "SESSION=" + anonymousSession)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + form(user) + "&password="
                        + form(TestUsers.PASSWORD) + "&_csrf=" + form(csrf))).build());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
        String session = sessionCookie(signedIn);

        HttpResponse<String> onB = send(get(nodeB + "/admin/settings", session));
        assertThat(onB.statusCode()).as("node B accepts node A's session").isEqualTo(200);
        assertThat(onB.body()).contains("団体の設定", "試験 ");
        assertThat(send(get(nodeB + "/admin/settings", null)).statusCode())
                .as("without the session node B asks to sign in").isEqualTo(302);
        assertThat(send(get(nodeB + "/admin/settings", anonymousSession)).statusCode())
                .as("the session from before signing in was replaced (fixation protection)").isEqualTo(302);

        String csrfOnB = csrfToken(onB.body());
        HttpResponse<String> signedOut = send(HttpRequest.newBuilder(URI.create(nodeB + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html").header("Cookie", "SESSION=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + form(csrfOnB))).build());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(send(get(nodeA + "/admin/settings", session)).statusCode())
                .as("signing out on node B ends the session on node A too").isEqualTo(302);
    }

    private static HttpRequest get(String url, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html").GET();
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher)
                .filter(Matcher::find).map(matcher -> matcher.group(1)).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no SESSION cookie in " + response.headers()));
    }

    private static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
