package jp.jichitai.cloud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import picocli.CommandLine;

import jp.jichitai.cloud.cli.JichitaiCommand;
import jp.jichitai.cloud.residents.registry.SnapshotKey;
import jp.jichitai.cloud.support.Http;

/**
 * {@code jc serve} as a person runs it: a separate process on an empty data folder prints one line
 * with its URL once it accepts requests, serves the Japanese login page, keeps running, creates the
 * demo users file, and a second process on the same data folder is refused with a clear message.
 */
class ServeCommandTests {

    private static final Pattern READY = Pattern.compile("http://localhost:(\\d+)");

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void servesTheLoginPageUntilStoppedAndRefusesASecondUserOfItsDatabase() throws Exception {
        Path data = Files.createTempDirectory("jc-serve");
        Process server = java("serve", "--data", data.toString(), "--port", "0", "--demo-scale", "0.01").start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            Matcher ready = null;
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
                Matcher match = READY.matcher(line);
                if (line.contains("ready") && match.find()) {
                    ready = match;
                    break;
                }
            }
            assertThat(ready).as("ready line in:%n%s", String.join("\n", lines)).isNotNull();
            String baseUrl = "http://localhost:" + ready.group(1);

            var login = new Http(baseUrl).get("/login");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("<h1>ログイン</h1>").contains("※必須");
            assertThat(lines).anyMatch(line -> line.contains("nayoro-clerk"));
            assertThat(data.resolve("demo-users.tsv")).exists();

            Thread.sleep(1000);
            assertThat(server.isAlive()).as("serve keeps running after start-up").isTrue();

            Process second = java("audit", "verify", "--data", data.toString()).redirectErrorStream(true).start();
            String secondOutput = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isNotZero();
            assertThat(secondOutput).contains("実行中の別のプロセス");
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void refusesToStartAsACentreOnTheDataFolderOfAnOfflineLaptop() throws Exception {
        Path data = Files.createTempDirectory("jc-serve-offline");
        Files.writeString(SnapshotKey.installedFile(data), "AAAA\n");
        var errors = new java.io.StringWriter();
        CommandLine command = new CommandLine(new JichitaiCommand());
        command.setErr(new java.io.PrintWriter(errors));
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        java.io.PrintStream previous = System.err;
        int status;
        System.setErr(new java.io.PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            status = command.execute("serve", "--data", data.toString(), "--port", "0");
        } finally {
            System.setErr(previous);
        }
        assertThat(status).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("オフライン運用の端末のもの").contains("--offline");
        assertThat(data.resolve("jichitai.mv.db")).as("nothing started on the folder").doesNotExist();
    }

    private static ProcessBuilder java(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), JichitaiCommand.class.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
