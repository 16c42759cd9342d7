package jp.jichitai.cloud.continuity.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;

/**
 * A database that exists for one drill: on the source's PostgreSQL server a fresh database (created and
 * dropped by the drill), or a temporary H2 file when the source is H2. Migrated to the current schema
 * with the application's own Flyway migrations, without starting the service.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String url;
    private final String username;
    private final Runnable drop;

    private ScratchDatabase(String url, String username, Runnable drop) {
        this.url = url;
        this.username = username;
        this.drop = drop;
    }

    /** Creates and migrates a scratch database next to the source (same server, or a temp folder for H2). */
    public static ScratchDatabase nextTo(String sourceJdbcUrl) {
        try {
            ScratchDatabase scratch = sourceJdbcUrl.startsWith("jdbc:postgresql:")
                    ? postgres(sourceJdbcUrl) : h2();
            try {
                scratch.migrate(sourceJdbcUrl.startsWith("jdbc:postgresql:") ? "postgresql" : "h2");
            } catch (RuntimeException failed) {
                scratch.close();
                throw failed;
            }
            return scratch;
        } catch (SQLException | IOException e) {
            throw ContinuityMessages.refusal("E-CON-0014", e.getMessage());
        }
    }

    private static ScratchDatabase postgres(String sourceUrl) throws SQLException {
        String name = "jc_drill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        URI uri = URI.create(sourceUrl.substring("jdbc:".length()));
        String sourceDatabase = uri.getPath().replaceFirst("^/", "");
        String scratchUrl = sourceUrl.replaceFirst("/" + java.util.regex.Pattern.quote(sourceDatabase) + "(\\?|$)",
                "/" + name + "$1");
        try (Connection source = DriverManager.getConnection(sourceUrl); Statement statement = source.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        return new ScratchDatabase(scratchUrl, "", () -> {
            try (Connection source = DriverManager.getConnection(sourceUrl);
                    Statement statement = source.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("訓練用データベース " + name + " を削除できませんでした: " + e.getMessage());
            }
        });
    }

    private static ScratchDatabase h2() throws IOException {
        Path folder = Files.createTempDirectory("jc-drill-");
        String scratchUrl = "jdbc:h2:file:" + folder.resolve("scratch")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        return new ScratchDatabase(scratchUrl, "sa", () -> {
            try (Connection connection = DriverManager.getConnection(scratchUrl, "sa", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException alreadyClosed) {
                // nothing to shut down
            }
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("訓練用フォルダ " + folder + " を削除できませんでした: " + e.getMessage());
            }
        });
    }

    private void migrate(String vendor) {
        Flyway.configure().dataSource(url, username, "")
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .load().migrate();
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(url, username, "");
    }

    @Override
    public void close() {
        drop.run();
    }
}
