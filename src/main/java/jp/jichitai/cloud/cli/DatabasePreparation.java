package jp.jichitai.cloud.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import jp.jichitai.cloud.JichitaiCloudApplication;
import jp.jichitai.cloud.shared.DatabaseOptions;

/**
 * Brings the database of a command-line tool to where {@code serve} would have it: a database with no tenants
 * (a fresh data folder, a new PostgreSQL database) gets exactly what the first {@code serve} creates — schema,
 * demo towns and their users (the passwords printed once and kept in DATA/demo-users.tsv) — by running the
 * service's own start-up once without taking requests (a random loopback port, closed at once) and without demo residents; a database that has tenants
 * only gets the pending Flyway migrations, as {@code serve} would apply them.
 */
final class DatabasePreparation {

    private DatabasePreparation() {
    }

    static void prepare(DatabaseOptions database) throws SQLException {
        database.createPostgresDatabaseIfMissing();
        boolean hasTenants;
        try (Connection connection = database.open()) {
            hasTenants = hasTenants(connection);
        }
        if (hasTenants) {
            quietFlyway();
            Flyway.configure().dataSource(database.jdbcUrl(), database.username(), "")
                    .locations("classpath:db/migration", "classpath:db/vendor/" + (database.isEmbedded() ? "h2" : "postgresql"))
                    .load().migrate();
            return;
        }
        System.err.println("データベースが空のため、serve の初回起動と同じ初期化（スキーマ・デモ団体・利用者）を行います...");
        SpringApplication application = new SpringApplication(JichitaiCloudApplication.class);
        Map<String, Object> properties = database.springProperties();
        // The security configuration needs a web context: a random port on the loopback, closed again at once.
        properties.put("server.port", 0);
        properties.put("server.address", "127.0.0.1");
        properties.put("jc.demo.enabled", true);
        // The import brings the residents: the demo population would only be refused or replaced.
        properties.put("jc.demo.residents-scale", 0);
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext started = application.run(arguments)) {
            // started and stopped: the runners have created the schema and the demo towns
        }
    }

    /** Flyway reports every check at INFO on the console; a tool's output should be its own. */
    private static void quietFlyway() {
        if (org.slf4j.LoggerFactory.getLogger("org.flywaydb") instanceof ch.qos.logback.classic.Logger flyway) {
            flyway.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private static boolean hasTenants(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "tenant", new String[] {"TABLE"})) {
            if (!tables.next()) {
                return false;
            }
        }
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM tenant");
                ResultSet row = count.executeQuery()) {
            return row.next() && row.getLong(1) > 0;
        }
    }
}
