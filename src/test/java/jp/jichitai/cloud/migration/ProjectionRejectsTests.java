package jp.jichitai.cloud.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.jichitai.cloud.migrationformat.RejectsWriter;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.synthetic.SyntheticDataset;
import jp.jichitai.cloud.synthetic.SyntheticRegistry;

/**
 * A row that passes the layout's checks but that the resident registry cannot hold (a 履歴番号 gap): with a rejects
 * file its whole household goes there byte for byte (the row with its error, the household's other rows and the
 * members' data_d0301/data_d0603 rows with E-MIG-0603), everything else is imported into the registry and read =
 * imported + rejected; without one the import is void, naming file, line and column, and nothing is written.
 */
class ProjectionRejectsTests {

    private static final TenantCode TOWN = TenantCode.of("013706");

    @TempDir
    static Path temporary;

    private static MigrationDatabaseFixture database;

    @BeforeAll
    static void database() throws Exception {
        // In the PostgreSQL execution (jc.test.db=postgresql) on PostgreSQL, where the registry's rows are COPYed
        // and the search keys staged: the households left out must stay out of both.
        MigrationDatabaseFixture postgres = "postgresql".equals(System.getProperty("jc.test.db"))
                ? MigrationDatabaseFixture.postgresOrNull(temporary.resolve("data"), TOWN.value()) : null;
        database = postgres != null ? postgres : MigrationDatabaseFixture.h2(temporary.resolve("data"), TOWN.value());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    /** The input with one 履歴番号 gap; returns the broken line (1-based) and the household's 宛名番号. */
    record Broken(Path folder, long gapLine, Set<String> household) {
    }

    private static Broken broken(String name) throws Exception {
        Path input = Files.createDirectories(temporary.resolve(name));
        SyntheticDataset.write(SyntheticRegistry.of(TOWN, 515L), 80, input);
        List<byte[]> lines = lines(input.resolve("data_d0101.csv"));
        List<String[]> rows = decoded(input.resolve("data_d0101.csv"));
        Map<String, String> currentHousehold = new HashMap<>();
        for (String[] row : rows) {
            currentHousehold.put(row[0], row[2]); // rows of a person run oldest first: the last one wins
        }
        int gap = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i)[1].equals("2")) {
                gap = i;
            }
        }
        assertThat(gap).as("a person with a second 履歴番号").isNotNegative();
        String household = currentHousehold.get(rows.get(gap)[0]);
        Set<String> members = new TreeSet<>();
        currentHousehold.forEach((atena, number) -> {
            if (number.equals(household)) {
                members.add(atena);
            }
        });
        // "2" becomes "3": valid for the layout (no duplicate key), but the history runs 1, 3.
        String text = new String(lines.get(gap), MigrationDatabaseFixture.CP932);
        String[] fields = text.split(",", -1);
        fields[1] = "3";
        lines.set(gap, String.join(",", fields).getBytes(MigrationDatabaseFixture.CP932));
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        lines.forEach(whole::writeBytes);
        Files.write(input.resolve("data_d0101.csv"), whole.toByteArray());
        return new Broken(input, gap + 1, members);
    }

    @Test
    void withRejectsTheRefusedHouseholdGoesToTheRejectsFileAndTheRestIsImported() throws Exception {
        Broken broken = broken("with-rejects");
        Path input = broken.folder();
        Path rejectsFile = temporary.resolve("rejects.txt");
        // And a row the layout refuses (性別 7) of a one-row person elsewhere: rejected while loading, as before,
        // and the projection still writes everyone else.
        List<String[]> rows = decoded(input.resolve("data_d0101.csv"));
        Map<String, Long> rowsPerPerson = new HashMap<>();
        rows.forEach(fields -> rowsPerPerson.merge(fields[0], 1L, Long::sum));
        int badSex = 0;
        while (broken.household().contains(rows.get(badSex)[0]) || rowsPerPerson.get(rows.get(badSex)[0]) != 1) {
            badSex++;
        }
        List<byte[]> residentLines = lines(input.resolve("data_d0101.csv"));
        String[] fields = new String(residentLines.get(badSex), MigrationDatabaseFixture.CP932).split(",", -1);
        fields[12] = "7";
        residentLines.set(badSex, String.join(",", fields).getBytes(MigrationDatabaseFixture.CP932));
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        residentLines.forEach(whole::writeBytes);
        Files.write(input.resolve("data_d0101.csv"), whole.toByteArray());
        long badSexLine = badSex + 1;

        ImportReport report;
        try (Connection connection = database.open()) {
            report = RegistryImport.run(connection,
                    ImportRequest.of(TOWN, input).replacing().withRejects(rejectsFile));
        }

        assertThat(report.outcome()).as(report.problems().errorLines().toString()).isEqualTo(ImportReport.Outcome.IMPORTED);
        assertThat(report.files()).allSatisfy(file -> assertThat(file.addsUp()).as(file.fileName()).isTrue());
        List<RejectsWriter.RejectedRow> rejected = RejectsWriter.read(rejectsFile);
        assertThat(report.rowsRejected()).isEqualTo(rejected.size());
        assertThat(report.files().get(1).imported()).isPositive();
        Map<String, List<byte[]>> inputLines = new LinkedHashMap<>();
        for (String file : List.of("data_cyonei.csv", "data_d0101.csv", "data_d0301.csv", "data_d0603.csv")) {
            inputLines.put(file, lines(input.resolve(file)));
        }
        assertThat(rejected).filteredOn(row -> row.line() == badSexLine && row.fileName().equals("data_d0101.csv"))
                .singleElement().satisfies(row -> assertThat(row.reasons().toString()).isEqualTo("[E-MIG-0104:13]"));
        rejected = rejected.stream().filter(row -> row.line() != badSexLine || !row.fileName().equals("data_d0101.csv"))
                .toList();
        // Every rejected row is its input line byte for byte, and belongs to the refused household.
        for (RejectsWriter.RejectedRow row : rejected) {
            assertThat(row.bytes()).isEqualTo(inputLines.get(row.fileName()).get((int) row.line() - 1));
            String atena = new String(row.bytes(), MigrationDatabaseFixture.CP932).split(",", -1)[0];
            assertThat(broken.household()).contains(atena);
        }
        assertThat(rejected).filteredOn(row -> row.fileName().equals("data_d0101.csv") && row.line() == broken.gapLine())
                .singleElement().satisfies(row -> assertThat(row.reasons().toString()).isEqualTo("[E-MIG-0602:2]"));
        assertThat(rejected).filteredOn(row -> row.line() != broken.gapLine() || !row.fileName().equals("data_d0101.csv"))
                .isNotEmpty().allSatisfy(row -> assertThat(row.reasons().toString()).isEqualTo("[E-MIG-0603:1]"));
        long householdRows = decoded(input.resolve("data_d0101.csv")).stream()
                .filter(row -> broken.household().contains(row[0])).count();
        assertThat(rejected).filteredOn(row -> row.fileName().equals("data_d0101.csv")).hasSize((int) householdRows);
        assertThat(rejected).anySatisfy(row -> assertThat(row.fileName()).isEqualTo("data_d0603.csv"));

        try (Connection connection = database.open()) {
            assertThat(count(connection, "SELECT COUNT(*) FROM resident_snapshot WHERE tenant_id = ?"))
                    .isEqualTo(report.files().get(1).imported());
            assertThat(count(connection, "SELECT COUNT(*) FROM migrated_resident_row WHERE tenant_id = ?"))
                    .isEqualTo(report.files().get(1).imported());
            for (String atena : broken.household()) {
                assertThat(count(connection, "SELECT COUNT(*) FROM resident_snapshot WHERE tenant_id = ? AND atena_number = '"
                        + atena + "'")).isZero();
            }
            // What was imported comes back out: the input without the rejected lines.
            Path output = temporary.resolve("exported");
            assertThat(RegistryExport.run(connection, TOWN, output, "test").written()).isTrue();
            for (String file : inputLines.keySet()) {
                List<String> expected = new ArrayList<>();
                List<byte[]> fileLines = inputLines.get(file);
                for (int i = 0; i < fileLines.size(); i++) {
                    int line = i + 1;
                    boolean left = rejected.stream().anyMatch(row -> row.fileName().equals(file) && row.line() == line)
                            || file.equals("data_d0101.csv") && line == badSexLine;
                    if (!left) {
                        expected.add(new String(fileLines.get(i), MigrationDatabaseFixture.CP932).stripTrailing());
                    }
                }
                assertThat(MigrationDatabaseFixture.decodedLines(output.resolve(file))).as(file)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void withoutRejectsARowTheRegistryCannotHoldVoidsTheImportAtItsLineAndColumn() throws Exception {
        Broken broken = broken("without-rejects");
        try (Connection connection = database.open()) {
            long before = count(connection, "SELECT COUNT(*) FROM resident_snapshot WHERE tenant_id = ?")
                    + count(connection, "SELECT COUNT(*) FROM migrated_resident_row WHERE tenant_id = ?");
            ImportReport report = RegistryImport.run(connection, ImportRequest.of(TOWN, broken.folder()).replacing());

            assertThat(report.outcome()).isEqualTo(ImportReport.Outcome.INVALID);
            assertThat(report.problems().errorLines()).anySatisfy(line -> assertThat(line)
                    .startsWith("data_d0101.csv:" + broken.gapLine() + ":2: E-MIG-0602"));
            assertThat(report.problems().errorLines()).noneSatisfy(line -> assertThat(line).contains("E-MIG-0603"));
            assertThat(count(connection, "SELECT COUNT(*) FROM resident_snapshot WHERE tenant_id = ?")
                    + count(connection, "SELECT COUNT(*) FROM migrated_resident_row WHERE tenant_id = ?")).isEqualTo(before);
        }
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, TOWN.value());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<String[]> decoded(Path file) throws Exception {
        return MigrationDatabaseFixture.decodedLines(file).stream().map(line -> line.split(",", -1)).toList();
    }

    /** The lines of a file with their line breaks. */
    private static List<byte[]> lines(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }
}
