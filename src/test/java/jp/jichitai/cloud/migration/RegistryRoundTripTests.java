package jp.jichitai.cloud.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.support.Generators;
import jp.jichitai.cloud.synthetic.SyntheticDataset;
import jp.jichitai.cloud.synthetic.SyntheticRegistry;

/**
 * Property: any generated dataset (history rows, 除票, foreign residents, 外字, 髙/﨑 in both byte codes, unknown
 * and impossible dates) survives import → export with identical decoded text, file by file, and the import's
 * reconciliation adds up. Seeded cases (decision 0005), several towns and sizes, on H2.
 */
class RegistryRoundTripTests {

    private static final int CASES = 8;
    private static final List<String> TOWNS = List.of("012211", "012203", "013706");

    @TempDir
    static Path temporary;

    private static MigrationDatabaseFixture database;

    @BeforeAll
    static void database() throws Exception {
        database = MigrationDatabaseFixture.h2(temporary.resolve("data"), TOWNS.toArray(String[]::new));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    static Stream<Arguments> datasets() {
        SplittableRandom random = new SplittableRandom(Generators.seed(2004L));
        return Stream.generate(() -> Arguments.of(Generators.oneOf(random, TOWNS), random.nextLong(),
                Generators.between(random, 1, 400))).limit(CASES);
    }

    @ParameterizedTest(name = "tenant {0}, seed {1}, {2} residents")
    @MethodSource("datasets")
    void anyGeneratedDatasetComesBackWithIdenticalText(String tenant, long seed, int residents) throws Exception {
        Path input = Files.createDirectories(temporary.resolve("in-" + seed));
        Path output = temporary.resolve("out-" + seed);
        SyntheticDataset.write(SyntheticRegistry.of(TenantCode.of(tenant), seed), residents, input);

        ImportReport imported;
        ExportReport exported;
        try (Connection connection = database.open()) {
            imported = RegistryImport.run(connection, ImportRequest.of(TenantCode.of(tenant), input).replacing());
            exported = RegistryExport.run(connection, TenantCode.of(tenant), output, "test");
        }

        assertThat(imported.outcome()).as(imported.problems().errorLines().toString())
                .isEqualTo(ImportReport.Outcome.IMPORTED);
        assertThat(imported.files()).allSatisfy(file -> assertThat(file.addsUp()).as(file.fileName()).isTrue());
        assertThat(imported.rowsRejected()).isZero();
        assertThat(exported.written()).as(exported.problems().errorLines().toString()).isTrue();
        assertThat(MigrationDatabaseFixture.decodedFiles(output))
                .containsExactlyElementsOf(MigrationDatabaseFixture.decodedFiles(input));
        assertThat(exported.totalLines()).isEqualTo(imported.rowsImported());
    }
}
