package jp.jichitai.cloud.migrationformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Cp932CsvReaderTests {

    private static final Charset CP932 = Charset.forName("windows-31j");
    private final Layout districts = Layouts.version("v0").layout("data_cyonei");
    private final MigrationProblems problems = new MigrationProblems();
    private final GaijiTally gaiji = new GaijiTally();

    private List<String> read(byte[] bytes) throws IOException {
        List<String> rows = new ArrayList<>();
        try (Cp932CsvReader reader = Cp932CsvReader.of(new ByteArrayInputStream(bytes), "data_cyonei.csv", districts, false, problems, gaiji)) {
            CsvRow row;
            while ((row = reader.next()) != null) {
                rows.add(row.lineNumber() + (row.isMalformed() ? "!" : ":") + (row.isMalformed() ? "" : row.field(1) + "|" + row.field(2)));
            }
        }
        return rows;
    }

    /**
     * Every pair of a byte from 0x80 with any byte but CR and LF, on a line of its own after a first non-ASCII line (so
     * that the one-pass check reads it): a line is a row exactly when the JDK's reporting decoder decodes it into two
     * fields, its text is the decoder's, and every 外字 among them is counted.
     */
    @Test
    void everyBytePairIsReadAsTheReportingDecoderReadsIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("000000,町\r\n".getBytes(CP932));
        List<String> expected = new ArrayList<>();
        expected.add("1:000000|町");
        long expectedGaiji = 0;
        int line = 1;
        for (int first = 0x80; first <= 0xFF; first++) {
            for (int second = 0; second <= 0xFF; second++) {
                if (second == '\r' || second == '\n') {
                    continue;
                }
                byte[] content = {'0', '0', '0', '0', '0', '1', ',', (byte) first, (byte) second};
                bytes.writeBytes(content);
                bytes.writeBytes(new byte[] {'\r', '\n'});
                line++;
                String decoded;
                try {
                    decoded = CP932.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(content)).toString();
                } catch (java.nio.charset.CharacterCodingException e) {
                    decoded = null;
                }
                String[] fields = decoded == null ? null : decoded.split(",", -1);
                if (fields == null || fields.length != 2) {
                    expected.add(line + "!");
                } else {
                    expected.add(line + ":" + fields[0] + "|" + fields[1]);
                    expectedGaiji += fields[1].chars().filter(c -> GaijiTally.isGaiji((char) c)).count();
                }
            }
        }

        assertThat(read(bytes.toByteArray())).containsExactlyElementsOf(expected);
        assertThat(gaiji.total()).isEqualTo(expectedGaiji).isPositive();
    }

    @Test
    void readsCrlfAndLfLinesWithOrWithoutAFinalLineBreak() throws IOException {
        assertThat(read("000101,西３条南\r\n000102,西３条北\n000103,日進".getBytes(CP932)))
                .containsExactly("1:000101|西３条南", "2:000102|西３条北", "3:000103|日進");
        assertThat(problems.hasErrors()).isFalse();
    }

    @Test
    void decodesBothCodesOfTakaAndSakiToTheSameText() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("000101,".getBytes(CP932));
        bytes.writeBytes(new byte[] {(byte) 0xEE, (byte) 0xE0, (byte) 0xED, (byte) 0x95, '\r', '\n'});
        bytes.writeBytes("000102,".getBytes(CP932));
        bytes.writeBytes(new byte[] {(byte) 0xFB, (byte) 0xFC, (byte) 0xFA, (byte) 0xB1, '\r', '\n'});

        assertThat(read(bytes.toByteArray())).containsExactly("1:000101|髙﨑", "2:000102|髙﨑");
    }

    @Test
    void keepsGaijiAsPrivateUseCharactersAndCountsThem() throws IOException {
        byte[] bytes = {'0', '0', '0', '1', '0', '1', ',', (byte) 0xF0, (byte) 0x40, (byte) 0xF9, (byte) 0xFC};

        assertThat(read(bytes)).containsExactly("1:000101|\uE000\uE757");
        assertThat(gaiji.occurrences()).containsOnlyKeys(0xE000, 0xE757);
        assertThat(problems.listedWarnings()).extracting(MigrationProblem::format)
                .containsExactly("data_cyonei.csv:1:2: W-MIG-0002 行政区コード名: 外字 U+E000 があります。",
                        "data_cyonei.csv:1:2: W-MIG-0002 行政区コード名: 外字 U+E757 があります。");
    }

    @Test
    void reportsABadByteAtItsLineAndFieldAndGoesOnWithTheNextLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("000101,西\r\n000102,".getBytes(CP932));
        bytes.writeBytes(new byte[] {(byte) 0x81, (byte) 0x20, '\r', '\n'});
        bytes.writeBytes("000103,東\r\n".getBytes(CP932));

        assertThat(read(bytes.toByteArray())).containsExactly("1:000101|西", "2!", "3:000103|東");
        assertThat(problems.listedErrors()).extracting(MigrationProblem::format)
                .containsExactly("data_cyonei.csv:2:2: E-MIG-0006 行政区コード名: CP932 (Windows-31J) として正しくないバイトがあります: 8120");
    }

    @Test
    void keepsTheOriginalBytesOfEachRow() throws IOException {
        byte[] line = "000101,西３条南".getBytes(CP932);
        byte[] file = (new String(line, CP932) + "\r\n").getBytes(CP932);
        try (Cp932CsvReader reader = Cp932CsvReader.of(new ByteArrayInputStream(file), "x.csv", districts, false, problems, gaiji)) {
            assertThat(reader.next().originalBytes()).isEqualTo(line);
        }
    }

    @Test
    void readsLinesLongerThanItsBuffer() throws IOException {
        String longName = "北".repeat(700_000);
        List<String> rows = read(("000101," + longName + "\n000102,南\n").getBytes(CP932));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).hasSize("1:000101|".length() + longName.length());
        assertThat(rows.get(1)).isEqualTo("2:000102|南");
        assertThat(problems.hasErrors()).isFalse();
    }
}
