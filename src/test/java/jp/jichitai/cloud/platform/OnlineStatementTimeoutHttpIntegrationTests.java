package jp.jichitai.cloud.platform;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.SignedInBrowser;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;

/**
 * A clerk's search that cannot finish (here: it waits for a lock that an operator's transaction holds on the search
 * keys) is cancelled at the online statement timeout, shortened to 1 s for this test, and the clerk reads why in
 * Japanese instead of a page that hangs; once the lock is gone the same search answers on the same pool. Decision
 * 0011. PostgreSQL only.
 */
@TestPropertySource(properties = "jc.database.online-statement-timeout=1s")
@org.junit.jupiter.api.condition.EnabledIf(value = "onPostgres", disabledReason = "statement_timeout is PostgreSQL's")
class OnlineStatementTimeoutHttpIntegrationTests extends IntegrationTest {

    /** Decided before the test's own service starts, so that the H2 run does not start one for nothing. */
    static boolean onPostgres() {
        return TestDatabase.get().isPostgres();
    }

    @Autowired
    UserAccounts accounts;

    @Test
    void aSearchStuckBehindALockIsCancelledWithAJapaneseMessageAndThePoolServesTheNextOne() throws Exception {
        SignedInBrowser clerk = SignedInBrowser.signIn(baseUrl(), TestUsers.ensure(accounts, NAYORO, Role.CLERK));
        String search = "/residents?q=" + URLEncoder.encode("たかはし", StandardCharsets.UTF_8);
        assertThat(clerk.get(search).statusCode()).isEqualTo(200);

        HttpResponse<String> stuck;
        java.util.concurrent.ScheduledExecutorService releaser = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try (Connection operator = TestDatabase.get().ownerConnection()) {
            operator.setAutoCommit(false);
            operator.createStatement().execute("LOCK TABLE resident_search_key IN ACCESS EXCLUSIVE MODE");
            // Without a limit the search would wait for the lock for good: released after 20 s, it answers 200 and
            // the assertion below fails instead of the run hanging.
            releaser.schedule(() -> {
                operator.rollback();
                return null;
            }, 20, java.util.concurrent.TimeUnit.SECONDS);
            stuck = clerk.get(search);
            releaser.shutdownNow();
            operator.rollback();
        } finally {
            releaser.shutdownNow();
        }

        assertThat(stuck.statusCode()).isEqualTo(503);
        assertThat(stuck.body()).contains("<h1>処理を中止しました</h1>").contains("時間がかかりすぎたため")
                .contains("E-API-0505").doesNotContain("データベースに接続できません");
        HttpResponse<String> again = clerk.get(search);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("検索");
    }
}
