package jp.jichitai.cloud.continuity.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The pool's source of new connections during a failover. With PgJDBC's multi-host URL
 * ({@code targetServerType=primary}) a connection attempt fails at once while no node is primary yet, and HikariCP
 * answers each failure by sleeping twice as long as the last time (10 ms, 20 ms, ... up to 5 s): three seconds without
 * a primary already put its next attempt two and a half seconds after the new primary is ready. This source instead
 * tries again every {@link #STEP} while the failure is a connection failure (SQLState class 08: refused, no primary
 * among the hosts), for at most {@code patience}, so the pool gets its first connection within a step of the
 * promotion. Other failures (a wrong password, say) are passed on at once.
 */
final class PrimaryWaitingDataSource implements DataSource {

    static final Duration STEP = Duration.ofMillis(200);

    /** Opens one connection; DriverManager in production, a stand-in in the tests. */
    @FunctionalInterface
    interface Connector {
        Connection connect(String url, Properties properties) throws SQLException;
    }

    private final String url;
    private final Duration patience;
    private final Connector connector;
    private volatile int loginTimeoutSeconds;

    PrimaryWaitingDataSource(String url, Duration patience) {
        this(url, patience, DriverManager::getConnection);
    }

    PrimaryWaitingDataSource(String url, Duration patience, Connector connector) {
        this.url = url;
        this.patience = patience;
        this.connector = connector;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(null, null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties properties = new Properties();
        // Empty values are left out so that a user and password given in the URL still apply.
        if (username != null && !username.isEmpty()) {
            properties.setProperty("user", username);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return connector.connect(url, properties);
            } catch (SQLException failure) {
                if (!isConnectionFailure(failure) || System.nanoTime() + STEP.toNanos() > deadline) {
                    throw failure;
                }
                try {
                    Thread.sleep(STEP.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    /** SQLState class 08 (connection exception): the server refused, or none of the hosts is primary yet. */
    static boolean isConnectionFailure(SQLException failure) {
        return failure.getSQLState() != null && failure.getSQLState().startsWith("08");
    }

    /** A URL with more than one host: only then is there a primary to wait for. */
    static boolean isMultiHostPostgreSql(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            return false;
        }
        String rest = url.substring("jdbc:postgresql://".length());
        int end = rest.indexOf('/');
        return (end < 0 ? rest : rest.substring(0, end)).contains(",");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
