package jp.jichitai.cloud.migration;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;

import jp.jichitai.cloud.shared.DatabaseOptions;

/**
 * A database of its own for the import tests that need no service: H2 in a folder (or a fresh PostgreSQL
 * database), migrated by Flyway as {@code serve} would, with the tenants named registered (register entry and
 * audit chain, which is all the import needs of a tenant).
 */
final class MigrationDatabaseFixture implements AutoCloseable {

    static final Charset CP932 = Charset.forName("windows-31j");
    static final List<String> FILES = List.of("data_cyonei.csv", "data_d0101.csv", "data_d0301.csv", "data_d0603.csv");

    private final String url;
    private final String username;
    private final Path dataDirectory;
    private final Runnable drop;

    private MigrationDatabaseFixture(String url, String username, Path dataDirectory, Runnable drop) {
        this.url = url;
        this.username = username;
        this.dataDirectory = dataDirectory;
        this.drop = drop;
    }

    static MigrationDatabaseFixture h2(Path folder, String... tenants) throws SQLException {
        DatabaseOptions options = new DatabaseOptions();
        options.dataDirectory = folder;
        MigrationDatabaseFixture fixture = new MigrationDatabaseFixture(options.jdbcUrl(), "sa", folder, () -> { });
        fixture.migrate("h2", tenants);
        return fixture;
    }

    /** A fresh PostgreSQL database at 127.0.0.1:5432, or null when none is reachable. */
    static MigrationDatabaseFixture postgresOrNull(Path folder, String... tenants) throws SQLException {
        String name = "jc_test_import_" + Long.toHexString(System.nanoTime());
        String server = "jdbc:postgresql://127.0.0.1:5432/";
        try (Connection admin = DriverManager.getConnection(server + "postgres?user=postgres")) {
            admin.createStatement().execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException unavailable) {
            return null;
        }
        MigrationDatabaseFixture fixture = new MigrationDatabaseFixture(server + name + "?user=postgres", "", folder, () -> {
            try (Connection admin = DriverManager.getConnection(server + "postgres?user=postgres")) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // a leftover jc_test_* database is harmless
            }
        });
        fixture.migrate("postgresql", tenants);
        return fixture;
    }

    private void migrate(String vendor, String... tenants) throws SQLException {
        Flyway.configure().dataSource(url, username, "")
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).load().migrate();
        try (Connection connection = open()) {
            for (String tenant : tenants) {
                try (PreparedStatement register = connection.prepareStatement(
                        "INSERT INTO tenant (code, name, prefecture, created_at) VALUES (?, ?, '北海道', ?)");
                        PreparedStatement chain = connection.prepareStatement(
                                "INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) VALUES (?, 0, ?)")) {
                    register.setString(1, tenant);
                    register.setString(2, "試験町" + tenant);
                    register.setObject(3, OffsetDateTime.now());
                    register.executeUpdate();
                    chain.setString(1, tenant);
                    chain.setString(2, "0".repeat(64));
                    chain.executeUpdate();
                }
            }
        }
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url, username, "");
    }

    boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The command-line options that point a {@code jc} command at this database. */
    List<String> databaseArguments() {
        List<String> arguments = new ArrayList<>();
        if (isPostgres()) {
            arguments.add("--db");
            arguments.add(url);
        } else {
            arguments.add("--data");
            arguments.add(dataDirectory.toString());
        }
        return arguments;
    }

    /** The decoded text of each of the four files of a folder. */
    static List<String> decodedFiles(Path folder) throws java.io.IOException {
        List<String> texts = new ArrayList<>();
        for (String file : FILES) {
            texts.add(new String(Files.readAllBytes(folder.resolve(file)), CP932));
        }
        return texts;
    }

    /** The decoded lines of one CP932 file, without line ends. */
    static List<String> decodedLines(Path file) throws java.io.IOException {
        return new String(Files.readAllBytes(file), CP932).lines().toList();
    }

    @Override
    public void close() {
        drop.run();
    }
}
