package jp.jichitai.cloud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * A request can hold two pooled connections at once: its own transaction and the audit log's, which appends in a
 * transaction of its own (REQUIRES_NEW) while the request's stays open. If every pooled connection were held by a
 * request waiting for its second one, all of them would wait until the pool's timeout and answer 500 — what the
 * counter load test saw at 20 clerks with Tomcat's default 200 threads (docs/benchmarks/disaster-load.md). So the
 * request threads are capped at half the pool.
 */
class ConnectionBudgetTests {

    @Test
    void everyRequestThreadCanHoldTwoConnectionsAtOnce() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        int pool = Integer.parseInt(properties.getProperty("spring.datasource.hikari.maximum-pool-size"));
        String threads = properties.getProperty("server.tomcat.threads.max");
        assertThat(threads).as("server.tomcat.threads.max must be set (Tomcat's default is 200)").isNotNull();
        assertThat(2 * Integer.parseInt(threads)).isLessThanOrEqualTo(pool);
    }
}
