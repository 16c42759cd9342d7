package jp.jichitai.cloud.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The database of one test run: H2 in a temporary folder, or (with -Djc.test.db=postgresql) a fresh
 * PostgreSQL database at 127.0.0.1:5432 created for the run and dropped when the JVM ends. When
 * CI=true a missing PostgreSQL fails the run instead of skipping it.
 */
public final class TestDatabase {

    static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private static TestDatabase instance;

    private final boolean postgres;
    private final String url;
    private final Path dataDirectory;

    private TestDatabase(boolean postgres, String url, Path dataDirectory) {
        this.postgres = postgres;
        this.url = url;
        this.dataDirectory = dataDirectory;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    public static boolean postgresRequested() {
        return "postgresql".equals(System.getProperty("jc.test.db", "h2"));
    }

    private static TestDatabase create() {
        try {
            Path data = Files.createTempDirectory("jc-test-data");
            if (!postgresRequested()) {
                String url = "jdbc:h2:file:" + data.resolve("jichitai")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
                return new TestDatabase(false, url, data);
            }
            String name = "jc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection admin = DriverManager.getConnection(POSTGRES_SERVER + "postgres?user=postgres")) {
                admin.createStatement().execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            } catch (SQLException unavailable) {
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is required when CI=true", unavailable);
                }
                throw new org.opentest4j.TestAbortedException("PostgreSQL at 127.0.0.1:5432 is not available", unavailable);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
            return new TestDatabase(true, POSTGRES_SERVER + name + "?user=postgres", data);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drop(String name) {
        try (Connection admin = DriverManager.getConnection(POSTGRES_SERVER + "postgres?user=postgres")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // the run is over; a leftover test database is harmless and named jc_test_*
        }
    }

    public boolean isPostgres() {
        return postgres;
    }

    public String url() {
        return url;
    }

    public String username() {
        return postgres ? "" : "sa";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A connection as the schema owner (bypasses row-level security; for setting up and inspecting). */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(url, username(), "");
    }
}
