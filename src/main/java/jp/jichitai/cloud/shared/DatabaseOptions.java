package jp.jichitai.cloud.shared;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * (In the shared kernel so that every module's command-line tool can take them without depending on the cli.)
 * The database options shared by every command that touches the database: the embedded H2 database
 * in a data folder (the default), or PostgreSQL given by {@code --db} or {@code JC_DB_URL}.
 */
public class DatabaseOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "データフォルダ（組込みデータベース、デモ利用者ファイル）。既定: ./data")
    public Path dataDirectory = Path.of("data");

    @Option(names = "--db", paramLabel = "URL",
            description = "PostgreSQL の接続先。例: postgresql://127.0.0.1:5432/jichitai?user=postgres （環境変数 JC_DB_URL でも可）")
    public String databaseUrl;

    /** The PostgreSQL URL given, if any (option first, then environment). */
    public String postgresUrl() {
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return databaseUrl;
        }
        String fromEnvironment = System.getenv("JC_DB_URL");
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
    }

    public boolean isEmbedded() {
        return postgresUrl() == null;
    }

    /** The JDBC URL: PostgreSQL's as given (with or without the jdbc: prefix), or H2 in the data folder. */
    public String jdbcUrl() {
        String postgres = postgresUrl();
        if (postgres != null) {
            return postgres.startsWith("jdbc:") ? postgres : "jdbc:" + postgres;
        }
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().normalize().resolve("jichitai")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    public String username() {
        return isEmbedded() ? "sa" : "";
    }

    /** Spring properties that point the service at this database. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("jc.data-dir", dataDirectory.toAbsolutePath().normalize().toString());
        properties.put("spring.datasource.url", jdbcUrl());
        properties.put("spring.datasource.username", username());
        properties.put("spring.datasource.password", "");
        return properties;
    }

    /** Whether the data folder holds no database yet (first start). */
    public boolean isFreshDataFolder() {
        return isEmbedded() && !Files.exists(dataDirectory.resolve("jichitai.mv.db"));
    }

    /** Opens a plain JDBC connection as the schema owner (for the command-line tools). */
    public Connection open() throws SQLException {
        try {
            return DriverManager.getConnection(jdbcUrl(), username(), "");
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    /** Creates the PostgreSQL database named in the URL if it does not exist yet. */
    public void createPostgresDatabaseIfMissing() throws SQLException {
        if (isEmbedded()) {
            return;
        }
        String url = jdbcUrl();
        URI uri = URI.create(url.substring("jdbc:".length()));
        String database = uri.getPath().replaceFirst("^/", "");
        if (database.isEmpty() || !database.matches("[A-Za-z0-9_]+")) {
            throw new SQLException("データベース名は英数字と _ で指定してください: " + database);
        }
        String maintenanceUrl = url.replaceFirst("/" + database + "(\\?|$)", "/postgres$1");
        try (Connection connection = DriverManager.getConnection(maintenanceUrl);
                var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        }
    }

    /** Turns H2's "in use" error into a message that says what to do. */
    public static SQLException explain(SQLException e) {
        if (isEmbeddedDatabaseInUse(e)) {
            return new SQLException("""
                    データフォルダのデータベースは、実行中の別のプロセス（./jc serve など）が使用しています。
                    そのサーバーを停止してから実行するか、--data で別のフォルダを、--db で PostgreSQL を指定してください。
                    (the embedded database in the data folder is in use by another process: stop it, or use --data/--db)""", e);
        }
        return e;
    }

    public static boolean isEmbeddedDatabaseInUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
            if (cause.getMessage() != null && cause.getMessage().contains("Database may be already in use")) {
                return true;
            }
        }
        return false;
    }
}
