package jp.jichitai.cloud.continuity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class PrimaryWaitingDataSourceTests {

    private static final String URL = "jdbc:postgresql://127.0.0.1:1,127.0.0.1:2/jichitai?targetServerType=primary";

    private final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, method, arguments) -> null);

    private final List<Properties> attempts = new ArrayList<>();

    @Test
    void waitsForThePrimaryWhileTheHostsRefuseOrNoneIsPrimary() throws SQLException {
        PrimaryWaitingDataSource source = new PrimaryWaitingDataSource(URL, Duration.ofSeconds(5), (url, properties) -> {
            attempts.add(properties);
            if (attempts.size() < 3) {
                throw new SQLException("Could not find a server with specified targetServerType: primary", "08001");
            }
            return connection;
        });

        assertThat(source.getConnection("jichitai_app", "secret")).isSameAs(connection);
        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(0).getProperty("user")).isEqualTo("jichitai_app");
        assertThat(attempts.get(0).getProperty("password")).isEqualTo("secret");
    }

    @Test
    void passesOtherFailuresOnAtOnce() {
        PrimaryWaitingDataSource source = new PrimaryWaitingDataSource(URL, Duration.ofSeconds(5), (url, properties) -> {
            attempts.add(properties);
            throw new SQLException("password authentication failed", "28P01");
        });

        assertThatThrownBy(() -> source.getConnection("jichitai_app", "wrong")).hasMessageContaining("password");
        assertThat(attempts).hasSize(1);
    }

    @Test
    void givesUpAfterItsPatience() {
        PrimaryWaitingDataSource source = new PrimaryWaitingDataSource(URL, Duration.ofMillis(500), (url, properties) -> {
            attempts.add(properties);
            throw new SQLException("Connection refused", "08001");
        });

        assertThatThrownBy(source::getConnection).hasMessageContaining("refused");
        assertThat(attempts).hasSizeBetween(2, 3);
    }

    @Test
    void leavesEmptyCredentialsToTheUrl() throws SQLException {
        PrimaryWaitingDataSource source = new PrimaryWaitingDataSource(URL, Duration.ofSeconds(1), (url, properties) -> {
            attempts.add(properties);
            return connection;
        });

        source.getConnection("", "");
        assertThat(attempts.get(0)).isEmpty();
    }

    @Test
    void onlyMultiHostPostgreSqlUrlsWaitForAPrimary() {
        assertThat(PrimaryWaitingDataSource.isMultiHostPostgreSql(URL)).isTrue();
        assertThat(PrimaryWaitingDataSource.isMultiHostPostgreSql("jdbc:postgresql://127.0.0.1:5432/jichitai")).isFalse();
        assertThat(PrimaryWaitingDataSource.isMultiHostPostgreSql("jdbc:h2:file:./data/jichitai;MODE=PostgreSQL")).isFalse();
        assertThat(PrimaryWaitingDataSource.isMultiHostPostgreSql(null)).isFalse();
    }
}
