package jp.jichitai.cloud.platform;

import static jp.jichitai.cloud.support.TestUsers.IMAKANE;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.audit.AuditChains;
import jp.jichitai.cloud.audit.ChainVerification;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;
import picocli.CommandLine;

class SignInAndAuditIntegrationTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;

    @Test
    void fiveFailuresInARowLockTheAccountUntilAnAdministratorUnlocksIt() {
        Http http = new Http(baseUrl());
        String victim = "t-lockout-clerk";
        accounts.create(victim, "ロック 試験", Role.CLERK, Optional.of(IMAKANE), PASSWORD);
        String admin = TestUsers.ensure(accounts, IMAKANE, Role.TENANT_ADMIN);
        String profile = "/api/v1/t/" + IMAKANE.value();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(http.get(profile, victim, "wrong-" + attempt).statusCode()).isEqualTo(401);
        }
        assertThat(http.get(profile, victim, PASSWORD).statusCode())
                .as("the right password no longer opens a locked account").isEqualTo(401);
        assertThat(accounts.ofTenant(IMAKANE)).filteredOn(account -> account.username().equals(victim))
                .singleElement().satisfies(account -> assertThat(account.isLocked()).isTrue());

        assertThat(http.post(profile + "/users/" + victim + "/unlock", admin, PASSWORD, "{}").statusCode()).isEqualTo(200);
        assertThat(http.get(profile, victim, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void fourFailuresThenASuccessStartTheCountAgain() {
        Http http = new Http(baseUrl());
        String user = "t-reset-clerk";
        accounts.create(user, "リセット 試験", Role.CLERK, Optional.of(IMAKANE), PASSWORD);
        String profile = "/api/v1/t/" + IMAKANE.value();
        for (int attempt = 1; attempt <= 4; attempt++) {
            http.get(profile, user, "wrong");
        }
        assertThat(http.get(profile, user, PASSWORD).statusCode()).isEqualTo(200);
        for (int attempt = 1; attempt <= 4; attempt++) {
            http.get(profile, user, "wrong");
        }
        assertThat(http.get(profile, user, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void failedSignInsAreAuditedInTheUsersTown() throws Exception {
        Http http = new Http(baseUrl());
        String user = TestUsers.ensure(accounts, IMAKANE, Role.AUDITOR);
        http.get("/api/v1/t/" + IMAKANE.value(), user, "not-the-password");
        String log = http.get("/api/v1/t/" + IMAKANE.value() + "/audit-log?limit=20",
                TestUsers.ensure(accounts, IMAKANE, Role.TENANT_ADMIN), PASSWORD).body();
        assertThat(log).contains("\"actor\":\"" + user + "\"").contains("\"outcome\":\"DENIED\"");
    }

    @Test
    void theAuditChainVerifiesAndNamesTheFirstTamperedEntry() throws Exception {
        Http http = new Http(baseUrl());
        String admin = TestUsers.ensure(accounts, IMAKANE, Role.TENANT_ADMIN);
        for (int i = 0; i < 3; i++) {
            http.get("/api/v1/t/" + IMAKANE.value() + "/audit-log?limit=1", admin, PASSWORD);
        }
        try (Connection owner = TestDatabase.get().ownerConnection()) {
            ChainVerification intact = AuditChains.verify(owner, IMAKANE.value()).get(0);
            assertThat(intact.intact()).as(intact.toString()).isTrue();
            assertThat(intact.entriesChecked()).isGreaterThanOrEqualTo(3);

            long victim = intact.entriesChecked() - 1;
            String original = actorOf(owner, victim);
            setActor(owner, victim, "someone-else");
            try {
                ChainVerification broken = AuditChains.verify(owner, IMAKANE.value()).get(0);
                assertThat(broken.intact()).isFalse();
                assertThat(broken.firstBrokenSequence()).hasValue(victim);

                String output = runCli("audit", "verify", "--tenant", IMAKANE.value());
                assertThat(output).contains("BROKEN at entry " + victim);
            } finally {
                setActor(owner, victim, original);
            }
            assertThat(AuditChains.verify(owner, IMAKANE.value()).get(0).intact()).isTrue();
        }
    }

    @Test
    void theDemoUsersFileIsPrivateAndHasTheAgreedColumns() throws Exception {
        Path file = TestDatabase.get().dataDirectory().resolve("demo-users.tsv");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("tenant\tusername\tpassword\trole");
        assertThat(lines).hasSize(1 + 1 + 3 * 3);
        assertThat(lines.get(1)).startsWith("\toperator\t").endsWith("\toperator");
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.split("\t")[2])
                .doesNotHaveDuplicates().allMatch(password -> password.length() >= 16);
        String[] clerk = lines.stream().filter(line -> line.startsWith("012211\t") && line.endsWith("\tclerk"))
                .findFirst().orElseThrow().split("\t");
        assertThat(new Http(baseUrl()).get("/api/v1/t/012211", clerk[1], clerk[2]).statusCode()).isEqualTo(200);
    }

    private String runCli(String... arguments) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String[] withDatabase = withDatabase(arguments);
            new CommandLine(new jp.jichitai.cloud.cli.JichitaiCommand()).execute(withDatabase);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static String[] withDatabase(String[] arguments) {
        TestDatabase database = TestDatabase.get();
        String[] extra = database.isPostgres()
                ? new String[] {"--db", database.url()}
                : new String[] {"--data", database.dataDirectory().toString()};
        String[] all = new String[arguments.length + 2];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(extra, 0, all, arguments.length, 2);
        return all;
    }

    private static String actorOf(Connection owner, long sequence) throws Exception {
        try (PreparedStatement select = owner.prepareStatement("SELECT actor FROM audit_log WHERE tenant_id = ? AND seq = ?")) {
            select.setString(1, IMAKANE.value());
            select.setLong(2, sequence);
            var row = select.executeQuery();
            row.next();
            return row.getString(1);
        }
    }

    private static void setActor(Connection owner, long sequence, String actor) throws Exception {
        try (PreparedStatement update = owner.prepareStatement("UPDATE audit_log SET actor = ? WHERE tenant_id = ? AND seq = ?")) {
            update.setString(1, actor);
            update.setString(2, IMAKANE.value());
            update.setLong(3, sequence);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
