package jp.jichitai.cloud.tenancy.internal;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * A transaction of an online request runs its statements under the online statement timeout; start-up work, jobs
 * and tools (no request on the thread) run without one, and the setting never stays on the pooled connection.
 * PostgreSQL only: it is PostgreSQL's statement_timeout.
 */
class OnlineStatementTimeoutIntegrationTests extends IntegrationTest {

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void onPostgresOnly() {
        assumeTrue(TestDatabase.get().isPostgres(), "statement_timeout is PostgreSQL's");
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anOnlineRequestsTransactionHasTheConfiguredTimeoutAndOtherWorkHasNone() {
        assertThat(statementTimeout(transactionManager)).as("no request on the thread").isEqualTo("0");

        onlineRequest();
        assertThat(statementTimeout(transactionManager)).isEqualTo("30s");

        RequestContextHolder.resetRequestAttributes();
        assertThat(statementTimeout(transactionManager)).as("nothing left on the pooled connection").isEqualTo("0");
    }

    @Test
    void aRunawayStatementOfAnOnlineRequestIsCancelledAndItsConnectionServesTheNextRequest() {
        TenantBoundTransactionManager shortLimit = new TenantBoundTransactionManager(dataSource, true,
                Duration.ofMillis(200));
        onlineRequest();

        Throwable cancelled = catchThrowable(() -> TenantContext.callAs(NAYORO, () -> new TransactionTemplate(shortLimit)
                .execute(status -> jdbc.sql("SELECT pg_sleep(10)").query(String.class).single())));

        assertThat(sqlState(cancelled)).isEqualTo("57014");
        Long districts = TenantContext.callAs(NAYORO, () -> new TransactionTemplate(shortLimit)
                .execute(status -> jdbc.sql("SELECT COUNT(*) FROM district").query(Long.class).single()));
        assertThat(districts).as("the town's rows, read under its binding after the cancel").isEqualTo(10L);
    }

    private static void onlineRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    private String statementTimeout(PlatformTransactionManager manager) {
        return TenantContext.callAs(NAYORO, () -> new TransactionTemplate(manager)
                .execute(status -> jdbc.sql("SHOW statement_timeout").query(String.class).single()));
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return "no SQLException in " + failure;
    }
}
