package jp.jichitai.cloud.continuity;

import static jp.jichitai.cloud.support.TestUsers.IMAKANE;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.audit.AuditChains;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;
import picocli.CommandLine;

/** 情報保全: a tenant's vault file round-trips, leaves the other towns alone, and refuses a bad file or passphrase. */
class TenantVaultIntegrationTests extends IntegrationTest {

    private static final String PASSPHRASE = "correct horse battery staple";

    @Autowired
    UserAccounts accounts;

    @TempDir
    Path folder;

    static {
        // the floor, not the default: the key derivation dominates these tests on a shared two-core machine
        System.setProperty("jc.vault.pbkdf2-iterations", "210000");
    }

    @AfterEach
    void resetEnvironment() {
        VaultCommand.environment = System::getenv;
    }

    @Test
    void exportWipeRestoreGivesBackIdenticalChecksums() throws Exception {
        TestUsers.ensure(accounts, SHIBETSU, Role.CLERK);
        try (Connection connection = owner()) {
            VaultFixture.addRowsOfEveryKind(connection, SHIBETSU, 300, 11);
            List<TableChecksum> before = TenantVault.checksums(connection, SHIBETSU);
            Path file = folder.resolve("shibetsu.jcvault");

            VaultManifest manifest = TenantVault.export(connection, SHIBETSU, file, passphrase());
            assertThat(manifest.checksums()).isEqualTo(before);
            assertThat(manifest.tables()).extracting(VaultManifest.Table::name)
                    .contains("tenant", "tenant_profile", "district", "gaiji_mapping", "issued_certificate",
                            "audit_log", "app_user")
                    .doesNotContain("spring_session", "flyway_schema_history", "drill_result");
            List<String> order = manifest.tables().stream().map(VaultManifest.Table::name).toList();
            assertThat(order.indexOf("tenant")).as("the register before the tables that refer to it")
                    .isLessThan(order.indexOf("tenant_profile")).isLessThan(order.indexOf("district"))
                    .isLessThan(order.indexOf("app_user"));
            assertThat(manifest.schemaVersion()).isEqualTo(TenantVault.schemaVersion(connection));

            VaultFixture.wipe(connection, SHIBETSU);
            assertThat(VaultFixture.count(connection, "SELECT COUNT(*) FROM gaiji_mapping WHERE tenant_id = ?", SHIBETSU)).isZero();
            assertThat(TenantVault.checksums(connection, SHIBETSU)).isNotEqualTo(before);

            RestoreOutcome outcome = TenantVault.restore(connection, SHIBETSU, file, passphrase());

            assertThat(TenantVault.checksums(connection, SHIBETSU)).isEqualTo(before);
            assertThat(outcome.rowsRestored()).isEqualTo(manifest.totalRows()).isGreaterThan(600);
            assertThat(VaultFixture.count(connection, "SELECT COUNT(*) FROM app_user WHERE tenant_code = ?", SHIBETSU))
                    .isPositive();
        }
    }

    @Test
    void restoringOneTownLeavesTheOtherTownsUntouchedAndDropsRowsAddedSinceTheExport() throws Exception {
        try (Connection connection = owner()) {
            VaultFixture.addRowsOfEveryKind(connection, NAYORO, 50, 21);
            VaultFixture.addRowsOfEveryKind(connection, IMAKANE, 50, 22);
            VaultFixture.addRowsOfEveryKind(connection, SHIBETSU, 50, 23);
            Path file = folder.resolve("shibetsu.jcvault");
            VaultManifest manifest = TenantVault.export(connection, SHIBETSU, file, passphrase());
            VaultFixture.addRowsOfEveryKind(connection, SHIBETSU, 5, 24);
            Map<TenantCode, List<TableChecksum>> others = Map.of(NAYORO, TenantVault.checksums(connection, NAYORO),
                    IMAKANE, TenantVault.checksums(connection, IMAKANE));

            TenantVault.restore(connection, SHIBETSU, file, passphrase());

            assertThat(TenantVault.checksums(connection, NAYORO)).isEqualTo(others.get(NAYORO));
            assertThat(TenantVault.checksums(connection, IMAKANE)).isEqualTo(others.get(IMAKANE));
            assertThat(TenantVault.checksums(connection, SHIBETSU)).isEqualTo(manifest.checksums());
            assertThat(VaultFixture.count(connection,
                    "SELECT COUNT(*) FROM issued_certificate WHERE tenant_id = ? AND serial >= 2400000", SHIBETSU))
                    .as("rows written after the export are gone").isZero();
        }
    }

    @Test
    void aDamagedOrTruncatedFileIsRefusedAndNothingIsChanged() throws Exception {
        try (Connection connection = owner()) {
            Path file = folder.resolve("imakane.jcvault");
            TenantVault.export(connection, IMAKANE, file, passphrase());
            List<TableChecksum> before = TenantVault.checksums(connection, IMAKANE);
            byte[] original = Files.readAllBytes(file);

            byte[] flipped = original.clone();
            flipped[original.length / 2] ^= 0x01;
            Path damaged = Files.write(folder.resolve("damaged.jcvault"), flipped);
            assertRefused(() -> TenantVault.restore(connection, IMAKANE, damaged, passphrase()), "E-CON-0003");

            Path truncated = Files.write(folder.resolve("truncated.jcvault"),
                    java.util.Arrays.copyOf(original, original.length - 100));
            assertRefused(() -> TenantVault.verify(truncated, passphrase()), "E-CON-0003");

            Path headerOnly = Files.write(folder.resolve("short.jcvault"), java.util.Arrays.copyOf(original, 20));
            assertRefused(() -> TenantVault.verify(headerOnly, passphrase()), "E-CON-0001");

            Path notAVault = Files.writeString(folder.resolve("notes.txt"), "これは保全ファイルではありません。".repeat(10));
            assertRefused(() -> TenantVault.verify(notAVault, passphrase()), "E-CON-0001");

            assertThat(TenantVault.checksums(connection, IMAKANE)).isEqualTo(before);
        }
    }

    @Test
    void theCommandLineRefusesAWrongPassphraseWithAJapaneseMessageAndNonZeroExit() throws Exception {
        Path file = folder.resolve("nayoro.jcvault");
        VaultCommand.environment = name -> Passphrase.ENVIRONMENT_VARIABLE.equals(name) ? PASSPHRASE : null;
        Run exported = run("vault", "export", "--tenant", NAYORO.value(), "--out", file.toString());
        assertThat(exported.status).as(exported.err).isZero();
        assertThat(exported.out).contains("名寄市").containsPattern("vault: exported 012211, tables \\d+, rows \\d+");

        Run verified = run("vault", "verify", file.toString());
        assertThat(verified.status).as(verified.err).isZero();
        assertThat(verified.out).contains("tenant_profile", "vault: verified 012211");

        VaultCommand.environment = name -> Passphrase.ENVIRONMENT_VARIABLE.equals(name) ? "not the passphrase" : null;
        Run refused = run("vault", "verify", file.toString());
        assertThat(refused.status).isNotZero();
        assertThat(refused.err).contains("E-CON-0002", "合言葉が違います");

        Run restoreRefused = run("vault", "restore", "--tenant", NAYORO.value(), file.toString());
        assertThat(restoreRefused.status).isNotZero();
        assertThat(restoreRefused.err).contains("E-CON-0002");
    }

    @Test
    void exportVerifyAndRestoreOnTheCommandLineAreRecordedInTheTownsAccessLogWithTheirCounts() throws Exception {
        Path file = folder.resolve("shibetsu-audited.jcvault");
        VaultCommand.environment = name -> Passphrase.ENVIRONMENT_VARIABLE.equals(name) ? PASSPHRASE : null;
        Run exported = run("vault", "export", "--tenant", SHIBETSU.value(), "--out", file.toString());
        assertThat(exported.status).as(exported.err).isZero();
        Run checkedAlone = run("vault", "verify", file.toString());
        assertThat(checkedAlone.status).as(checkedAlone.err).isZero();
        TestDatabase database = TestDatabase.get();
        Run verified = run("vault", "verify", file.toString(), database.isPostgres() ? "--db" : "--data",
                database.isPostgres() ? database.url() : database.dataDirectory().toString());
        assertThat(verified.status).as(verified.err).isZero();
        try (Connection connection = owner()) {
            // newest first: the verify that named a database (the one alone left no trace), then the export
            assertThat(newestVaultEntries(connection, 2)).satisfiesExactly(
                    entry -> assertThat(entry).matches("vault\\.verify tenant:012203 tables \\d+, rows [1-9]\\d*, file shibetsu-audited\\.jcvault cli"),
                    entry -> assertThat(entry).matches("vault\\.export tenant:012203 tables \\d+, rows [1-9]\\d*, file shibetsu-audited\\.jcvault cli"));
        }

        Run restored = run("vault", "restore", "--tenant", SHIBETSU.value(), file.toString());
        assertThat(restored.status).as(restored.err).isZero();
        assertThat(restored.out).contains("アクセスログは消さずにそのまま残しました", "audit_log");
        try (Connection connection = owner()) {
            // the log is kept whole (the verify written after the export stays), and the restore records itself on it
            assertThat(newestVaultEntries(connection, 3)).satisfiesExactly(
                    entry -> assertThat(entry).matches("vault\\.restore tenant:012203 tables \\d+, rows [1-9]\\d*, file shibetsu-audited\\.jcvault cli"),
                    entry -> assertThat(entry).startsWith("vault.verify tenant:012203"),
                    entry -> assertThat(entry).startsWith("vault.export tenant:012203"));
            assertThat(jp.jichitai.cloud.audit.AuditChains.verify(connection, SHIBETSU.value()).get(0).intact())
                    .as("the tools' entries keep the chain unbroken").isTrue();
        }
    }

    @Test
    void restoringAnOlderFileKeepsEveryAccessLogEntryWrittenSinceTheExportAndAppendsItself() throws Exception {
        Path file = folder.resolve("shibetsu-older.jcvault");
        VaultManifest manifest;
        List<String> writtenSinceTheExport = new ArrayList<>();
        try (Connection connection = owner()) {
            VaultFixture.addRowsOfEveryKind(connection, SHIBETSU, 40, 15);
            AuditChains.appendDirect(connection, SHIBETSU.value(), "tester", "clerk", "resident.view", "resident:before", null);
            manifest = TenantVault.export(connection, SHIBETSU, file, passphrase());
            long lastExported = lastSequence(connection);
            VaultFixture.addRowsOfEveryKind(connection, SHIBETSU, 5, 16);
            for (int index = 0; index < 3; index++) {
                AuditChains.appendDirect(connection, SHIBETSU.value(), "tester", "clerk", "resident.view",
                        "resident:after-" + index, null);
            }
            writtenSinceTheExport.addAll(entryHashesAfter(connection, lastExported));
            assertThat(writtenSinceTheExport).hasSize(3);
        }

        try (Connection connection = owner()) {
            RestoreOutcome outcome = TenantVault.restore(connection, SHIBETSU, file, passphrase());
            // as ./jc vault restore does after the commit (its batch-run ledger, which also writes, is left out)
            VaultCommand.audit(connection, SHIBETSU, "vault.restore", "rows " + outcome.rowsRestored());

            assertThat(outcome.keptTables()).containsExactlyInAnyOrder("audit_log", "audit_chain_head");
            assertThat(outcome.mismatchedTables()).isEmpty();
            assertThat(outcome.checksumsAfter()).as("verified before the commit, the access log aside")
                    .isEqualTo(withoutAccessLog(manifest.checksums()));
            assertThat(entryHashesAfter(connection, 0)).as("no entry written after the export is lost")
                    .containsAll(writtenSinceTheExport);
            assertThat(AuditChains.verify(connection, SHIBETSU.value())).singleElement()
                    .satisfies(chain -> assertThat(chain.intact()).as("the live chain stays unbroken").isTrue());
            assertThat(newestVaultEntries(connection, 1)).singleElement().asString().startsWith("vault.restore");
            assertThat(VaultFixture.count(connection,
                    "SELECT MAX(seq) FROM audit_log WHERE tenant_id = ? AND action = 'vault.restore'", SHIBETSU))
                    .as("the restore's own entry is the newest of the town's log").isEqualTo(lastSequence(connection));
            assertThat(withoutAccessLog(TenantVault.checksums(connection, SHIBETSU)))
                    .as("every other table is the file's").isEqualTo(withoutAccessLog(manifest.checksums()));
            assertThat(VaultFixture.count(connection,
                    "SELECT COUNT(*) FROM issued_certificate WHERE tenant_id = ? AND serial BETWEEN 1600000 AND 1699999",
                    SHIBETSU))
                    .as("business rows written after the export are gone").isZero();
        }
    }

    @Test
    void intoADatabaseWithoutTheTownsChainTheFilesAccessLogIsRestored() throws Exception {
        try (Connection connection = owner()) {
            AuditChains.appendDirect(connection, NAYORO.value(), "tester", "clerk", "resident.view", "resident:1", null);
            Path file = folder.resolve("nayoro-lost.jcvault");
            VaultManifest manifest = TenantVault.export(connection, NAYORO, file, passphrase());
            VaultFixture.wipe(connection, NAYORO);
            assertThat(VaultFixture.count(connection, "SELECT COUNT(*) FROM audit_chain_head WHERE tenant_id = ?", NAYORO))
                    .as("the database lost the town, chain and all").isZero();

            RestoreOutcome outcome = TenantVault.restore(connection, NAYORO, file, passphrase());

            assertThat(outcome.keptTables()).isEmpty();
            assertThat(TenantVault.checksums(connection, NAYORO)).isEqualTo(manifest.checksums());
            assertThat(VaultFixture.count(connection, "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ?", NAYORO))
                    .as("the file's log is back").isEqualTo(manifest.tables().stream()
                            .filter(table -> table.name().equals("audit_log")).findFirst().orElseThrow().rows())
                    .isPositive();
            assertThat(AuditChains.verify(connection, NAYORO.value())).singleElement()
                    .satisfies(chain -> assertThat(chain.intact()).isTrue());
        }
    }

    private static List<TableChecksum> withoutAccessLog(List<TableChecksum> checksums) {
        return checksums.stream().filter(checksum -> !List.of("audit_log", "audit_chain_head").contains(checksum.table()))
                .toList();
    }

    private static long lastSequence(Connection connection) throws Exception {
        return VaultFixture.count(connection, "SELECT MAX(seq) FROM audit_log WHERE tenant_id = ?", SHIBETSU);
    }

    private static List<String> entryHashesAfter(Connection connection, long sequence) throws Exception {
        List<String> hashes = new ArrayList<>();
        try (java.sql.PreparedStatement select = connection.prepareStatement(
                "SELECT entry_hash FROM audit_log WHERE tenant_id = ? AND seq > ? ORDER BY seq")) {
            select.setString(1, SHIBETSU.value());
            select.setLong(2, sequence);
            try (java.sql.ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    hashes.add(rows.getString(1));
                }
            }
        }
        return hashes;
    }

    private static List<String> newestVaultEntries(Connection connection, int limit) throws Exception {
        List<String> entries = new ArrayList<>();
        try (java.sql.PreparedStatement select = connection.prepareStatement("SELECT action, target, query_text,"
                + " actor_role FROM audit_log WHERE tenant_id = ? AND action LIKE 'vault.%' ORDER BY seq DESC")) {
            select.setString(1, SHIBETSU.value());
            try (java.sql.ResultSet rows = select.executeQuery()) {
                while (rows.next() && entries.size() < limit) {
                    entries.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4));
                }
            }
        }
        return entries;
    }

    @Test
    void aFileOfAnotherTownIsNotRestoredIntoThisOne() throws Exception {
        try (Connection connection = owner()) {
            Path file = folder.resolve("nayoro.jcvault");
            TenantVault.export(connection, NAYORO, file, passphrase());
            List<TableChecksum> imakane = TenantVault.checksums(connection, IMAKANE);
            assertRefused(() -> TenantVault.restore(connection, IMAKANE, file, passphrase()), "E-CON-0005");
            assertThat(TenantVault.checksums(connection, IMAKANE)).isEqualTo(imakane);
        }
    }

    @Test
    void aFileFromANewerSchemaIsNotRestored() throws Exception {
        try (Connection connection = owner()) {
            String future = "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success)"
                    + " VALUES (99999, '9999', 'future', 'SQL', 'V9999__future.sql', 0, 'test', CURRENT_TIMESTAMP, 0, TRUE)";
            Path file = folder.resolve("imakane.jcvault");
            connection.createStatement().execute(future);
            try {
                TenantVault.export(connection, IMAKANE, file, passphrase());
            } finally {
                connection.createStatement().execute("DELETE FROM flyway_schema_history WHERE installed_rank = 99999");
            }
            assertThat(TenantVault.verify(file, passphrase()).schemaVersion()).isEqualTo(SchemaVersion.of("9999"));
            assertRefused(() -> TenantVault.restore(connection, IMAKANE, file, passphrase()), "E-CON-0006");
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable action, String messageId) {
        assertThatThrownBy(action).isInstanceOf(BusinessException.class)
                .satisfies(refusal -> assertThat(((BusinessException) refusal).messageId().value()).isEqualTo(messageId))
                .satisfies(refusal -> assertThat(refusal.getMessage()).containsPattern("[\\p{IsHan}\\p{IsHiragana}]"));
    }

    private static Passphrase passphrase() {
        return Passphrase.forNewFile(PASSPHRASE.toCharArray());
    }

    private static Connection owner() throws Exception {
        return TestDatabase.get().ownerConnection();
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        TestDatabase database = TestDatabase.get();
        if (!"verify".equals(arguments[1])) {
            all.addAll(database.isPostgres() ? List.of("--db", database.url())
                    : List.of("--data", database.dataDirectory().toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = jp.jichitai.cloud.cli.JichitaiCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }
}
