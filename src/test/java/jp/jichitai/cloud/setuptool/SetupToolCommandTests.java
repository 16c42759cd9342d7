package jp.jichitai.cloud.setuptool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.synthetic.SyntheticDataset;
import jp.jichitai.cloud.synthetic.SyntheticRegistry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SetupToolCommandTests {

    private static final Pattern ERROR_LINE = Pattern.compile("^([^:\\s]+:\\d+:\\d+: E-MIG-\\d{4}) .*$");
    private static final Charset CP932 = Charset.forName("windows-31j");

    @TempDir
    Path temporary;

    record Run(int exitCode, String standardError) {
        List<String> errorLocations() {
            return standardError.lines().map(ERROR_LINE::matcher).filter(Matcher::matches).map(matcher -> matcher.group(1)).toList();
        }
    }

    private Run run(String... arguments) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new SetupToolCommand()).setErr(new PrintWriter(err)).execute(arguments);
        return new Run(exit, err.toString());
    }

    /** The head start the command takes in the background must really run the reader, validator and writer. */
    @Test
    void theBackgroundPreparationReadsItsRowInMemoryWithoutAProblem() throws IOException {
        assertThat(DataSetup.prepare()).isTrue();
    }

    @Test
    void writesTheHandWrittenExpectedImportFileForTheValidDataset() throws IOException {
        Path output = temporary.resolve("out").resolve("import.csv");
        Path report = temporary.resolve("report.txt");

        Run run = run("--in", MigrationCorpus.valid().toString(), "--out", output.toString(), "--report", report.toString());

        assertThat(run.exitCode()).as(run.standardError()).isZero();
        assertThat(Files.readAllBytes(output)).isEqualTo(Files.readAllBytes(MigrationCorpus.valid().resolve("expected-output.csv")));
        assertThat(Files.readString(report, StandardCharsets.UTF_8))
                .contains("入力 data_d0101.csv: 読込 14 行 = 使用 8 行 + 除外 6 行")
                .contains("U+E000 × 3")
                .contains("出力 import.csv: 書込 8 行");
        assertThat(run.standardError()).contains("data_d0101.csv:2:12: W-MIG-0001");
        try (Stream<Path> leftovers = Files.list(output.getParent())) {
            assertThat(leftovers).containsExactly(output);
        }
    }

    @TestFactory
    Stream<DynamicTest> reportsEachBadCorpusCaseAtItsLineAndColumnAndWritesNothing() throws IOException {
        return MigrationCorpus.badCases().stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            Path output = temporary.resolve(folder.getFileName() + ".csv");
            List<String> expected = Files.readAllLines(folder.resolve("expected-errors.txt")).stream().filter(line -> !line.isBlank()).toList();

            Run run = run("--in", folder.toString(), "--out", output.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errorLocations()).as(run.standardError()).containsExactlyElementsOf(expected);
            assertThat(output).doesNotExist();
            try (Stream<Path> files = Files.list(temporary)) {
                assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
            }
        }));
    }

    @Test
    void namesTheSkipHeaderOptionAndAcceptsTheFileWithIt() throws IOException {
        Path folder = MigrationCorpus.root().resolve("bad/header-row");
        Run refused = run("--in", folder.toString(), "--out", temporary.resolve("a.csv").toString());
        assertThat(refused.standardError()).contains("--skip-header");

        Path input = temporary.resolve("in");
        Files.createDirectories(input);
        for (String name : List.of("data_cyonei.csv", "data_d0101.csv", "data_d0301.csv", "data_d0603.csv")) {
            List<byte[]> lines = List.of(("見出し\r\n").getBytes(CP932), Files.readAllBytes(folder.resolve(name)));
            Files.write(input.resolve(name), name.equals("data_d0101.csv") ? lines.get(1) : concat(lines.get(0), lines.get(1)));
        }
        Run accepted = run("--in", input.toString(), "--out", temporary.resolve("b.csv").toString(), "--skip-header");
        assertThat(accepted.exitCode()).as(accepted.standardError()).isZero();
        assertThat(Files.readAllBytes(temporary.resolve("b.csv")))
                .isEqualTo(Files.readAllBytes(MigrationCorpus.valid().resolve("expected-output.csv")));
    }

    @Test
    void acceptsEmptyLegacyAndIncomeFiles() throws IOException {
        Path input = temporary.resolve("in");
        Files.createDirectories(input);
        MigrationCorpus.copyValidInto(input);
        Files.write(input.resolve("data_d0301.csv"), new byte[0]);
        Files.write(input.resolve("data_d0603.csv"), new byte[0]);

        Run run = run("--in", input.toString(), "--out", temporary.resolve("out.csv").toString());

        assertThat(run.exitCode()).as(run.standardError()).isZero();
        List<String> rows = Arrays.asList(new String(Files.readAllBytes(temporary.resolve("out.csv")), CP932).split("\r\n"));
        assertThat(rows).hasSize(9);
        assertThat(rows.get(7)).startsWith("100000088,").endsWith(",外国人,韓国,,,1,,");
    }

    @Test
    void substitutesGaijiFromTheMap() throws IOException {
        Path map = temporary.resolve("gaiji.tsv");
        Files.writeString(map, "# 名寄市 外字\nU+E000\t豊\n", StandardCharsets.UTF_8);

        Run run = run("--in", MigrationCorpus.valid().toString(), "--out", temporary.resolve("out.csv").toString(), "--gaiji", map.toString());

        assertThat(run.exitCode()).as(run.standardError()).isZero();
        String output = new String(Files.readAllBytes(temporary.resolve("out.csv")), CP932);
        assertThat(output).contains("100000100,600000001,工藤　豊子,").doesNotContain("\uE000");
    }

    @Test
    void refusesAGaijiSubstituteThatCp932CannotHoldNamingThePersonAndField() throws IOException {
        Path map = temporary.resolve("gaiji.tsv");
        Files.writeString(map, "U+E000\t\uD842\uDFB7\n", StandardCharsets.UTF_8);
        Path output = temporary.resolve("out.csv");

        Run run = run("--in", MigrationCorpus.valid().toString(), "--out", output.toString(), "--gaiji", map.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.standardError()).contains("out.csv:9:3: E-MIG-0301 氏名").contains("宛名番号 100000100").contains("U+20BB7");
        assertThat(output).doesNotExist();
    }

    @Test
    void refusesAMalformedGaijiMapWithItsLineNumber() throws IOException {
        Path map = temporary.resolve("gaiji.tsv");
        Files.writeString(map, "U+E000\t豊\nE001 吉\n", StandardCharsets.UTF_8);

        Run run = run("--in", MigrationCorpus.valid().toString(), "--out", temporary.resolve("out.csv").toString(), "--gaiji", map.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.standardError()).contains("E-MIG-0302").contains("2 行目");
    }

    @Test
    void listsErrorsUpToTheLimitThenCountsTheRest() throws IOException {
        Path input = temporary.resolve("in");
        Files.createDirectories(input);
        MigrationCorpus.copyValidInto(input);
        String badRow = "100000999,1,700000001,1,1,佐藤,,,,,,1980,9,世帯主,佐藤,,,19800401,000101,住所,,,19800401,,,転入,19800401,,,,,,,,,,,20240401,,,,,,,,,,,\r\n";
        Files.write(input.resolve("data_d0101.csv"), badRow.repeat(5).getBytes(CP932), java.nio.file.StandardOpenOption.APPEND);

        Run run = run("--in", input.toString(), "--out", temporary.resolve("out.csv").toString(), "--error-limit", "3");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errorLocations()).hasSize(3);
        assertThat(run.standardError()).contains("E-MIG-0009 ほかに 7 件のエラーがあります");
    }

    /**
     * data_d0301 and data_d0603 are read by a second thread beside data_d0101: their errors must still be listed after
     * data_d0101's, in file order, with their own lines, and the list limit must count across the files.
     */
    @Test
    void listsErrorsOfEveryFileInFileOrderWhileTheFilesAreReadInParallel() throws IOException {
        Path input = temporary.resolve("in");
        Files.createDirectories(input);
        MigrationCorpus.copyValidInto(input);
        List<String> files = List.of("data_d0101.csv", "data_d0301.csv", "data_d0603.csv");
        List<String> expected = new java.util.ArrayList<>();
        for (String file : files) {
            long lines = Files.readAllLines(input.resolve(file), CP932).size();
            Files.write(input.resolve(file), "X,Y\r\n".repeat(2).getBytes(CP932), java.nio.file.StandardOpenOption.APPEND);
            expected.add(file + ":" + (lines + 1) + ": E-MIG-0007");
            expected.add(file + ":" + (lines + 2) + ": E-MIG-0007");
        }

        for (int attempt = 0; attempt < 5; attempt++) {
            Run run = run("--in", input.toString(), "--out", temporary.resolve("out.csv").toString());
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(withoutColumns(run)).containsExactlyElementsOf(expected);
            assertThat(temporary.resolve("out.csv")).doesNotExist();
        }
        Run limited = run("--in", input.toString(), "--out", temporary.resolve("out.csv").toString(), "--error-limit", "3");
        assertThat(withoutColumns(limited)).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(limited.standardError()).contains("E-MIG-0009 ほかに 3 件のエラーがあります");
    }

    /**
     * From {@code jc.setup.write-in-two-from} current residents the import file is written by two threads in slices;
     * here from one resident and in slices of one household, so the eight residents of the valid dataset are written
     * in several slices by both threads: the same bytes as the hand-written file, no other file left, the same output
     * with a 外字 map, and an unmappable substitute reported with the same output line as when one thread writes (the
     * slices are thrown away and the file written again by one).
     */
    @Test
    void writingInSlicesGivesTheSameFileAndTheSameErrors() throws IOException {
        Path gaijiMap = temporary.resolve("gaiji.tsv");
        Files.writeString(gaijiMap, "U+E000\t豊\n", StandardCharsets.UTF_8);
        Path badMap = temporary.resolve("bad-gaiji.tsv");
        Files.writeString(badMap, "U+E000\t\uD842\uDFB7\n", StandardCharsets.UTF_8);
        Path oneThread = temporary.resolve("one").resolve("mapped.csv");
        assertThat(run("--in", MigrationCorpus.valid().toString(), "--out", oneThread.toString(), "--gaiji", gaijiMap.toString())
                .exitCode()).isZero();
        Path generated = temporary.resolve("generated");
        SyntheticDataset.write(SyntheticRegistry.of(TenantCode.of("012211"), 5L), 3000, generated);
        Path generatedByOne = temporary.resolve("one").resolve("generated.csv");
        Path generatedByOneReport = temporary.resolve("one").resolve("generated.txt");
        assertThat(run("--in", generated.toString(), "--out", generatedByOne.toString(), "--report", generatedByOneReport.toString())
                .exitCode()).isZero();
        String previous = System.getProperty(DataSetup.WRITE_IN_TWO_FROM);
        System.setProperty(DataSetup.WRITE_IN_TWO_FROM, "1");
        System.setProperty(DataSetup.WRITE_SLICE_ROWS, "1");
        try {
            Path output = temporary.resolve("two").resolve("import.csv");
            Run run = run("--in", MigrationCorpus.valid().toString(), "--out", output.toString());
            assertThat(run.exitCode()).as(run.standardError()).isZero();
            assertThat(Files.readAllBytes(output)).isEqualTo(Files.readAllBytes(MigrationCorpus.valid().resolve("expected-output.csv")));
            try (Stream<Path> leftovers = Files.list(output.getParent())) {
                assertThat(leftovers).containsExactly(output);
            }

            // Thousands of slices of one household, made by both threads in turns and written as they come in.
            Path generatedInSlices = temporary.resolve("two").resolve("generated.csv");
            Path generatedInSlicesReport = temporary.resolve("generated-in-slices.txt");
            assertThat(run("--in", generated.toString(), "--out", generatedInSlices.toString(), "--report",
                    generatedInSlicesReport.toString()).exitCode()).isZero();
            assertThat(Files.readAllBytes(generatedInSlices)).isEqualTo(Files.readAllBytes(generatedByOne));
            assertThat(Files.readString(generatedInSlicesReport)).isEqualTo(Files.readString(generatedByOneReport));

            Path mapped = temporary.resolve("two").resolve("mapped.csv");
            assertThat(run("--in", MigrationCorpus.valid().toString(), "--out", mapped.toString(), "--gaiji", gaijiMap.toString())
                    .exitCode()).isZero();
            assertThat(Files.readAllBytes(mapped)).isEqualTo(Files.readAllBytes(oneThread));

            Path refused = temporary.resolve("two").resolve("out.csv");
            Run bad = run("--in", MigrationCorpus.valid().toString(), "--out", refused.toString(), "--gaiji", badMap.toString());
            assertThat(bad.exitCode()).isEqualTo(1);
            assertThat(bad.standardError()).contains("out.csv:9:3: E-MIG-0301 氏名").contains("宛名番号 100000100");
            assertThat(refused).doesNotExist();
            try (Stream<Path> leftovers = Files.list(refused.getParent())) {
                assertThat(leftovers).containsExactlyInAnyOrder(output, generatedInSlices, mapped);
            }
        } finally {
            System.clearProperty(DataSetup.WRITE_SLICE_ROWS);
            if (previous == null) {
                System.clearProperty(DataSetup.WRITE_IN_TWO_FROM);
            } else {
                System.setProperty(DataSetup.WRITE_IN_TWO_FROM, previous);
            }
        }
    }

    /**
     * From {@code jc.setup.read-in-two-from} bytes data_d0101 is read in two parts by two threads; here from one byte,
     * so every input is split. A generated dataset, the valid corpus and every bad case give the same exit code, output
     * bytes, report (counts, 外字 and their first places, warnings) and error list as one pass; where a part has an
     * error or a key is in both parts, the file is read again in one pass.
     */
    @Test
    void readingData0101InTwoPartsGivesWhatOnePassGives() throws IOException {
        Path generated = temporary.resolve("generated");
        SyntheticDataset.write(SyntheticRegistry.of(TenantCode.of("012211"), 4L), 3000, generated);
        List<Path> inputs = new ArrayList<>(List.of(generated, MigrationCorpus.valid()));
        inputs.addAll(MigrationCorpus.badCases());
        String previous = System.getProperty(DataSetup.READ_IN_TWO_FROM);
        try {
            for (Path input : inputs) {
                String name = input.getFileName().toString();
                System.clearProperty(DataSetup.READ_IN_TWO_FROM);
                Path onePass = temporary.resolve("one-" + name).resolve("import.csv");
                Path oneReport = temporary.resolve("one-" + name + ".txt");
                Run one = run("--in", input.toString(), "--out", onePass.toString(), "--report", oneReport.toString());
                System.setProperty(DataSetup.READ_IN_TWO_FROM, "1");
                Path inTwo = temporary.resolve("two-" + name).resolve("import.csv");
                Path twoReport = temporary.resolve("two-" + name + ".txt");
                Run two = run("--in", input.toString(), "--out", inTwo.toString(), "--report", twoReport.toString());

                assertThat(two.exitCode()).as(name).isEqualTo(one.exitCode());
                assertThat(withoutSplitLine(two.standardError())).as(name).isEqualTo(one.standardError());
                assertThat(Files.exists(inTwo)).as(name).isEqualTo(Files.exists(onePass));
                if (Files.exists(onePass)) {
                    assertThat(Files.readAllBytes(inTwo)).as(name).isEqualTo(Files.readAllBytes(onePass));
                }
                assertThat(Files.readString(twoReport)).as(name).isEqualTo(Files.readString(oneReport));
                if (name.equals("generated")) {
                    assertThat(two.standardError()).contains("data_d0101.csv: ").contains(" バイト目からは別のスレッドで読みます");
                    assertThat(one.exitCode()).as(one.standardError()).isZero();
                }
            }
        } finally {
            if (previous == null) {
                System.clearProperty(DataSetup.READ_IN_TWO_FROM);
            } else {
                System.setProperty(DataSetup.READ_IN_TWO_FROM, previous);
            }
        }
    }

    private static String withoutSplitLine(String standardError) {
        return standardError.lines().filter(line -> !line.endsWith(" バイト目からは別のスレッドで読みます"))
                .map(line -> line + System.lineSeparator()).collect(java.util.stream.Collectors.joining());
    }

    /** FILE:LINE: ID of each listed error (the column of a wrong field count is not what this test is about). */
    private static List<String> withoutColumns(Run run) {
        return run.errorLocations().stream().map(location -> location.replaceFirst(":\\d+: ", ": ")).toList();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}
