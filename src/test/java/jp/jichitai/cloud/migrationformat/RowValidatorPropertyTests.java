package jp.jichitai.cloud.migrationformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import jp.jichitai.cloud.migrationformat.internal.RecordedDates;
import jp.jichitai.cloud.support.Generators;
import org.junit.jupiter.api.Test;

/**
 * The validator first asks whether a row is clean (its plan on bytes, no reporting) and words problems only
 * for the rows that are not: a row it calls clean must be one the reporting path accepts without a single
 * problem, error or warning, or the two would give different results.
 */
class RowValidatorPropertyTests {

    private final Layout residents = Layouts.version("v0").layout("data_d0101");

    /** Values that hit each column kind's edges: empty, lengths, non-ASCII, kana of both widths, dates, codes, controls. */
    private static final List<String> VALUES = List.of(
            "", "0", "1", "2", "9", "a", "Z", "-", "'", " ", "　", "1a", "12345678901", "123456789018", "123456789012",
            "19700505", "19450000", "00000000", "00001200", "19230229", "20000229", "19000229", "20240431", "20240531",
            "19451300", "19450010", "2024041", "202404011", "2024-4-1", "１９７０", "サトウ", "ヴァ　ー ヶ", "さとう", "ｻﾄｳ",
            "ヽヾ", "・", "世帯主", "子", "子の妻", "長男", "妻", "佐藤", "髙橋", "﨑", "①", "\uE000", "北海道名寄市",
            "Nguyen Van", "Nguyen_Van", "O'Brien", "AB12", "ab-", "中長期在留者", "特別永住者", "永住者", "日本人",
            "佐\t藤", "x\u007F", "\u0007", "一".repeat(20), "一".repeat(21), "ア".repeat(50), "ア".repeat(51), "9".repeat(15),
            "9".repeat(16), "000101", "0961234", "国内転入");

    @Test
    void aRowCalledCleanIsOneTheReportingPathAcceptsWithoutAnyProblem() throws IOException {
        long seed = Generators.seed(20261206L);
        SplittableRandom random = new SplittableRandom(seed);
        int clean = 0;
        int notClean = 0;
        for (int i = 0; i < Generators.CASES; i++) {
            String[] fields = validRow(random.nextBoolean());
            int changes = Generators.between(random, 0, 4);
            for (int c = 0; c < changes; c++) {
                fields[random.nextInt(fields.length)] = Generators.oneOf(random, VALUES);
            }
            // Two lines, so that the second takes the reader's one-pass split (the first non-ASCII line takes the careful one).
            String line = String.join(",", fields);
            byte[] file = (line + "\r\n" + line + "\r\n").getBytes(Cp932CsvReader.CP932);
            MigrationProblems problems = new MigrationProblems();
            RowValidator validator = new RowValidator(residents, "data_d0101.csv", problems);
            try (Cp932CsvReader reader = Cp932CsvReader.of(new ByteArrayInputStream(file), "data_d0101.csv", residents, false,
                    problems, new GaijiTally())) {
                CsvRow row;
                while ((row = reader.next()) != null) {
                    if (row.isMalformed()) {
                        continue;
                    }
                    long before = problems.errorCount() + problems.warningCount();
                    if (validator.isClean(row)) {
                        clean++;
                        assertThat(validator.validateReporting(row)).as("seed %d case %d: %s", seed, i, line).isTrue();
                        assertThat(problems.errorCount() + problems.warningCount()).as("seed %d case %d: %s", seed, i, line).isEqualTo(before);
                    } else {
                        notClean++;
                    }
                }
            }
        }
        assertThat(clean).isPositive();
        assertThat(notClean).isPositive();
    }

    @Test
    void aValidRowOfEachKindOfResidentIsClean() throws IOException {
        for (boolean foreign : new boolean[] {false, true}) {
            String line = String.join(",", validRow(foreign));
            byte[] file = (line + "\r\n" + line + "\r\n").getBytes(Cp932CsvReader.CP932);
            MigrationProblems problems = new MigrationProblems();
            try (Cp932CsvReader reader = Cp932CsvReader.of(new ByteArrayInputStream(file), "data_d0101.csv", residents, false,
                    problems, new GaijiTally())) {
                RowValidator validator = new RowValidator(residents, "data_d0101.csv", problems);
                assertThat(validator.validate(reader.next())).isTrue();
                // The second line comes from the reader's one-pass split, which tells the validator it saw no control character.
                assertThat(validator.isClean(reader.next())).as(line).isTrue();
                assertThat(problems.errorCount() + problems.warningCount()).isZero();
            }
        }
    }

    @Test
    void theByteDateCheckAgreesWithRecordedDatesOnEveryYearMonthAndDayShape() {
        byte[] date = new byte[8];
        for (int year : new int[] {0, 1, 4, 100, 1900, 1923, 1945, 1996, 2000, 2023, 2024, 2100, 2400, 9999}) {
            for (int month = 0; month < 100; month++) {
                for (int day = 0; day < 100; day++) {
                    byte[] text = String.format("%04d%02d%02d", year, month, day).getBytes(StandardCharsets.US_ASCII);
                    boolean expected = RecordedDates.check(text, 0, 8) == RecordedDates.Verdict.VALID;
                    assertThat(RowValidator.isCalendarDate(text, 0)).as(new String(text, StandardCharsets.US_ASCII)).isEqualTo(expected);
                }
            }
        }
        for (int position = 0; position < 8; position++) {
            for (int b = 0; b < 256; b++) {
                Arrays.fill(date, (byte) '1');
                date[position] = (byte) b;
                boolean expected = RecordedDates.check(date, 0, 8) == RecordedDates.Verdict.VALID;
                assertThat(RowValidator.isCalendarDate(date, 0)).as("byte %02X at %d", b, position).isEqualTo(expected);
            }
        }
    }

    @Test
    void theByteIndividualNumberCheckAgreesWithTheCharacterCheck() {
        long seed = Generators.seed(20261206L);
        SplittableRandom random = new SplittableRandom(seed);
        int valid = 0;
        for (int i = 0; i < Generators.CASES * 10; i++) {
            String number = Generators.string(random, "0123456789", 11, 11);
            String candidate = random.nextInt(3) == 0 ? number + IndividualNumbers.checkDigitOf(number) : number + random.nextInt(10);
            byte[] bytes = ("x" + candidate + "x").getBytes(StandardCharsets.US_ASCII);
            boolean expected = IndividualNumbers.isValid(candidate);
            valid += expected ? 1 : 0;
            assertThat(IndividualNumbers.isValid(bytes, 1, 13)).as("seed %d: %s", seed, candidate).isEqualTo(expected);
        }
        assertThat(valid).isPositive();
    }

    /** A valid row ({@link RowValidatorTests#residentRow}) with a 個人番号, 住基 flags and, for a 外国人, its items. */
    private static String[] validRow(boolean foreign) {
        String number = "12345678901" + IndividualNumbers.checkDigitOf("12345678901");
        String row = foreign
                ? RowValidatorTests.residentRow(4, "2", 30, number, 32, "1", 36, "1", 40, "ベトナム", 41, "NGUYEN VAN A",
                        44, "中長期在留者", 47, "20300101", 48, "AB12345678CD")
                : RowValidatorTests.residentRow(30, number, 32, "1", 36, "1");
        return row.split(",", -1);
    }
}
