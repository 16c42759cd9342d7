package jp.jichitai.cloud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The request threads and the application's connection pool. A request holds at most one pooled connection at a
 * time: the audit log, which appends in a transaction of its own while the request's stays open, takes its
 * connection from a pool of its own (AuditConnectionIntegrationTests shows callers holding every pooled connection
 * can still audit). Before that, every request thread had to be able to hold two connections and the threads were
 * capped at half the pool (docs/benchmarks/disaster-load.md). Now the cap is the pool itself: more threads than
 * connections would only move the queue from Tomcat (no timeout) to the pool (5 s, then 500), and Tomcat's default
 * of 200 threads would do exactly that.
 */
class ConnectionBudgetTests {

    @Test
    void everyRequestThreadCanHaveAConnectionAndTheAuditLogHasItsOwn() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        int pool = Integer.parseInt(properties.getProperty("spring.datasource.hikari.maximum-pool-size"));
        String threads = properties.getProperty("server.tomcat.threads.max");
        assertThat(threads).as("server.tomcat.threads.max must be set (Tomcat's default is 200)").isNotNull();
        assertThat(Integer.parseInt(threads)).isLessThanOrEqualTo(pool).isGreaterThan(pool / 2);
        assertThat(Integer.parseInt(properties.getProperty("jc.audit.pool-size"))).isPositive();
    }
}
