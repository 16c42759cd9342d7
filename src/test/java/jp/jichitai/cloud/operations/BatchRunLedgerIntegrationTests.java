package jp.jichitai.cloud.operations;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;

/** Runs recorded over plain JDBC by the command-line jobs reach the month's バッチ処理時間遵守率. */
class BatchRunLedgerIntegrationTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    ObjectMapper json;
    @Autowired
    SlaMeasurements measurements;

    @Test
    void runsOnTimeAndLateAddUpWithTheServicesOwnMeasurements() throws Exception {
        String admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        Instant finished = Instant.parse("2017-05-10T03:00:00Z");
        StringWriter warnings = new StringWriter();
        try (Connection connection = TestDatabase.get().ownerConnection()) {
            connection.setAutoCommit(true);
            // exactly at the one-hour target of a backup: on time
            assertThat(BatchRunLedger.record(connection, NAYORO, BatchKind.BACKUP, finished.minus(Duration.ofHours(1)),
                    finished, new PrintWriter(warnings))).isTrue();
            assertThat(BatchRunLedger.record(connection, NAYORO, BatchKind.IMPORT,
                    finished.minus(Duration.ofMinutes(31)), finished, new PrintWriter(warnings))).isTrue();
        }
        measurements.flush();

        JsonNode figures = json.readTree(new Http(baseUrl()).get("/api/v1/t/012211/sla/2017-05", admin, PASSWORD).body());
        assertThat(figures.get("batchRuns").asLong()).isEqualTo(2);
        assertThat(figures.get("batchRunsWithinTarget").asLong()).isEqualTo(1);
        assertThat(figures.get("batchCompliance").decimalValue()).isEqualByComparingTo("50");
        assertThat(warnings.toString()).isEmpty();
    }

    @Test
    void aDatabaseWithoutTheSlaTablesGivesAWarningNotAFailure() throws Exception {
        StringWriter warnings = new StringWriter();
        try (Connection empty = DriverManager.getConnection("jdbc:h2:mem:no-sla-tables", "sa", "")) {
            assertThat(BatchRunLedger.record(empty, NAYORO, BatchKind.EXPORT, Instant.now(), Instant.now(),
                    new PrintWriter(warnings))).isFalse();
        }
        assertThat(warnings.toString()).contains("警告: バッチ処理の実績を記録できませんでした（データ出力、団体 012211）");
    }
}
