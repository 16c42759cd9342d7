package jp.jichitai.cloud.disaster;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.sql.DriverManager;
import java.util.concurrent.Callable;

import jp.jichitai.cloud.disaster.internal.DirectoryRows;
import jp.jichitai.cloud.disaster.internal.VictimImportFile;
import jp.jichitai.cloud.operations.BatchKind;
import jp.jichitai.cloud.operations.BatchRunLedger;
import jp.jichitai.cloud.shared.TenantCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code victim-import}: loads the data setup tool's import file (CP932) into a town's victim directory, for towns
 * whose resident registry is elsewhere. All or nothing: an invalid row leaves the directory as it was. Works on
 * the database directly (no server needed), as the schema owner, like the other administration commands.
 */
@Command(name = "victim-import", mixinStandardHelpOptions = true,
        description = "被災者支援取込ファイル（CP932）で被災者台帳の住民を入れ替える")
public final class VictimImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tenant", required = true, paramLabel = "CODE", description = "団体コード（6桁）")
    String tenant;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "被災者支援取込ファイル (victim_support_import.csv)")
    Path file;

    @Option(names = "--data", paramLabel = "DIR", description = "データフォルダ（組込みデータベース）。既定: ./data")
    Path dataDirectory = Path.of("data");

    @Option(names = "--db", paramLabel = "URL", description = "PostgreSQL の接続先（環境変数 JC_DB_URL でも可）")
    String databaseUrl;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TenantCode code = TenantCode.of(tenant);
        VictimImportFile.Content content;
        try (InputStream in = Files.newInputStream(file)) {
            content = VictimImportFile.read(in, file.getFileName().toString());
        }
        if (!content.valid()) {
            content.problems().errorLines().forEach(err::println);
            err.println("誤りがあるため取り込みませんでした（" + content.problems().errorCount() + "件）。");
            return 1;
        }
        if (content.people().isEmpty()) {
            err.println("取込ファイルに住民が1人もいません。空のファイルでは取り込みません。");
            return 1;
        }
        Instant started = Instant.now();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), isEmbedded() ? "sa" : "", "")) {
            connection.setAutoCommit(false);
            int loaded = DirectoryRows.replaceResidents(connection, code.value(), content.people(), "IMPORT");
            connection.commit();
            out.println(code.value() + ": " + loaded + "人を被災者台帳に取り込みました。");
            connection.setAutoCommit(true);
            BatchRunLedger.record(connection, code, BatchKind.IMPORT, started, Instant.now(), err);
        }
        return 0;
    }

    private String postgresUrl() {
        String url = databaseUrl != null && !databaseUrl.isBlank() ? databaseUrl : System.getenv("JC_DB_URL");
        return url == null || url.isBlank() ? null : url;
    }

    private boolean isEmbedded() {
        return postgresUrl() == null;
    }

    private String jdbcUrl() {
        String postgres = postgresUrl();
        if (postgres != null) {
            return postgres.startsWith("jdbc:") ? postgres : "jdbc:" + postgres;
        }
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().normalize().resolve("jichitai")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
}
