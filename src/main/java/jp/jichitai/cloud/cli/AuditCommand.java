package jp.jichitai.cloud.cli;

import jp.jichitai.cloud.shared.DatabaseOptions;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;

import jp.jichitai.cloud.audit.AuditChains;
import jp.jichitai.cloud.audit.ChainVerification;
import jp.jichitai.cloud.shared.TenantCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "アクセスログを扱う（verify: ハッシュ連鎖を検証する）。",
        subcommands = AuditCommand.Verify.class)
class AuditCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "verify", description = "アクセスログのハッシュ連鎖を検証し、最初に壊れている記録を示す。")
    static class Verify implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(names = "--tenant", paramLabel = "CODE", description = "この団体の記録だけを検証する。")
        String tenant;

        @Override
        public Integer call() throws Exception {
            String scope = tenant == null ? null : TenantCode.of(tenant).value();
            try (Connection connection = database.open()) {
                List<ChainVerification> results = AuditChains.verify(connection, scope);
                if (results.isEmpty()) {
                    System.err.println("該当する団体のアクセスログがありません: " + tenant);
                    return 2;
                }
                results.forEach(System.out::println);
                long broken = results.stream().filter(result -> !result.intact()).count();
                System.out.println(broken == 0 ? "audit: all chains intact" : "audit: " + broken + " chain(s) BROKEN");
                return broken == 0 ? 0 : 1;
            }
        }
    }
}
