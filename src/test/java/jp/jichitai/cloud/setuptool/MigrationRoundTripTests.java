package jp.jichitai.cloud.setuptool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import jp.jichitai.cloud.migrationformat.Cp932CsvReader;
import jp.jichitai.cloud.migrationformat.Cp932CsvWriter;
import jp.jichitai.cloud.migrationformat.CsvRow;
import jp.jichitai.cloud.migrationformat.GaijiMap;
import jp.jichitai.cloud.migrationformat.GaijiTally;
import jp.jichitai.cloud.migrationformat.Layout;
import jp.jichitai.cloud.migrationformat.Layouts;
import jp.jichitai.cloud.migrationformat.MigrationProblems;
import jp.jichitai.cloud.migrationformat.RowValidator;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.synthetic.SyntheticDataset;
import jp.jichitai.cloud.synthetic.SyntheticRegistry;
import jp.jichitai.cloud.support.Generators;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the format library and the setup tool over generated datasets (decision 0005: seeded cases). */
class MigrationRoundTripTests {

    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final List<String> LAYOUTS = List.of("data_cyonei", "data_d0101", "data_d0301", "data_d0603");

    private static final int CASES = 25;

    static Stream<Arguments> datasets() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(Generators.seed(932L));
        return Stream.generate(() -> Arguments.of(Generators.oneOf(random, List.of("012211", "012203", "013706")),
                random.nextLong(), Generators.between(random, 1, 150))).limit(CASES);
    }

    static Stream<Arguments> damagedDatasets() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(Generators.seed(933L));
        return Stream.generate(() -> Arguments.of(random.nextLong(), Generators.between(random, 1, 120),
                Generators.between(random, 0, 5), random.nextLong())).limit(CASES);
    }

    @ParameterizedTest(name = "tenant {0}, seed {1}, {2} residents")
    @MethodSource("datasets")
    void anyGeneratedDatasetSurvivesWriteReadWriteWithIdenticalText(String tenant, long seed, int residents)
            throws IOException {
        Path folder = Files.createTempDirectory("roundtrip");
        try {
            SyntheticDataset.write(SyntheticRegistry.of(TenantCode.of(tenant), seed), residents, folder);
            Layouts layouts = Layouts.version("v0");
            for (String name : LAYOUTS) {
                Layout layout = layouts.layout(name);
                MigrationProblems problems = new MigrationProblems();
                ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
                try (Cp932CsvReader reader = Cp932CsvReader.open(folder.resolve(layout.fileName()), layout, false, problems, new GaijiTally());
                        Cp932CsvWriter writer = new Cp932CsvWriter(rewritten, layout.fileName(), layout, GaijiMap.none(), problems)) {
                    RowValidator validator = new RowValidator(layout, layout.fileName(), problems);
                    CsvRow row;
                    while ((row = reader.next()) != null) {
                        assertThat(validator.validate(row)).as(() -> String.join("\n", problems.errorLines())).isTrue();
                        String[] fields = new String[row.fieldCount()];
                        for (int i = 1; i <= fields.length; i++) {
                            fields[i - 1] = row.field(i);
                        }
                        assertThat(writer.writeRow(fields, fields[0])).isTrue();
                    }
                }
                assertThat(problems.hasErrors()).isFalse();
                String original = new String(Files.readAllBytes(folder.resolve(layout.fileName())), CP932);
                assertThat(rewritten.toString(CP932)).isEqualTo(original);
            }
        } finally {
            delete(folder);
        }
    }

    @ParameterizedTest(name = "seed {0}, {1} residents, {2} damaged lines, damage seed {3}")
    @MethodSource("damagedDatasets")
    void everyRowReadIsUsedOrRejectedEvenWhenRowsAreDamaged(long seed, int residents, int damagedLines, long damageSeed)
            throws IOException {
        Path folder = Files.createTempDirectory("reconcile");
        try {
            SyntheticDataset.write(SyntheticRegistry.of(TenantCode.of("012211"), seed), residents, folder);
            damage(folder.resolve("data_d0101.csv"), damagedLines, damageSeed);
            damage(folder.resolve("data_d0603.csv"), damagedLines, damageSeed + 1);

            SetupResult result = DataSetup.run(DataSetup.Options.of(folder, folder.resolve("out").resolve("import.csv")));

            for (FileReconciliation input : result.inputs()) {
                assertThat(input.read()).as(input.fileName()).isEqualTo(input.used() + input.rejected());
            }
            assertThat(Files.exists(folder.resolve("out").resolve("import.csv"))).isEqualTo(result.succeeded());
            if (result.succeeded()) {
                assertThat(result.rowsWritten()).isEqualTo(result.inputs().get(1).used());
            }
        } finally {
            delete(folder);
        }
    }

    /** Replaces some lines with broken ones: a field too many, a letter in a number, a lone lead byte. */
    private static void damage(Path file, int lines, long seed) throws IOException {
        List<byte[]> rows = new java.util.ArrayList<>();
        for (String line : new String(Files.readAllBytes(file), CP932).split("\r\n")) {
            if (!line.isEmpty()) {
                rows.add(line.getBytes(CP932));
            }
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < lines && !rows.isEmpty(); i++) {
            int at = random.nextInt(rows.size());
            byte[] row = rows.get(at);
            rows.set(at, switch (random.nextInt(3)) {
                case 0 -> (new String(row, CP932) + ",").getBytes(CP932);
                case 1 -> ("X" + new String(row, CP932)).getBytes(CP932);
                default -> concat(row, new byte[] {(byte) 0x81});
            });
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] row : rows) {
            out.writeBytes(row);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        Files.write(file, out.toByteArray());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
