package jp.jichitai.cloud.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.cli.JichitaiCommand;
import jp.jichitai.cloud.continuity.TableChecksum;
import jp.jichitai.cloud.continuity.TenantVault;
import jp.jichitai.cloud.residents.Address;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.ChangeKind;
import jp.jichitai.cloud.residents.ChangeRequest;
import jp.jichitai.cloud.residents.CorrectedItems;
import jp.jichitai.cloud.residents.Entitlements;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.PersonName;
import jp.jichitai.cloud.residents.PostalCode;
import jp.jichitai.cloud.residents.Relationship;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.residents.Sex;
import jp.jichitai.cloud.residents.registry.RegistryBulkWriter;
import jp.jichitai.cloud.residents.registry.RegistryFixture;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.synthetic.SyntheticDataset;
import jp.jichitai.cloud.synthetic.SyntheticRegistry;
import jp.jichitai.cloud.tenancy.District;
import jp.jichitai.cloud.tenancy.Tenant;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * {@code ./jc export} reads the resident registry (H2, then PostgreSQL): 異動 recorded through the registry's own
 * service after an import (転居 of a household, 出生, 死亡) appear in the exported data_d0101 with every imported row
 * unchanged, and a town whose residents were entered only in the cloud (a demo town, never imported) exports a
 * dataset that the import itself accepts. Other towns are untouched throughout.
 */
class RegistryExportIntegrationTests extends IntegrationTest {

    private static final TenantCode TOWN = TenantCode.of("013706");
    private static final TenantCode CLOUD_ONLY_TOWN = TenantCode.of("012203");
    /** A town of its own, whose records this test empties of their 行政区 (the demo towns keep theirs). */
    private static final TenantCode LEGACY_TOWN = TenantCode.of("016918");
    private static final List<TenantCode> OTHER_TOWNS = List.of(TenantCode.of("012211"), TenantCode.of("012203"));
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    @Autowired
    Residents residents;

    @Autowired
    Tenants tenants;

    @TempDir
    Path temporary;

    record Run(int exit, String out, String err) {
    }

    /** A current member of the town's registry as the export should show it: 宛名番号, 世帯番号, latest 履歴番号. */
    record Member(String atena, String household, int history, String relationship, String name) {
    }

    @Test
    void changesRecordedInTheRegistryAfterTheImportAreExported() throws Exception {
        Map<TenantCode, List<TableChecksum>> others = otherTowns();
        Path input = Files.createDirectories(temporary.resolve("in"));
        SyntheticDataset.write(SyntheticRegistry.of(TOWN, 4242L), 60, input);
        Run imported = jc("import", "--tenant", TOWN.value(), "--in", input.toString(), "--replace");
        assertThat(imported.exit()).as(imported.err() + imported.out()).isZero();

        // A household of at least three current residents: all move (転居), a child is born, a member dies.
        List<Member> household = aHouseholdOfThree();
        Member head = household.stream().filter(member -> member.relationship().equals("世帯主")).findFirst().orElseThrow();
        Member dying = household.stream().filter(member -> !member.equals(head)).findFirst().orElseThrow();
        HouseholdNumber number = HouseholdNumber.migrated(head.household());
        String district = districtOf(head.atena());
        Address moved = new Address(PostalCode.parse("0494300"), "北海道瀬棚郡今金町字今金９９番地の９", district, "");
        var today = RegistryFixture.TODAY;
        RegistryFixture.asClerk(TOWN, () -> residents.record(new ChangeRequest.Relocation(AtenaNumber.migrated(head.atena()),
                today.minusDays(2), Optional.of(today.minusDays(1)), moved, OptionalInt.empty())));
        AtenaNumber born = RegistryFixture.asClerk(TOWN, () -> residents.record(new ChangeRequest.Birth(today.minusDays(1),
                Optional.of(today), number, PersonName.of("試験　新太", "シケン　シンタ"), Sex.MALE, Relationship.parse("子"),
                Optional.empty(), Entitlements.none(), OptionalInt.empty()))).residents().get(0);
        RegistryFixture.asClerk(TOWN, () -> residents.record(new ChangeRequest.Death(AtenaNumber.migrated(dying.atena()),
                today, Optional.of(today), Optional.empty(), OptionalInt.empty())));

        Path output = temporary.resolve("out");
        Run exported = jc("export", "--tenant", TOWN.value(), "--out", output.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();

        List<String> before = MigrationDatabaseFixture.decodedLines(input.resolve("data_d0101.csv"));
        List<String> after = MigrationDatabaseFixture.decodedLines(output.resolve("data_d0101.csv"));
        assertThat(after.subList(0, before.size())).as("every imported row, unchanged and in its order")
                .containsExactlyElementsOf(before);
        List<String[]> added = after.subList(before.size(), after.size()).stream().map(line -> line.split(",", -1)).toList();
        // 転居: one new snapshot per member; 出生: one; 死亡: one more for the deceased.
        assertThat(added).hasSize(household.size() + 1 + 1);
        for (Member member : household) {
            String[] relocated = added.stream().filter(row -> row[0].equals(member.atena())
                    && row[1].equals(Integer.toString(member.history() + 1))).findFirst().orElseThrow();
            assertThat(relocated[25]).isEqualTo("転居");
            assertThat(relocated[19]).isEqualTo(moved.text());
            assertThat(relocated[18]).isEqualTo(district);
            assertThat(relocated[26]).isEqualTo(today.minusDays(2).format(YYYYMMDD));
            assertThat(relocated[23]).isEqualTo(today.minusDays(1).format(YYYYMMDD));
            assertThat(relocated[14]).isEqualTo(head.name());
            assertThat(relocated[4]).isEqualTo("1");
        }
        String[] birth = added.stream().filter(row -> row[0].equals(born.value())).findFirst().orElseThrow();
        assertThat(List.of(birth[1], birth[2], birth[4], birth[5], birth[6], birth[7], birth[8], birth[12], birth[13],
                birth[19], birth[25], birth[26])).containsExactly("1", head.household(), "1", "試験", "新太", "シケン",
                        "シンタ", "1", "子", moved.text(), "出生", today.minusDays(1).format(YYYYMMDD));
        String[] death = added.stream().filter(row -> row[0].equals(dying.atena())
                && row[1].equals(Integer.toString(dying.history() + 2))).findFirst().orElseThrow();
        assertThat(List.of(death[4], death[25], death[27], death[26])).containsExactly("3", "死亡", "死亡",
                today.format(YYYYMMDD));
        for (String file : List.of("data_cyonei.csv", "data_d0301.csv", "data_d0603.csv")) {
            assertThat(MigrationDatabaseFixture.decodedLines(output.resolve(file))).as(file)
                    .containsExactlyElementsOf(MigrationDatabaseFixture.decodedLines(input.resolve(file)));
        }
        assertThat(otherTowns()).isEqualTo(others);
    }

    @Test
    void aTownWhoseResidentsWereEnteredOnlyInTheCloudExportsADatasetTheImportAccepts() throws Exception {
        long snapshots;
        try (Connection connection = TestDatabase.get().ownerConnection();
                PreparedStatement imported = connection.prepareStatement(
                        "SELECT (SELECT COUNT(*) FROM migrated_resident_row WHERE tenant_id = ?), "
                                + "(SELECT COUNT(*) FROM resident_snapshot WHERE tenant_id = ?)")) {
            imported.setString(1, CLOUD_ONLY_TOWN.value());
            imported.setString(2, CLOUD_ONLY_TOWN.value());
            try (ResultSet counts = imported.executeQuery()) {
                counts.next();
                assertThat(counts.getLong(1)).as("the demo town never imported").isZero();
                snapshots = counts.getLong(2);
            }
        }
        assertThat(snapshots).as("demo residents").isPositive();
        TenantCode neighbour = TenantCode.of("012211");
        List<TableChecksum> neighbourBefore = checksums(neighbour);

        Path output = temporary.resolve("cloud-only");
        Run exported = jc("export", "--tenant", CLOUD_ONLY_TOWN.value(), "--out", output.toString());

        assertThat(exported.exit()).as(exported.err() + exported.out()).isZero();
        assertThat(MigrationDatabaseFixture.decodedLines(output.resolve("data_d0101.csv"))).hasSize((int) snapshots);
        assertThat(MigrationDatabaseFixture.decodedLines(output.resolve("data_cyonei.csv"))).isNotEmpty();
        assertThat(Files.size(output.resolve("data_d0301.csv"))).isZero();
        assertThat(Files.size(output.resolve("data_d0603.csv"))).isZero();
        // Every row passes the import's own checks (layout, keys, districts, projection): checked, then rolled back.
        try (Connection connection = TestDatabase.get().ownerConnection()) {
            ImportReport check = RegistryImport.validate(connection, ImportRequest.of(CLOUD_ONLY_TOWN, output),
                    new RegistryBulkWriter.KeySource(null, TestDatabase.get().dataDirectory()));
            assertThat(check.outcome()).as(check.problems().errorLines().toString()).isEqualTo(ImportReport.Outcome.VALID);
            assertThat(check.rowsRejected()).isZero();
        }
        assertThat(checksums(neighbour)).isEqualTo(neighbourBefore);
    }

    @Test
    void aTownWithAResidentWithoutADistrictExportsNothingAndNamesThemUntilTheDistrictIsCorrected() throws Exception {
        if (tenants.find(LEGACY_TOWN).isEmpty()) {
            tenants.register(new Tenant(LEGACY_TOWN, "区無町", "北海道"), "町長", "区無　太郎", "本庁",
                    List.of(new District("000100", "本町"), new District("000200", "新町")));
        }
        Map<TenantCode, List<TableChecksum>> others = otherTowns();
        List<AtenaNumber> heads = new ArrayList<>();
        for (String given : List.of("一郎", "二郎", "三郎")) {
            heads.add(RegistryFixture.asClerk(LEGACY_TOWN, () -> RegistryFixture.moveInHead(residents, "区無　" + given,
                    "クナシ　" + given.replace("一", "イチ").replace("二", "ジ").replace("三", "サブ").replace("郎", "ロウ"),
                    "19700101", "北海道区無町本町" + given + "番地")).residents().get(0));
        }
        AtenaNumber later = heads.get(0);
        AtenaNumber fine = heads.get(1);
        AtenaNumber never = heads.get(2);
        // As if recorded before the 行政区 was required (the service refuses it now): no 行政区 in their snapshots.
        withoutDistrict(later);
        withoutDistrict(never);

        Path output = temporary.resolve("legacy");
        Run refused = jc("export", "--tenant", LEGACY_TOWN.value(), "--out", output.toString());

        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("E-MIG-0506").contains("行政区が記録されていない")
                .contains("2 人").contains("宛名番号 " + later + "、" + never + "）").doesNotContain(fine.value())
                .contains("何も出力しませんでした");
        assertThat(output).as("no file, not even the folder").doesNotExist();

        // Nobody more is entered at an address without 行政区: a 出生 into that household is refused.
        HouseholdNumber household = RegistryFixture.asClerk(LEGACY_TOWN, () -> residents.find(later)).orElseThrow().current()
                .householdNumber();
        assertThatThrownBy(() -> RegistryFixture.asClerk(LEGACY_TOWN, () -> residents.record(new ChangeRequest.Birth(
                RegistryFixture.TODAY, Optional.of(RegistryFixture.TODAY), household, PersonName.of("区無　新", "クナシ　アラタ"),
                Sex.MALE, Relationship.parse("子"), Optional.empty(), Entitlements.none(), OptionalInt.empty()))))
                .isInstanceOfSatisfying(BusinessException.class, refusal -> assertThat(refusal.messageId().value())
                        .isEqualTo("E-RES-0085"));

        // 職権修正 of the 行政区: the earlier snapshot at the same address is exported with it; one resident remains.
        RegistryFixture.asClerk(LEGACY_TOWN, () -> residents.record(new ChangeRequest.Correction(ChangeKind.EX_OFFICIO_CORRECTION,
                later, RegistryFixture.TODAY, Optional.empty(), new CorrectedItems(Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("000200"), Optional.empty(),
                        Optional.empty(), Optional.empty()), OptionalInt.empty())));
        Run stillRefused = jc("export", "--tenant", LEGACY_TOWN.value(), "--out", output.toString());
        assertThat(stillRefused.exit()).isNotZero();
        assertThat(stillRefused.err()).contains("1 人").contains("宛名番号 " + never + "）").doesNotContain(later.value());
        assertThat(output).doesNotExist();

        RegistryFixture.asClerk(LEGACY_TOWN, () -> residents.record(new ChangeRequest.Correction(ChangeKind.EX_OFFICIO_CORRECTION,
                never, RegistryFixture.TODAY, Optional.empty(), new CorrectedItems(Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("000100"), Optional.empty(),
                        Optional.empty(), Optional.empty()), OptionalInt.empty())));
        Run exported = jc("export", "--tenant", LEGACY_TOWN.value(), "--out", output.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        List<String[]> rows = MigrationDatabaseFixture.decodedLines(output.resolve("data_d0101.csv")).stream()
                .map(line -> line.split(",", -1)).toList();
        assertThat(rows).filteredOn(row -> row[0].equals(later.value())).extracting(row -> row[1] + ":" + row[18])
                .containsExactly("1:000200", "2:000200");
        try (Connection connection = TestDatabase.get().ownerConnection()) {
            ImportReport check = RegistryImport.validate(connection, ImportRequest.of(LEGACY_TOWN, output),
                    new RegistryBulkWriter.KeySource(null, TestDatabase.get().dataDirectory()));
            assertThat(check.outcome()).as(check.problems().errorLines().toString()).isEqualTo(ImportReport.Outcome.VALID);
        }
        assertThat(otherTowns()).isEqualTo(others);
    }

    /** Empties the 行政区 of every snapshot of {@code atena}, as data recorded before the rule would have it. */
    private static void withoutDistrict(AtenaNumber atena) throws Exception {
        try (Connection connection = TestDatabase.get().ownerConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE resident_snapshot SET district_code = '' WHERE tenant_id = ? AND atena_number = ?")) {
            update.setString(1, LEGACY_TOWN.value());
            update.setString(2, atena.value());
            assertThat(update.executeUpdate()).isPositive();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    @Test
    void aTownWithoutResidentsIsRefused() throws Exception {
        // 012203 (demo) has residents; a code with no town at all must not export anything either.
        Path output = temporary.resolve("none");
        Run refused = jc("export", "--tenant", "019999", "--out", output.toString());
        assertThat(refused.exit()).isNotZero();
        assertThat(output.resolve("data_d0101.csv")).doesNotExist();
    }

    private List<Member> aHouseholdOfThree() throws Exception {
        try (Connection connection = TestDatabase.get().ownerConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT atena_number, household_number, history_number, relationship, name FROM resident_current
                         WHERE tenant_id = ? AND status = 'RESIDENT' AND household_number IN (
                            SELECT household_number FROM resident_current WHERE tenant_id = ? AND status = 'RESIDENT'
                             GROUP BY household_number HAVING COUNT(*) >= 3
                               AND SUM(CASE WHEN relationship = '世帯主' THEN 1 ELSE 0 END) = 1)
                         ORDER BY household_number, atena_number""")) {
            select.setString(1, TOWN.value());
            select.setString(2, TOWN.value());
            Map<String, List<Member>> households = new java.util.LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    households.computeIfAbsent(rows.getString(2), key -> new ArrayList<>()).add(new Member(rows.getString(1),
                            rows.getString(2), rows.getInt(3), rows.getString(4), rows.getString(5)));
                }
            }
            assertThat(households).as("the generated town has a household of three").isNotEmpty();
            return households.values().iterator().next();
        }
    }

    private String districtOf(String atena) throws Exception {
        try (Connection connection = TestDatabase.get().ownerConnection();
                PreparedStatement select = connection.prepareStatement("SELECT s.district_code FROM resident_snapshot s "
                        + "JOIN resident_current c ON c.tenant_id = s.tenant_id AND c.atena_number = s.atena_number "
                        + "AND c.history_number = s.history_number WHERE s.tenant_id = ? AND s.atena_number = ?")) {
            select.setString(1, TOWN.value());
            select.setString(2, atena);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /**
     * Runs a command against the run's database with the service's 個人番号 key (with {@code --db} the tool would
     * otherwise take ./data's key, and could not read what the service recorded).
     */
    private static Run jc(String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of(arguments));
        TestDatabase database = TestDatabase.get();
        if (database.isPostgres()) {
            all.addAll(List.of("--db", database.url()));
        } else {
            all.addAll(List.of("--data", database.dataDirectory().toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path keyFile = database.dataDirectory().resolve("individual-number.key");
        String previous = System.getProperty(RegistryBulkWriter.KeySource.PROPERTY);
        System.setProperty(RegistryBulkWriter.KeySource.PROPERTY, Files.readString(keyFile).strip());
        try {
            int exit = JichitaiCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute(all.toArray(String[]::new));
            return new Run(exit, out.toString(), err.toString());
        } finally {
            if (previous == null) {
                System.clearProperty(RegistryBulkWriter.KeySource.PROPERTY);
            } else {
                System.setProperty(RegistryBulkWriter.KeySource.PROPERTY, previous);
            }
        }
    }

    private static List<TableChecksum> checksums(TenantCode tenant) throws Exception {
        try (Connection connection = TestDatabase.get().ownerConnection()) {
            return TenantVault.checksums(connection, tenant);
        }
    }

    private static Map<TenantCode, List<TableChecksum>> otherTowns() throws Exception {
        Map<TenantCode, List<TableChecksum>> checksums = new HashMap<>();
        for (TenantCode town : OTHER_TOWNS) {
            checksums.put(town, checksums(town));
        }
        return checksums;
    }
}
