package jp.jichitai.cloud.migration;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.concurrent.Callable;

import jp.jichitai.cloud.audit.AuditChains;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.shared.DatabaseOptions;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.GaijiMapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./jc gaiji inventory --tenant CODE}: the 外字実態調査 of one town, on the database directly (no server
 * needed), as the schema owner like the other administration commands. It changes nothing but the access log:
 * the listing names persons by 宛名番号, so each run appends a {@code gaiji.inventory.view} entry to the town's
 * chain through {@link AuditChains#append} (as the import and vault tools do) before anything is printed.
 */
@Command(name = "gaiji", description = "外字（利用者定義文字）の実態調査。",
        subcommands = {GaijiCommand.Inventory.class})
public class GaijiCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "inventory", mixinStandardHelpOptions = true,
            description = "団体のデータにある外字をすべて、件数・出現箇所（台帳・宛名番号・項目）・設定済みの対応とともに一覧する。")
    static class Inventory implements Callable<Integer> {

        private static final Messages MESSAGES = Messages.of("migration");

        /** The access-log action of a listing, the same as the screen's. */
        static final String AUDIT_ACTION = "gaiji.inventory.view";

        /** Who ran the command, as the other command-line tools record it. */
        private static String actor() {
            return "cli:" + System.getProperty("user.name", "unknown");
        }

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--tenant", paramLabel = "CODE", required = true, description = "団体コード（6桁）")
        String tenant;

        @Option(names = "--places", paramLabel = "N", defaultValue = "-1",
                description = "外字ごとに表示する出現箇所の数（既定: すべて。0 で件数のみ）")
        int placesShown;

        @Override
        public Integer call() throws Exception {
            TenantCode code = TenantCode.of(tenant);
            GaijiInventory inventory;
            try (Connection connection = database.open()) {
                connection.setAutoCommit(false);
                try {
                    requireTenant(connection, code);
                    inventory = GaijiInventory.survey(connection, code);
                    // The listing shows 宛名番号 (personal data): it is printed only once its access-log entry is committed.
                    AuditChains.append(connection, code.value(), actor(), "cli", AUDIT_ACTION, "gaiji-inventory",
                            inventory.entries().size() + " characters, " + inventory.totalPlaces() + " places",
                            AuditEvent.Outcome.SUCCESS);
                    connection.commit();
                } finally {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                }
            }
            print(spec.commandLine().getOut(), inventory);
            return 0;
        }

        private static void requireTenant(Connection connection, TenantCode code) throws java.sql.SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM tenant WHERE code = ?")) {
                statement.setString(1, code.value());
                try (ResultSet found = statement.executeQuery()) {
                    if (!found.next()) {
                        throw MESSAGES.refusal(MessageId.of("E-MIG-0502"), code.value());
                    }
                }
            }
        }

        private void print(PrintWriter out, GaijiInventory inventory) {
            out.printf("団体: %s  外字 %d 種類、出現 %d 箇所%n", inventory.tenant().value(), inventory.entries().size(),
                    inventory.totalPlaces());
            for (GaijiInventory.Entry entry : inventory.entries()) {
                out.printf(Locale.ROOT, "%s\tCP932 %s\t%d 箇所\t%s%n", entry.codePointText(),
                        entry.cp932Code().orElse("----"), entry.count(), mappingText(entry));
                int shown = placesShown < 0 ? entry.count() : Math.min(placesShown, entry.count());
                for (GaijiInventory.Place place : entry.places().subList(0, shown)) {
                    out.printf("  %s\t%s\t%s%n", place.register(), place.reference(), place.field());
                }
                if (shown < entry.count()) {
                    out.printf("  ほか %d 箇所%n", entry.count() - shown);
                }
            }
            out.flush();
        }

        private static String mappingText(GaijiInventory.Entry entry) {
            if (entry.mapping().isEmpty()) {
                return entry.mappable() ? "対応: 未設定" : "対応: 設定不可（CP932 の外字領域外）";
            }
            GaijiMapping mapping = entry.mapping().get();
            return "対応: " + (mapping.substitute() == null ? "（代替文字なし）" : "代替文字 " + mapping.substitute())
                    + (mapping.description() == null ? "" : "　説明 " + mapping.description());
        }
    }
}
