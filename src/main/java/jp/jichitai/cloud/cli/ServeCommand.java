package jp.jichitai.cloud.cli;

import jp.jichitai.cloud.shared.DatabaseOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

import jp.jichitai.cloud.JichitaiCloudApplication;
import jp.jichitai.cloud.continuity.OfflineOperation;
import jp.jichitai.cloud.continuity.Passphrase;
import jp.jichitai.cloud.residents.registry.SnapshotKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "サービスを起動する（既定は組込みデータベース、初回はデモ団体を作成）。")
class ServeCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", paramLabel = "N", description = "待ち受けるポート。既定: 8080")
    int port = 8080;

    @Option(names = "--no-demo", description = "空のデータベースでもデモ団体・利用者を作成しない。")
    boolean noDemo;

    @Option(names = "--demo-scale", paramLabel = "F",
            description = "デモ住民の人数を実人口の何倍にするか（既定 1.0 = 名寄市 29,869人ほか。0.01 で約1%）。")
    double demoScale = 1.0;

    @Option(names = "--offline", paramLabel = "SNAPSHOT",
            description = "オフライン運用: スナップショット（./jc offline snapshot）から、その団体だけの端末として起動する。--data は空のフォルダか、以前この方法で始めたフォルダ。")
    Path offlineSnapshot;

    @Override
    public Integer call() throws Exception {
        if (offlineSnapshot == null && Files.exists(SnapshotKey.installedFile(database.dataDirectory))) {
            // The folder of an offline laptop: its registry is sealed under the snapshot's key, which the registry
            // prefers to a configured one. Started as a centre, it would seal new 個人番号 under a key the centre lacks.
            System.err.println("このデータフォルダ（" + database.dataDirectory + "）はオフライン運用の端末のものです"
                    + "（" + SnapshotKey.installedFile(database.dataDirectory).getFileName() + " があります）。"
                    + "端末として使うときは --offline でスナップショットを指定して起動してください。"
                    + "センターとして起動するときは、別のデータフォルダを指定してください。");
            return 2;
        }
        database.createPostgresDatabaseIfMissing();
        if (offlineSnapshot != null) {
            try (Passphrase passphrase = Passphrase.fromEnvironmentOrTerminal(System::getenv, System.console(), false)) {
                OfflineOperation.Instance instance = OfflineOperation.prepareInstance(database, offlineSnapshot, passphrase);
                System.out.printf("オフライン運用: 団体 %s、スナップショット第%d号（%s）%n", instance.tenant().value(),
                        instance.snapshotNumber(), instance.snapshotTakenAt());
            }
            noDemo = true;
        }
        SpringApplication application = new SpringApplication(JichitaiCloudApplication.class);
        Map<String, Object> properties = database.springProperties();
        properties.put("server.port", port);
        properties.put("jc.demo.enabled", !noDemo);
        properties.put("jc.demo.residents-scale", demoScale);
        application.addListeners((ApplicationListener<ApplicationReadyEvent>) ready -> {
            int actualPort = ready.getApplicationContext() instanceof WebServerApplicationContext web
                    ? web.getWebServer().getPort() : port;
            System.out.println("Jichitai Cloud is ready: http://localhost:" + actualPort + "/");
        });
        try {
            // As command-line arguments: they outrank application.properties, default properties do not.
            CountDownLatch stopped = new CountDownLatch(1);
            application.addListeners((ApplicationListener<ContextClosedEvent>) closed -> stopped.countDown());
            application.run(properties.entrySet().stream()
                    .map(property -> "--" + property.getKey() + "=" + property.getValue())
                    .toArray(String[]::new));
            // run() returns once the server listens; the command ends when the service is stopped.
            stopped.await();
            return 0;
        } catch (RuntimeException e) {
            if (DatabaseOptions.isEmbeddedDatabaseInUse(e)) {
                System.err.println(DatabaseOptions.explain(new java.sql.SQLException(e)).getMessage());
                return 3;
            }
            throw e;
        }
    }
}
