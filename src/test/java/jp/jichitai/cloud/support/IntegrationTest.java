package jp.jichitai.cloud.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole service on a random port against the run's database (H2, or
 * PostgreSQL in the second Surefire execution). Demo mode is on, so the three towns exist, and
 * {@link TestUsers} adds users with known passwords.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase database = TestDatabase.get();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", () -> "");
        registry.add("jc.data-dir", () -> database.dataDirectory().toString());
        registry.add("jc.demo.enabled", () -> "true");
        registry.add("jc.demo.residents-scale", () -> "0.01");
        // Tests that need the SLA figures flush them explicitly; a background flush in the middle of another
        // test would change a town's rows under it (e.g. the vault's "other towns untouched" checksums).
        registry.add("jc.sla.flush-interval", () -> "12h");
        // Likewise the health probe: tests that need it call HealthProbe.probe() themselves.
        registry.add("jc.sla.health-probe-interval", () -> "12h");
        registry.add("jc.security.lockout-duration", () -> "10m");
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
