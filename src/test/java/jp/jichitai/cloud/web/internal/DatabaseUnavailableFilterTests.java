package jp.jichitai.cloud.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

import jakarta.servlet.ServletException;

class DatabaseUnavailableFilterTests {

    private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter();

    @Test
    void aScreenWhoseConnectionCouldNotBeHadGetsThePageThatSaysWhatToCheck() throws Exception {
        MockHttpServletResponse response = run("/residents/1007/certificate", new ServletException("request failed",
                new CannotGetJdbcConnectionException("pool", new SQLTransientConnectionException("timed out"))));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("データベースに接続できません", "記録を確認してからやり直してください", "E-API-0503");
    }

    @Test
    void anApiCallWhoseCommitFailedGetsTheJsonMessage() throws Exception {
        MockHttpServletResponse response = run("/api/v1/t/012211/residents/1007/certificates",
                new TransactionSystemException("Could not commit JDBC transaction", new SQLException("I/O error", "08006")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("E-API-0503");
    }

    @Test
    void aStatementCancelledByTheOnlineTimeoutSaysSoAndNotThatTheDatabaseIsUnreachable() throws Exception {
        SQLException cancelled = new SQLException("canceling statement due to statement timeout", "57014");
        // Spring may translate PostgreSQL's class 57 into a resource failure, which alone would read as unreachable.
        MockHttpServletResponse screen = run("/residents", new ServletException("request failed",
                new org.springframework.dao.DataAccessResourceFailureException("query failed", cancelled)));
        MockHttpServletResponse api = run("/api/v1/t/012211/residents",
                new org.springframework.dao.QueryTimeoutException("query failed", cancelled));

        assertThat(screen.getStatus()).isEqualTo(503);
        assertThat(screen.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("<h1>処理を中止しました</h1>", "時間がかかりすぎたため", "E-API-0505")
                .doesNotContain("データベースに接続できません");
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("E-API-0505");
    }

    @Test
    void otherFailuresAreLeftToTheUsualErrorHandling() {
        IllegalStateException bug = new IllegalStateException("a bug");
        assertThatThrownBy(() -> run("/residents", bug)).isSameAs(bug);
        assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
    }

    private MockHttpServletResponse run(String path, Exception failure) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (servletRequest, servletResponse) -> {
            if (failure instanceof ServletException servlet) {
                throw servlet;
            }
            throw (RuntimeException) failure;
        });
        return response;
    }
}
