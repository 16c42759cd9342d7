package jp.jichitai.cloud.migrationformat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.synthetic.SyntheticDataset;
import jp.jichitai.cloud.synthetic.SyntheticRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The migration library's reader and validator on a generated data_d0101.csv held in memory (no disk):
 * milliseconds to read the whole file, to read and validate it, and — the comparison run — to decode the
 * same bytes with the JDK's reporting Windows-31J decoder into one String (what a naive reader does first).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReaderValidatorBenchmark {

    @Param({"20000"})
    public int residents;

    private byte[] file;
    private Layout layout;

    @Setup
    public void generate() throws IOException {
        Path folder = Files.createTempDirectory("migration-benchmark");
        try {
            SyntheticDataset.write(SyntheticRegistry.of(TenantCode.of("012211"), 1), residents, folder);
            file = Files.readAllBytes(folder.resolve("data_d0101.csv"));
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        layout = Layouts.version("v0").layout("data_d0101");
        long lines = 0;
        for (byte b : file) {
            lines += b == '\n' ? 1 : 0;
        }
        if (readAndValidate() != lines) {
            throw new IllegalStateException("every row of the generated file should be valid");
        }
    }

    /** Prints the size of the benchmark's file (bytes and lines) for residents given as the argument. */
    public static void main(String[] arguments) throws IOException {
        ReaderValidatorBenchmark benchmark = new ReaderValidatorBenchmark();
        benchmark.residents = Integer.parseInt(arguments[0]);
        benchmark.generate();
        long lines = 0;
        for (byte b : benchmark.file) {
            lines += b == '\n' ? 1 : 0;
        }
        System.out.println(benchmark.file.length + " " + lines);
    }

    @Benchmark
    public long read() {
        MigrationProblems problems = new MigrationProblems();
        long fields = 0;
        try (Cp932CsvReader reader = Cp932CsvReader.of(new ByteArrayInputStream(file), "data_d0101.csv", layout, false, problems,
                new GaijiTally())) {
            CsvRow row;
            while ((row = reader.next()) != null) {
                fields += row.fieldCount();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    /** Reads and validates; returns the number of valid rows. */
    @Benchmark
    public long readAndValidate() {
        MigrationProblems problems = new MigrationProblems();
        RowValidator validator = new RowValidator(layout, "data_d0101.csv", problems);
        long validRows = 0;
        try (Cp932CsvReader reader = Cp932CsvReader.of(new ByteArrayInputStream(file), "data_d0101.csv", layout, false, problems,
                new GaijiTally())) {
            CsvRow row;
            while ((row = reader.next()) != null) {
                if (!row.isMalformed() && validator.validate(row)) {
                    validRows++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return validRows;
    }

    /** The comparison run: the JDK's reporting decoder over the same bytes. */
    @Benchmark
    public int jdkDecode() throws CharacterCodingException {
        CharsetDecoder decoder = Cp932CsvReader.CP932.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(file)).length();
    }
}
