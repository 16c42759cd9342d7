package jp.jichitai.cloud.disaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The command-line import of the setup tool's file: all people or nothing, 外字-safe CP932 reading. */
class VictimImportCommandTests {

    @TempDir
    Path data;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Test
    void loadsEveryPersonOfAValidImportFileIntoTheTownsDirectory() throws Exception {
        Path file = corpusFile();
        migrate();

        int exit = run("--tenant", "012211", "--file", file.toString(), "--data", data.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("8人");
        try (Connection connection = connect(); ResultSet rs = connection.createStatement().executeQuery(
                "SELECT name, kana_key FROM victim_directory_person WHERE tenant_id = '012211' AND atena_number = '100000055'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("髙橋　美﨑");
        }
    }

    @Test
    void refusesAFileWithAnInvalidRowAndChangesNothing() throws Exception {
        Path file = data.resolve("bad.csv");
        Files.write(file, "100000011,200000001,佐藤　一郎,サトウ,1970XX05,男,世帯主,佐藤　一郎,,000102,西,住所,,日本人,,,,1,,\r\n"
                .getBytes(Charset.forName("windows-31j")));

        int exit = run("--tenant", "012211", "--file", file.toString(), "--data", data.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("取り込みませんでした");
        assertThat(Files.exists(data.resolve("jichitai.mv.db"))).as("no database was even opened").isFalse();
    }

    private int run(String... arguments) {
        CommandLine command = new CommandLine(new VictimImportCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(arguments);
    }

    private Path corpusFile() throws Exception {
        Path file = data.resolve("victim_support_import.csv");
        try (InputStream in = getClass().getResourceAsStream("/migration-corpus/valid/expected-output.csv")) {
            Files.copy(in, file);
        }
        return file;
    }

    private void migrate() {
        Flyway.configure().dataSource(url(), "sa", "").locations("classpath:db/migration").load().migrate();
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(url(), "sa", "");
    }

    private String url() {
        return "jdbc:h2:file:" + data.resolve("jichitai") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
}
