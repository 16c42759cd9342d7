package jp.jichitai.cloud.continuity;

import static jp.jichitai.cloud.support.TestUsers.IMAKANE;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import jp.jichitai.cloud.JichitaiCloudApplication;
import jp.jichitai.cloud.audit.AuditChains;
import jp.jichitai.cloud.audit.ChainVerification;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.residents.registry.RegistryBulkWriter;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.DatabaseOptions;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;

/**
 * オフライン運用 end to end: a snapshot of one town, a second instance of the service running from it on its
 * own H2 data folder (as on a laptop), counter work done there, and the merge back into the centre — what
 * can be applied is, what changed on both sides waits for a person, and merging twice changes nothing more.
 */
class OfflineOperationIntegrationTests extends IntegrationTest {

    private static final String PASSPHRASE = "offline counter passphrase";
    private static final Pattern ID = Pattern.compile("\"(?:id|atenaNumber)\":\"?([0-9A-Z]+)\"?");

    static {
        // the floor, not the default: the key derivation dominates on a shared two-core machine
        System.setProperty("jc.vault.pbkdf2-iterations", "210000");
    }

    @Autowired
    UserAccounts accounts;

    @TempDir
    Path folder;

    @Test
    void aDayAtAnOfflineCounterIsMergedBackAndWhatChangedOnBothSidesWaitsForAPerson() throws Exception {
        String admin = TestUsers.ensure(accounts, IMAKANE, Role.TENANT_ADMIN);
        String clerk = TestUsers.ensure(accounts, IMAKANE, Role.CLERK);
        Http central = new Http(baseUrl());
        String base = "/api/v1/t/" + IMAKANE.value() + "/disasters";
        long disaster = Long.parseLong(id(central.post(base, admin, PASSWORD,
                "{\"name\":\"令和8年今金大雨\",\"kind\":\"風水害\",\"occurredOn\":\"" + LocalDate.now().minusDays(1) + "\"}")));
        String residentOfBoth = id(central.post(base + "/" + disaster + "/victims", clerk, PASSWORD,
                "{\"name\":\"両方　修正\",\"kana\":\"リョウホウ　シュウセイ\",\"birthDate\":\"19700101\",\"sex\":\"1\",\"address\":\"今金町字今金1番地\"}"));
        long bothCase = Long.parseLong(id(central.post(base + "/" + disaster + "/damage-reports", clerk, PASSWORD,
                "{\"atenaNumber\":\"" + residentOfBoth + "\",\"reportedOn\":\"" + LocalDate.now() + "\",\"description\":\"床上浸水\"}")));

        Path snapshotFile = folder.resolve("imakane.jcvault");
        OfflineOperation.Snapshot snapshot;
        try (Connection owner = owner(); Passphrase passphrase = passphrase()) {
            snapshot = OfflineOperation.takeSnapshot(owner, IMAKANE, snapshotFile, passphrase, admin, centralKey());
        }
        assertThat(snapshot.manifest().tenant()).isEqualTo(IMAKANE);

        DatabaseOptions laptop = new DatabaseOptions();
        laptop.dataDirectory = folder.resolve("laptop");
        OfflineOperation.Instance instance;
        try (Passphrase passphrase = passphrase()) {
            instance = OfflineOperation.prepareInstance(laptop, snapshotFile, passphrase);
        }
        assertThat(instance.tenant()).isEqualTo(IMAKANE);
        assertThat(instance.snapshotNumber()).isEqualTo(snapshot.number());
        try (Connection offline = laptop.open()) {
            assertThat(strings(offline, "SELECT code FROM tenant")).as("the snapshot holds its town only")
                    .containsExactly(IMAKANE.value());
            assertThat(strings(offline, "SELECT DISTINCT tenant_code FROM app_user")).containsExactly(IMAKANE.value());
            assertThat(strings(offline, "SELECT DISTINCT tenant_id FROM audit_log")).containsOnly(IMAKANE.value());
            assertThat(strings(offline, "SELECT DISTINCT tenant_id FROM disaster_case")).containsOnly(IMAKANE.value());
        }

        // After the snapshot, the centre goes on: the same case is edited, and a person is added by hand.
        try (Connection owner = owner()) {
            update(owner, "UPDATE disaster_case SET description = '中央で修正' WHERE tenant_id = ? AND id = ?", bothCase);
        }
        central.post(base + "/" + disaster + "/victims", clerk, PASSWORD,
                "{\"name\":\"二重　登録\",\"kana\":\"ニジュウ　トウロク\",\"birthDate\":\"19800101\",\"sex\":\"2\",\"address\":\"今金町字今金2番地\"}");

        Path changesFile = folder.resolve("changes.jcchanges");
        String offlineVictim;
        long offlineSerial;
        try (ConfigurableApplicationContext offlineService = start(laptop)) {
            Http counter = new Http("http://localhost:" + ((WebServerApplicationContext) offlineService).getWebServer().getPort());
            HttpResponse<String> page = counter.get("/admin/offline", admin, PASSWORD);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("オフライン運用中", "スナップショット第" + snapshot.number() + "号");

            offlineVictim = id(counter.post(base + "/" + disaster + "/victims", clerk, PASSWORD,
                    "{\"name\":\"臨時　窓口\",\"kana\":\"リンジ　マドグチ\",\"birthDate\":\"19900202\",\"sex\":\"2\",\"address\":\"今金町字種川3番地\"}"));
            assertThat(offlineVictim).as("hand-added numbers in the snapshot's own range")
                    .isEqualTo(String.format("N%015d", snapshot.number() * 1_000_000_000_000L + 1));
            long offlineCase = Long.parseLong(id(counter.post(base + "/" + disaster + "/damage-reports", clerk, PASSWORD,
                    "{\"atenaNumber\":\"" + offlineVictim + "\",\"reportedOn\":\"" + LocalDate.now() + "\",\"description\":\"全壊\"}")));
            assertThat(offlineCase).isGreaterThan(snapshot.number() * 1_000_000_000_000L);
            assertThat(counter.post(base + "/" + disaster + "/surveys", clerk, PASSWORD,
                    "{\"reportId\":" + offlineCase + ",\"damageRatio\":55}").statusCode()).isEqualTo(201);
            HttpResponse<byte[]> certificate = counter.postForBytes(base + "/" + disaster + "/certificates", clerk,
                    PASSWORD, "{\"reportId\":" + offlineCase + "}");
            assertThat(certificate.statusCode()).isEqualTo(200);
            offlineSerial = Long.parseLong(certificate.headers().firstValue("X-Certificate-Serial").orElseThrow());
            assertThat(offlineSerial).as("offline certificates are numbered in a range of their own")
                    .isEqualTo(1_000_000_000L + snapshot.number() * 1_000_000L + 1);
            counter.post(base + "/" + disaster + "/victims", clerk, PASSWORD,
                    "{\"name\":\"二重　登録\",\"kana\":\"ニジュウ　トウロク\",\"birthDate\":\"19800101\",\"sex\":\"2\",\"address\":\"今金町字今金2番地\"}");

            try (Connection offline = offlineService.getBean(DataSource.class).getConnection()) {
                update(offline, "UPDATE disaster_case SET description = 'オフラインで修正' WHERE tenant_id = ? AND id = ?", bothCase);
                update(offline, "INSERT INTO gaiji_mapping (tenant_id, code_point, substitute, description, updated_at)"
                        + " VALUES (?, 983040, '髙', '窓口で登録', CURRENT_TIMESTAMP)", null);
                try (Passphrase passphrase = passphrase()) {
                    OfflineOperation.Changes changes = OfflineOperation.exportChanges(offline, laptop.dataDirectory,
                            changesFile, passphrase);
                    assertThat(changes.tenant()).isEqualTo(IMAKANE);
                    assertThat(changes.rows()).isGreaterThanOrEqualTo(9);
                }
            }
        }

        OfflineOperation.MergeReport first;
        try (Connection owner = owner(); Passphrase passphrase = passphrase()) {
            first = OfflineOperation.merge(owner, IMAKANE, changesFile, passphrase, admin);
            assertThat(first.newConflicts()).as(first.toString()).isEqualTo(3);
            assertThat(first.applied()).as(first.toString()).isGreaterThanOrEqualTo(7);
            assertThat(count(owner, "SELECT COUNT(*) FROM victim_directory_person WHERE tenant_id = ? AND atena_number = '"
                    + offlineVictim + "'")).as("the person added offline is in the central registry").isOne();
            assertThat(count(owner, "SELECT COUNT(*) FROM disaster_certificate WHERE tenant_id = ? AND serial = " + offlineSerial))
                    .isOne();
            assertThat(count(owner, "SELECT COUNT(*) FROM issued_certificate WHERE tenant_id = ? AND serial = " + offlineSerial))
                    .isOne();
            assertThat(strings(owner, "SELECT description FROM disaster_case WHERE tenant_id = '" + IMAKANE.value()
                    + "' AND id = " + bothCase)).as("never overwritten silently").containsExactly("中央で修正");
            assertThat(strings(owner, "SELECT reason FROM offline_conflict WHERE tenant_id = '" + IMAKANE.value()
                    + "' AND status = 'OPEN' ORDER BY reason"))
                    .containsExactly("CHANGED_CENTRALLY", "DUPLICATE_PERSON", "NOT_MERGEABLE");
            assertThat(count(owner, "SELECT COUNT(*) FROM gaiji_mapping WHERE tenant_id = ? AND code_point = 983040")).isZero();

            // The laptop's アクセスログ is appended to the town's chain, entry by entry as the laptop recorded it.
            Map<String, String> laptopLog = auditEntries(laptop.open(), "SELECT 'offline:" + snapshot.number()
                    + ":' || seq, actor, actor_role, action, target, occurred_at FROM audit_log WHERE tenant_id = ?");
            Map<String, String> merged = auditEntries(owner(), "SELECT client_address, actor, actor_role, action, target,"
                    + " occurred_at FROM audit_log WHERE tenant_id = ? AND client_address LIKE 'offline:%'");
            assertThat(first.offlineLogEntries()).isPositive().isEqualTo(merged.size());
            assertThat(laptopLog).containsAllEntriesOf(merged);
            assertThat(merged.values()).anyMatch(entry -> entry.startsWith(clerk + "|"));
            assertThat(AuditChains.verify(owner, IMAKANE.value())).allMatch(ChainVerification::intact);

            OfflineOperation.MergeReport second = OfflineOperation.merge(owner, IMAKANE, changesFile, passphrase, admin);
            assertThat(second.applied()).as("merging twice applies nothing twice").isZero();
            assertThat(second.alreadyApplied()).isEqualTo(first.applied() + first.alreadyApplied());
            assertThat(second.newConflicts()).isZero();
            assertThat(second.knownConflicts()).isEqualTo(3);
            assertThat(second.offlineLogEntries()).as("the access log is taken in once").isZero();
            assertThat(count(owner, "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND client_address LIKE 'offline:%'"))
                    .isEqualTo(first.offlineLogEntries());
            assertThat(count(owner, "SELECT COUNT(*) FROM offline_conflict WHERE tenant_id = ?")).isEqualTo(3);
        }
        assertThat(central.get(base + "/" + disaster + "/victims?q=リンジ", clerk, PASSWORD).body()).contains(offlineVictim);
        HttpResponse<String> conflictsPage = central.get("/admin/offline", admin, PASSWORD);
        assertThat(conflictsPage.body()).contains("未処理 3 件", "二重登録の可能性", "中央でもこの記録が変更されました");

        // A person decides: the offline text wins for the case; the 外字 entry must be entered centrally.
        try (Connection owner = owner()) {
            long caseConflict = count(owner, "SELECT id FROM offline_conflict WHERE tenant_id = ? AND reason = 'CHANGED_CENTRALLY'");
            long gaijiConflict = count(owner, "SELECT id FROM offline_conflict WHERE tenant_id = ? AND reason = 'NOT_MERGEABLE'");
            OfflineOperation.resolve(owner, IMAKANE, caseConflict, true, admin);
            assertThat(strings(owner, "SELECT description FROM disaster_case WHERE tenant_id = '" + IMAKANE.value()
                    + "' AND id = " + bothCase)).containsExactly("オフラインで修正");
            assertRefused(() -> OfflineOperation.resolve(owner, IMAKANE, caseConflict, false, admin), "E-CON-0027");
            assertRefused(() -> OfflineOperation.resolve(owner, IMAKANE, gaijiConflict, true, admin), "E-CON-0028");
            OfflineOperation.resolve(owner, IMAKANE, gaijiConflict, false, admin);
            assertRefused(() -> OfflineOperation.resolve(owner, NAYORO, gaijiConflict, false, admin), "E-CON-0026");
        }

        // The centre's own numbering goes on below the offline range: no collision with the merged certificate.
        long centralCase = Long.parseLong(id(central.post(base + "/" + disaster + "/damage-reports", clerk, PASSWORD,
                "{\"atenaNumber\":\"" + residentOfBoth + "\",\"reportedOn\":\"" + LocalDate.now() + "\",\"description\":\"追加\"}")));
        assertThat(centralCase).isLessThan(1_000_000_000_000L);
        central.post(base + "/" + disaster + "/surveys", clerk, PASSWORD, "{\"reportId\":" + centralCase + ",\"damageRatio\":25}");
        HttpResponse<byte[]> centralCertificate = central.postForBytes(base + "/" + disaster + "/certificates", clerk,
                PASSWORD, "{\"reportId\":" + centralCase + "}");
        assertThat(centralCertificate.statusCode()).isEqualTo(200);
        assertThat(Long.parseLong(centralCertificate.headers().firstValue("X-Certificate-Serial").orElseThrow()))
                .isLessThan(1_000_000_000L);
    }

    @Test
    void residentChangesMadeOfflineAreReplayedThroughTheRegistryUnlessTheCentreChangedThePersonOrTheRulesRefuse()
            throws Exception {
        String clerk = TestUsers.ensure(accounts, IMAKANE, Role.CLERK);
        String admin = TestUsers.ensure(accounts, IMAKANE, Role.TENANT_ADMIN);
        String nayoroClerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        Http central = new Http(baseUrl());
        String residents = "/api/v1/t/" + IMAKANE.value() + "/residents";
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();
        // 個人番号 (test numbers with a valid check digit): never printed, only compared
        String movedNumber = "987654321093";
        String newcomerNumber = "246813579021";
        String enteredNumber = "123456789018";
        String[] moved = moveIn(central, residents, clerk, "移動　一郎", "イドウ　イチロウ", movedNumber);
        String[] both = moveIn(central, residents, clerk, "両方　二郎", "リョウホウ　ジロウ");
        String[] refused = moveIn(central, residents, clerk, "規則　三郎", "キソク　サブロウ");
        moveIn(central, "/api/v1/t/" + NAYORO.value() + "/residents", nayoroClerk, "名寄　四郎", "ナヨロ　シロウ");
        String otherTown = "SELECT COUNT(*) || ':' || COALESCE(SUM(history_number), 0) FROM resident_snapshot WHERE tenant_id = '"
                + NAYORO.value() + "'";
        List<String> otherTownBefore;
        try (Connection owner = owner()) {
            otherTownBefore = strings(owner, otherTown);
        }

        Path snapshotFile = folder.resolve("registry.jcvault");
        OfflineOperation.Snapshot snapshot;
        try (Connection owner = owner(); Passphrase passphrase = passphrase()) {
            snapshot = OfflineOperation.takeSnapshot(owner, IMAKANE, snapshotFile, passphrase, admin, centralKey());
        }
        // Meanwhile at the centre: the second person moves within the town.
        assertThat(relocate(central, residents, clerk, both[0], today, "今金町字今金200番地").statusCode()).isEqualTo(200);

        DatabaseOptions laptop = new DatabaseOptions();
        laptop.dataDirectory = folder.resolve("registry-laptop");
        try (Passphrase passphrase = passphrase()) {
            OfflineOperation.prepareInstance(laptop, snapshotFile, passphrase);
        }
        Path changesFile = folder.resolve("registry.jcchanges");
        String newborn;
        String newcomer;
        String entered;
        String newcomerHousehold;
        try (Connection offline = laptop.open(); Connection owner = owner()) {
            String sealed = "SELECT individual_number_cipher FROM resident_snapshot WHERE tenant_id = '" + IMAKANE.value()
                    + "' AND atena_number = '" + moved[0] + "' AND history_number = 1";
            assertThat(strings(offline, sealed)).as("the snapshot carries the 個人番号 sealed under its own key")
                    .singleElement().isNotNull().isNotIn(strings(owner, sealed));
        }
        // A laptop has a key of its own, never the centre's: the snapshot's key must be used instead.
        try (ConfigurableApplicationContext offlineService = start(laptop, randomKey())) {
            Http counter = new Http("http://localhost:" + ((WebServerApplicationContext) offlineService).getWebServer().getPort());
            assertThat(relocate(counter, residents, clerk, moved[0], today, "今金町字種川100番地").statusCode()).isEqualTo(200);
            assertThat(individualNumberOf(counter, residents, clerk, moved[0])).as("read on the laptop")
                    .isEqualTo(movedNumber);
            HttpResponse<byte[]> printed = counter.postForBytes(residents + "/" + moved[0] + "/certificates", clerk, PASSWORD,
                    "{\"form\":\"COPY\",\"individualNumber\":true}");
            assertThat(printed.statusCode()).as("住民票 with 個人番号 printed on the laptop").isEqualTo(200);
            assertThat(printed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
            // 転入 on the laptop: a whole new person with a 個人番号, sealed there under the snapshot's key.
            String[] cameIn = moveIn(counter, residents, clerk, "転入　五郎", "テンニュウ　ゴロウ", newcomerNumber);
            newcomer = cameIn[0];
            newcomerHousehold = cameIn[1];
            assertThat(individualNumberOf(counter, residents, clerk, newcomer)).isEqualTo(newcomerNumber);
            // 職権記載 into the household the 転入 made on the laptop (a 世帯番号 the centre will issue anew).
            HttpResponse<String> entry = counter.post(residents, clerk, PASSWORD, """
                    {"kind":"ex-officio-entry","changedOn":"%s","household":"%s","relationship":"妻","name":"転入　六子",
                     "kana":"テンニュウ　ロクコ","birthDate":"昭和47年5月5日","sex":"FEMALE","postalCode":"049-4300",
                     "address":"今金町字今金1番地","district":"000100","individualNumber":"%s"}""".formatted(today, cameIn[1], enteredNumber));
            assertThat(entry.statusCode()).as(entry.body()).isEqualTo(201);
            entered = json(entry.body(), "residents");
            HttpResponse<String> birth = counter.post(residents, clerk, PASSWORD, "{\"kind\":\"birth\",\"household\":\""
                    + moved[1] + "\",\"changedOn\":\"" + today + "\",\"notifiedOn\":\"" + today
                    + "\",\"name\":\"移動　花子\",\"kana\":\"イドウ　ハナコ\",\"sex\":\"FEMALE\",\"relationship\":\"子\"}");
            assertThat(birth.statusCode()).as(birth.body()).isEqualTo(201);
            newborn = json(birth.body(), "residents");
            assertThat(relocate(counter, residents, clerk, both[0], today, "今金町字今金300番地").statusCode()).isEqualTo(200);
            long refusedChange = Long.parseLong(json(relocate(counter, residents, clerk, refused[0], today,
                    "今金町字今金400番地").body(), "changeId"));
            try (Connection offline = offlineService.getBean(DataSource.class).getConnection()) {
                // A laptop whose clock ran a month ahead: the centre's date rule refuses the 異動日.
                try (PreparedStatement ahead = offline.prepareStatement(
                        "UPDATE registry_change SET changed_on = ? WHERE tenant_id = ? AND change_id = ?")) {
                    ahead.setObject(1, LocalDate.parse(today).plusMonths(1));
                    ahead.setString(2, IMAKANE.value());
                    ahead.setLong(3, refusedChange);
                    assertThat(ahead.executeUpdate()).isOne();
                }
                // Then the same person moves again: it builds on the refused one, so it waits with it.
                assertThat(relocate(counter, residents, clerk, refused[0], today, "今金町字今金500番地").statusCode())
                        .isEqualTo(200);
                try (Passphrase passphrase = passphrase()) {
                    OfflineOperation.exportChanges(offline, laptop.dataDirectory, changesFile, passphrase);
                }
            }
        }

        RegistryBulkWriter.KeySource key = RegistryBulkWriter.KeySource.forTool(TestDatabase.get().dataDirectory());
        String imakane = "tenant_id = '" + IMAKANE.value() + "'";
        try (Connection owner = owner(); Passphrase passphrase = passphrase()) {
            OfflineOperation.MergeReport first = OfflineOperation.merge(owner, IMAKANE, changesFile, passphrase, admin, key);
            // three 異動 below, and the two 個人番号 displays on the laptop (a register numbered by the centre's
            // counter, listed for review like every table not merged by rule)
            assertThat(first.newConflicts()).as(first.toString()).isEqualTo(5);
            assertThat(strings(owner, "SELECT table_name FROM offline_conflict WHERE " + imakane + " AND snapshot_number = "
                    + snapshot.number() + " AND table_name <> 'registry_change'"))
                    .containsExactly("individual_number_disclosure", "individual_number_disclosure");

            // The 転入 made offline: the person recorded at the centre under a 宛名番号 of its own, once.
            List<String> newcomerAtCentre = strings(owner, "SELECT central_number FROM offline_registry_number WHERE "
                    + imakane + " AND number_kind = 'atena' AND offline_number = '" + newcomer + "'");
            assertThat(newcomerAtCentre).hasSize(1);
            assertThat(strings(owner, "SELECT history_number || ':' || change_kind || ':' || name FROM resident_snapshot WHERE "
                    + imakane + " AND atena_number = '" + newcomerAtCentre.get(0) + "'"))
                    .containsExactly("1:DOMESTIC_MOVE_IN:転入　五郎");
            List<String> enteredAtCentre = strings(owner, "SELECT central_number FROM offline_registry_number WHERE "
                    + imakane + " AND number_kind = 'atena' AND offline_number = '" + entered + "'");
            assertThat(enteredAtCentre).hasSize(1);
            assertThat(strings(owner, "SELECT c.household_number FROM resident_current c WHERE c." + imakane
                    + " AND c.atena_number IN ('" + newcomerAtCentre.get(0) + "', '" + enteredAtCentre.get(0) + "')"))
                    .as("the 職権記載 joined the household the 転入 made, under the centre's 世帯番号").hasSize(2)
                    .containsOnly(strings(owner, "SELECT central_number FROM offline_registry_number WHERE " + imakane
                            + " AND number_kind = 'household' AND offline_number = '" + newcomerHousehold + "'")
                            .stream().findFirst().orElseThrow());
            assertThat(strings(owner, "SELECT change_kind FROM resident_snapshot WHERE " + imakane
                    + " AND atena_number = '" + enteredAtCentre.get(0) + "'")).containsExactly("EX_OFFICIO_ENTRY");

            // The 転居 made offline: a new snapshot appended at the centre, by the laptop's clerk, audited as theirs.
            assertThat(strings(owner, "SELECT history_number || ':' || change_kind || ':' || address FROM resident_snapshot"
                    + " WHERE " + imakane + " AND atena_number = '" + moved[0] + "' ORDER BY history_number"))
                    .containsExactly("1:DOMESTIC_MOVE_IN:今金町字今金1番地", "2:MOVE_WITHIN_MUNICIPALITY:今金町字種川100番地");
            assertThat(strings(owner, "SELECT c.recorded_by FROM registry_change c JOIN resident_snapshot s ON s.tenant_id ="
                    + " c.tenant_id AND s.change_id = c.change_id WHERE s." + imakane + " AND s.atena_number = '" + moved[0]
                    + "' AND s.history_number = 2")).containsExactly(clerk);
            // The birth follows it into the same household, under a 宛名番号 the centre issued.
            List<String> members = strings(owner, "SELECT atena_number FROM resident_current WHERE " + imakane
                    + " AND household_number = '" + moved[1] + "' AND status = 'RESIDENT' ORDER BY atena_number");
            assertThat(members).hasSize(2).contains(moved[0]);
            assertThat(strings(owner, "SELECT central_number FROM offline_registry_number WHERE " + imakane
                    + " AND number_kind = 'atena' AND offline_number = '" + newborn + "'"))
                    .containsExactly(members.stream().filter(number -> !number.equals(moved[0])).findFirst().orElseThrow());
            assertThat(strings(owner, "SELECT actor || '|' || action || '|' || target FROM audit_log WHERE " + imakane
                    + " AND client_address LIKE 'offline:" + snapshot.number() + ":change:%' ORDER BY seq"))
                    .hasSize(4).allMatch(entry -> entry.startsWith(clerk + "|resident.change|atena:"))
                    .anyMatch(entry -> entry.endsWith("atena:" + moved[0]));

            // Changed at the centre meanwhile: listed, nothing applied.
            assertThat(strings(owner, "SELECT address FROM resident_current WHERE " + imakane + " AND atena_number = '"
                    + both[0] + "'")).containsExactly("今金町字今金200番地");
            assertThat(count(owner, "SELECT COUNT(*) FROM resident_snapshot WHERE tenant_id = ? AND atena_number = '"
                    + both[0] + "'")).isEqualTo(2);
            // Refused by the registry's rules: listed with the rule's message, nothing applied.
            assertThat(count(owner, "SELECT COUNT(*) FROM resident_snapshot WHERE tenant_id = ? AND atena_number = '"
                    + refused[0] + "'")).isOne();
            assertThat(strings(owner, "SELECT reason || '|' || detail FROM offline_conflict WHERE " + imakane
                    + " AND snapshot_number = " + snapshot.number() + " AND table_name = 'registry_change' ORDER BY reason"))
                    .satisfiesExactly(
                            changed -> assertThat(changed).startsWith("CHANGED_CENTRALLY|")
                                    .contains("中央でもこの住民または世帯の異動が記録されました", "両方　二郎"),
                            waiting -> assertThat(waiting).startsWith("DEPENDS_ON_CONFLICT|").contains("競合しているため"),
                            rule -> assertThat(rule).startsWith("REFUSED|").contains("E-RES-0030", "規則　三郎"));
            assertThat(AuditChains.verify(owner, IMAKANE.value())).allMatch(ChainVerification::intact);

            OfflineOperation.MergeReport second = OfflineOperation.merge(owner, IMAKANE, changesFile, passphrase, admin, key);
            assertThat(second.applied()).as("merging twice applies nothing twice").isZero();
            assertThat(second.newConflicts()).isZero();
            assertThat(second.knownConflicts()).isEqualTo(5);
            assertThat(count(owner, "SELECT COUNT(*) FROM resident_snapshot WHERE tenant_id = ? AND atena_number = '"
                    + moved[0] + "'")).isEqualTo(2);
            assertThat(count(owner, "SELECT COUNT(*) FROM resident_current WHERE tenant_id = ? AND household_number = '"
                    + moved[1] + "'")).isEqualTo(2);
            assertThat(count(owner, "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND client_address LIKE 'offline:"
                    + snapshot.number() + ":change:%'")).isEqualTo(4);
            assertThat(count(owner, "SELECT COUNT(*) FROM resident_current WHERE tenant_id = ? AND name = '転入　五郎'"))
                    .as("the 転入 applied exactly once").isOne();
            assertThat(strings(owner, otherTown)).as("another town untouched").isEqualTo(otherTownBefore);
        }
        // The centre reads the replayed record through its own service, 個人番号 under its own key.
        assertThat(central.get(residents + "/" + moved[0], clerk, PASSWORD).body()).contains("今金町字種川100番地");
        assertThat(individualNumberOf(central, residents, clerk, moved[0])).isEqualTo(movedNumber);
        String newcomerAtCentre;
        try (Connection owner = owner()) {
            newcomerAtCentre = strings(owner, "SELECT central_number FROM offline_registry_number WHERE " + imakane
                    + " AND number_kind = 'atena' AND offline_number = '" + newcomer + "'").get(0);
        }
        assertThat(individualNumberOf(central, residents, clerk, newcomerAtCentre)).isEqualTo(newcomerNumber);
        try (Connection owner = owner()) {
            String enteredAtCentre = strings(owner, "SELECT central_number FROM offline_registry_number WHERE " + imakane
                    + " AND number_kind = 'atena' AND offline_number = '" + entered + "'").get(0);
            assertThat(individualNumberOf(central, residents, clerk, enteredAtCentre)).isEqualTo(enteredNumber);
        }
    }

    /** 転入 at the centre, in a 行政区 of the town (今金, or 名寄市's 西1条南); answers the 宛名番号 and the 世帯番号. */
    private static String[] moveIn(Http http, String residents, String user, String name, String kana) throws Exception {
        return moveIn(http, residents, user, name, kana, null);
    }

    /** 転入, with a 個人番号 unless null; answers the 宛名番号 and the 世帯番号. */
    private static String[] moveIn(Http http, String residents, String user, String name, String kana,
            String individualNumber) throws Exception {
        HttpResponse<String> created = http.post(residents, user, PASSWORD, """
                {"kind":"move-in","changedOn":"R7.4.1","notifiedOn":"2025-04-02","name":"%s","kana":"%s",
                 "birthDate":"昭和45年3月1日","sex":"MALE","postalCode":"049-4300","address":"今金町字今金1番地",
                 "district":"%s"%s}"""
                .formatted(name, kana, residents.contains(NAYORO.value()) ? "010100" : "000100",
                        individualNumber == null ? "" : ",\"individualNumber\":\"" + individualNumber + "\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new String[] {json(created.body(), "residents"), json(created.body(), "households")};
    }

    /** The 個人番号 as the service shows it on request (the display is recorded with its purpose). */
    private static String individualNumberOf(Http http, String residents, String user, String atena) throws Exception {
        HttpResponse<String> shown = http.post(residents + "/" + atena + "/individual-number", user, PASSWORD,
                "{\"purpose\":\"オフライン運用の確認\"}");
        assertThat(shown.statusCode()).as("個人番号 of " + atena).isEqualTo(200);
        Matcher matcher = Pattern.compile("\"individualNumber\":\"([0-9]{12})\"").matcher(shown.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> relocate(Http http, String residents, String user, String atena, String on,
            String address) throws Exception {
        HttpResponse<String> answer = http.post(residents + "/" + atena + "/changes/relocation", user, PASSWORD,
                "{\"changedOn\":\"" + on + "\",\"notifiedOn\":\"" + on + "\",\"postalCode\":\"0494300\",\"address\":\""
                        + address + "\",\"district\":\"000200\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    /** The first value of a field in a JSON answer (a number, a string, or the first of an array). */
    private static String json(String body, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":\\[?\"?([0-9A-Za-z]+)").matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    @Test
    void aChangesFileIsMergedIntoItsOwnTownOnlyAndAPlainVaultFileIsNoSnapshot() throws Exception {
        Path snapshotFile = folder.resolve("imakane.jcvault");
        VaultCommand.environment = name -> Passphrase.ENVIRONMENT_VARIABLE.equals(name) ? PASSPHRASE : null;
        try {
            Run taken = run("offline", "snapshot", "--tenant", IMAKANE.value(), "--out", snapshotFile.toString());
            assertThat(taken.status()).as(taken.err()).isZero();
            assertThat(taken.out()).containsPattern("offline: snapshot \\d+ of 013706, tables \\d+, rows \\d+");
        } finally {
            VaultCommand.environment = System::getenv;
        }
        try (Connection owner = owner()) {
            assertThat(strings(owner, "SELECT action FROM audit_log WHERE tenant_id = '" + IMAKANE.value()
                    + "' ORDER BY seq DESC")).first().isEqualTo("offline.snapshot");
        }
        DatabaseOptions laptop = new DatabaseOptions();
        laptop.dataDirectory = folder.resolve("laptop");
        Path changesFile = folder.resolve("changes.jcchanges");
        try (Passphrase passphrase = passphrase()) {
            OfflineOperation.prepareInstance(laptop, snapshotFile, passphrase);
            try (Connection offline = laptop.open()) {
                update(offline, "INSERT INTO disaster (tenant_id, name, kind, occurred_on, drill, declared_at, declared_by)"
                        + " VALUES (?, '窓口で登録した災害', 'OTHER', CURRENT_DATE, FALSE, CURRENT_TIMESTAMP, 'test')", null);
                OfflineOperation.exportChanges(offline, laptop.dataDirectory, changesFile, passphrase);
            }
        }
        try (Connection owner = owner(); Passphrase passphrase = passphrase()) {
            List<TableChecksum> nayoro = TenantVault.checksums(owner, NAYORO);
            assertRefused(() -> OfflineOperation.merge(owner, NAYORO, changesFile, passphrase, "test"), "E-CON-0021");
            VaultCommand.environment = name -> Passphrase.ENVIRONMENT_VARIABLE.equals(name) ? PASSPHRASE : null;
            try {
                Run refused = run("merge", "--tenant", NAYORO.value(), changesFile.toString());
                assertThat(refused.status()).isEqualTo(2);
                assertThat(refused.err()).contains("E-CON-0021", "団体 013706 のもの");
            } finally {
                VaultCommand.environment = System::getenv;
            }
            assertThat(TenantVault.checksums(owner, NAYORO)).isEqualTo(nayoro);

            Path vaultFile = folder.resolve("plain.jcvault");
            TenantVault.export(owner, NAYORO, vaultFile, passphrase);
            DatabaseOptions other = new DatabaseOptions();
            other.dataDirectory = folder.resolve("other");
            assertRefused(() -> OfflineOperation.prepareInstance(other, vaultFile, passphrase), "E-CON-0024");
            assertThat(Files.exists(other.dataDirectory.resolve("jichitai.mv.db"))).as("nothing left behind").isFalse();
            assertRefused(() -> OfflineOperation.merge(owner, IMAKANE, vaultFile, passphrase, "test"), "E-CON-0020");
            List<TableChecksum> imakane = TenantVault.checksums(owner, IMAKANE);
            assertRefused(() -> TenantVault.restore(owner, IMAKANE, snapshotFile, passphrase), "E-CON-0034");
            assertThat(TenantVault.checksums(owner, IMAKANE)).as("a snapshot never restored into the centre")
                    .isEqualTo(imakane);
        }
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        TestDatabase database = TestDatabase.get();
        // --data also with --db: the folder holds the service's 個人番号 key, which a snapshot reads the numbers with
        all.addAll(List.of("--data", database.dataDirectory().toString()));
        if (database.isPostgres()) {
            all.addAll(List.of("--db", database.url()));
        }
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine commandLine = jp.jichitai.cloud.cli.JichitaiCommand.commandLine();
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        int status = commandLine.execute(all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    private static ConfigurableApplicationContext start(DatabaseOptions laptop) {
        return start(laptop, null);
    }

    /** The service on the laptop's folder, with a configured 個人番号 key of its own unless null. */
    private static ConfigurableApplicationContext start(DatabaseOptions laptop, String individualNumberKey) {
        Map<String, Object> properties = laptop.springProperties();
        if (individualNumberKey != null) {
            properties.put(RegistryBulkWriter.KeySource.PROPERTY, individualNumberKey);
        }
        properties.put("server.port", 0);
        properties.put("jc.demo.enabled", false);
        properties.put("jc.sla.flush-interval", "12h");
        return new SpringApplicationBuilder(JichitaiCloudApplication.class)
                .run(properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                        .toArray(String[]::new));
    }

    private static String id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        Matcher matcher = ID.matcher(response.body());
        assertThat(matcher.find()).as(response.body()).isTrue();
        return matcher.group(1);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    /** The 個人番号 key of the service under test (generated into its data folder). */
    private static RegistryBulkWriter.KeySource centralKey() {
        return RegistryBulkWriter.KeySource.forTool(TestDatabase.get().dataDirectory());
    }

    private static Passphrase passphrase() {
        return Passphrase.forNewFile(PASSPHRASE.toCharArray());
    }

    private static Connection owner() throws Exception {
        return TestDatabase.get().ownerConnection();
    }

    private static void update(Connection connection, String sql, Long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, IMAKANE.value());
            if (id != null) {
                statement.setLong(2, id);
            }
            assertThat(statement.executeUpdate()).isOne();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                select.setString(1, IMAKANE.value());
            }
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Entries keyed by their first column, the rest joined with | (time as an instant); closes the connection. */
    private static Map<String, String> auditEntries(Connection connection, String sql) throws SQLException {
        Map<String, String> entries = new java.util.HashMap<>();
        try (connection; PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, IMAKANE.value());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    entries.put(result.getString(1), String.join("|", result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5),
                            result.getObject(6, java.time.OffsetDateTime.class).toInstant().toString()));
                }
            }
        }
        return entries;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet result = select.executeQuery()) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private static void assertRefused(ThrowingCallable call, String messageId) {
        assertThatThrownBy(call::call).isInstanceOfSatisfying(BusinessException.class,
                refusal -> assertThat(refusal.messageId().value()).isEqualTo(messageId));
    }

    @FunctionalInterface
    interface ThrowingCallable {
        void call() throws Exception;
    }
}
