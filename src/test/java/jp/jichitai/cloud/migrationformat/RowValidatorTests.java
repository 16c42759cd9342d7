package jp.jichitai.cloud.migrationformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowValidatorTests {

    private static final Charset CP932 = Charset.forName("windows-31j");
    private final Layout residents = Layouts.version("v0").layout("data_d0101");
    private final MigrationProblems problems = new MigrationProblems();

    /** A valid 日本人 row with some columns replaced (column number → value). */
    static String residentRow(Object... replacements) {
        String[] fields = new String[49];
        Arrays.fill(fields, "");
        String[] values = {"100000011", "1", "200000001", "1", "1", "佐藤", "一郎", "サトウ", "イチロウ"};
        System.arraycopy(values, 0, fields, 0, values.length);
        fields[11] = "19700505";
        fields[12] = "1";
        fields[13] = "世帯主";
        fields[14] = "佐藤　一郎";
        fields[17] = "19800401";
        fields[18] = "000101";
        fields[19] = "北海道名寄市西３条南５丁目１番地";
        fields[22] = "19800401";
        fields[25] = "国内転入";
        fields[26] = "19800401";
        fields[37] = "20240401";
        for (int i = 0; i < replacements.length; i += 2) {
            fields[(Integer) replacements[i] - 1] = (String) replacements[i + 1];
        }
        return String.join(",", fields);
    }

    private List<String> validate(String line) throws IOException {
        try (Cp932CsvReader reader = Cp932CsvReader.of(new ByteArrayInputStream(line.getBytes(CP932)), "data_d0101.csv", residents, false,
                problems, new GaijiTally())) {
            CsvRow row = reader.next();
            assertThat(row.isMalformed()).isFalse();
            new RowValidator(residents, "data_d0101.csv", problems).validate(row);
        }
        return problems.listedErrors().stream().map(problem -> problem.column() + " " + problem.id()).toList();
    }

    /** Validates every line of a file and lists the errors as "LINE:COLUMN ID". */
    private List<String> validateLines(String... lines) throws IOException {
        byte[] file = (String.join("\r\n", lines) + "\r\n").getBytes(CP932);
        try (Cp932CsvReader reader = Cp932CsvReader.of(new ByteArrayInputStream(file), "data_d0101.csv", residents, false,
                problems, new GaijiTally())) {
            RowValidator validator = new RowValidator(residents, "data_d0101.csv", problems);
            CsvRow row;
            while ((row = reader.next()) != null) {
                assertThat(row.isMalformed()).isFalse();
                validator.validate(row);
            }
        }
        return problems.listedErrors().stream().map(problem -> problem.line() + ":" + problem.column() + " " + problem.id()).toList();
    }

    @Test
    void findsControlCharactersInTextOnTheFirstLineAndOnTheFastPathOfLaterLines() throws IOException {
        // Line 1 goes through the careful path (the file's first non-ASCII line), the later ones through the
        // one-pass split; a tab, a DEL and a bell must be found on either, in the column they are in.
        assertThat(validateLines(residentRow(6, "佐\t藤"), residentRow(), residentRow(20, "北海道名寄市\u007F西"),
                residentRow(15, "佐藤\u0007一郎", 1, "100000029"), residentRow(1, "100000037")))
                .containsExactly("1:6 E-MIG-0112", "3:20 E-MIG-0112", "4:15 E-MIG-0112");
    }

    @Test
    void acceptsAValidRow() throws IOException {
        assertThat(validate(residentRow())).isEmpty();
    }

    @Test
    void acceptsUnknownDatePartsAndWarnsAboutDatesNotOnTheCalendar() throws IOException {
        assertThat(validate(residentRow(12, "19450000", 18, "00000000", 23, "19230229"))).isEmpty();
        assertThat(problems.listedWarnings()).extracting(problem -> problem.column() + " " + problem.id()).containsExactly("23 W-MIG-0001");
    }

    @Test
    void refusesMalformedDates() throws IOException {
        assertThat(validate(residentRow(12, "19451300", 18, "19450010", 23, "2024041"))).containsExactly("12 E-MIG-0105", "18 E-MIG-0105", "23 E-MIG-0105");
    }

    @Test
    void checksKanaFlagsDigitsAlphabetNamesAndLengthsInCharacters() throws IOException {
        assertThat(validate(residentRow(8, "さとう", 32, "2", 22, "096-001", 41, "Nguyen_Van", 7, "一".repeat(51))))
                .containsExactly("7 E-MIG-0102", "8 E-MIG-0107", "22 E-MIG-0103", "32 E-MIG-0106", "41 E-MIG-0109");
    }

    @Test
    void acceptsFiftyFullWidthCharactersInAFiftyCharacterColumn() throws IOException {
        assertThat(validate(residentRow(7, "一".repeat(50), 9, "ヴァ　ー ヶ"))).isEmpty();
    }

    @Test
    void checksTheIndividualNumberCheckDigitAndTheRelationship() throws IOException {
        String wrongCheckDigit = "12345678901" + (checkDigit("12345678901") + 1) % 10;
        assertThat(validate(residentRow(30, wrongCheckDigit, 14, "長男"))).containsExactly("14 E-MIG-0111", "30 E-MIG-0110");
    }

    @Test
    void acceptsAValidIndividualNumberAndRelationshipChains() throws IOException {
        assertThat(validate(residentRow(30, "12345678901" + checkDigit("12345678901"), 14, "子の妻"))).isEmpty();
    }

    @Test
    void requiresTheFamilyNameOfAJapaneseAndNationalityAndSectionOfAForeignResident() throws IOException {
        assertThat(validate(residentRow(6, ""))).containsExactly("6 E-MIG-0120");
        MigrationProblems foreignProblems = new MigrationProblems();
        try (Cp932CsvReader reader = Cp932CsvReader.of(new ByteArrayInputStream(residentRow(4, "2", 6, "").getBytes(CP932)), "data_d0101.csv",
                residents, false, foreignProblems, new GaijiTally())) {
            new RowValidator(residents, "data_d0101.csv", foreignProblems).validate(reader.next());
        }
        assertThat(foreignProblems.listedErrors()).extracting(problem -> problem.column() + " " + problem.id())
                .containsExactly("6 E-MIG-0121", "40 E-MIG-0122", "44 E-MIG-0122");
    }

    @Test
    void refusesValuesOutsideTheAllowedCodes() throws IOException {
        assertThat(validate(residentRow(5, "5", 44, "永住者"))).containsExactly("5 E-MIG-0104", "44 E-MIG-0104");
    }

    private static int checkDigit(String eleven) {
        return jp.jichitai.cloud.migrationformat.IndividualNumbers.checkDigitOf(eleven);
    }
}
