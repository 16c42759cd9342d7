package jp.jichitai.cloud.platform;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.audit.AuditRecord;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * What happens when the application's connection pool (here two connections, 2 s timeout) is exhausted.
 *
 * <p>The audit log appends in a transaction of its own, so that an access is recorded even when the caller's
 * transaction rolls back. That transaction must not need a second connection from the application's pool: when
 * every pooled connection is held by a caller that then audits, the callers would all wait for one more connection
 * until the pool's timeout (what the counter load test saw, docs/decisions/0008-audit-log-own-pool.md). Here the
 * pool has two connections and six callers audit while holding theirs; with the old coupling the first two wait
 * for a third connection and fail after the 2 s timeout.
 */
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.minimum-idle=1",
        "spring.datasource.hikari.connection-timeout=2000",
        "jc.audit.pool-size=1"})
class ConnectionPoolIntegrationTests extends IntegrationTest {

    private static final int CALLERS = 6;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    UserAccounts accounts;

    @Test
    void aSignInThatCannotReadTheAccountAnswers503InJapaneseNot401() throws Exception {
        Http http = new Http(baseUrl());
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        String profile = "/api/v1/t/" + NAYORO.value();
        assertThat(http.get(profile, clerk, TestUsers.PASSWORD).statusCode()).isEqualTo(200);
        HttpResponse<String> refused;
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            refused = http.get(profile, clerk, TestUsers.PASSWORD);
        }
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("E-API-0504").contains("データベースに接続できません")
                .contains("パスワードの誤りではありません");
        assertThat(accounts.ofTenant(NAYORO)).filteredOn(account -> account.username().equals(clerk))
                .singleElement().satisfies(account -> assertThat(account.failedAttempts())
                        .as("not counted as a failed sign-in").isZero());
        // The connections are back: the same credentials open the API again.
        assertThat(http.get(profile, clerk, TestUsers.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void callersHoldingEveryPooledConnectionCanStillAudit() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        long before = TenantContext.callAs(NAYORO, () -> newestSequence());
        // The first two callers each take a pooled connection and wait until both are taken before auditing.
        CountDownLatch bothConnectionsHeld = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<AuditRecord>> results = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                int number = caller;
                results.add(pool.submit(() -> TenantContext.callAs(NAYORO, () -> transaction.execute(status -> {
                    jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ?").param(NAYORO.value())
                            .query(Long.class).single();
                    bothConnectionsHeld.countDown();
                    try {
                        bothConnectionsHeld.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    AuditRecord recorded = auditLog.record(AuditEvent.of("test.pool", "caller:" + number));
                    if (number % 2 == 0) {
                        status.setRollbackOnly(); // the access is recorded all the same
                    }
                    return recorded;
                }))));
            }
            List<Long> sequences = new ArrayList<>();
            for (Future<AuditRecord> result : results) {
                sequences.add(result.get(60, TimeUnit.SECONDS).sequence());
            }
            assertThat(sequences).as("each caller got its own entry in the town's chain")
                    .doesNotHaveDuplicates().allSatisfy(sequence -> assertThat(sequence).isGreaterThan(before));
        } finally {
            pool.shutdownNow();
        }
        TenantContext.runAs(NAYORO, () -> {
            List<AuditRecord> newest = auditLog.newest(CALLERS);
            assertThat(newest).extracting(AuditRecord::action).containsOnly("test.pool");
            assertThat(newest).extracting(AuditRecord::target).containsExactlyInAnyOrder(
                    "caller:0", "caller:1", "caller:2", "caller:3", "caller:4", "caller:5");
            assertThat(auditLog.verifyCurrentChain().intact()).isTrue();
        });
    }

    private long newestSequence() {
        return auditLog.newest(1).stream().mapToLong(AuditRecord::sequence).findFirst().orElse(0);
    }
}
