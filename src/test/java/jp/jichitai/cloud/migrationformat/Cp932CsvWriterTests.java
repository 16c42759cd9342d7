package jp.jichitai.cloud.migrationformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Cp932CsvWriterTests {

    private final Layout districts = Layouts.version("v0").layout("data_cyonei");
    private final MigrationProblems problems = new MigrationProblems();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Cp932CsvWriter writer(GaijiMap gaiji) {
        return new Cp932CsvWriter(out, "out.csv", districts, gaiji, problems);
    }

    @Test
    void writesCp932WithCrlfAndGaijiBackToTheUserDefinedArea() throws IOException {
        try (Cp932CsvWriter writer = writer(GaijiMap.none())) {
            writer.writeRow(new String[] {"000101", "髙\uE000"}, "x");
        }
        assertThat(out.toByteArray()).containsExactly('0', '0', '0', '1', '0', '1', ',', 0xFB, 0xFC, 0xF0, 0x40, '\r', '\n');
    }

    @Test
    void refusesWhatCp932CannotHoldInsteadOfWritingAQuestionMark() throws IOException {
        try (Cp932CsvWriter writer = writer(GaijiMap.none())) {
            assertThat(writer.writeRow(new String[] {"000101", "波〜"}, "宛名番号 1")).isFalse();
            assertThat(writer.writeRow(new String[] {"000102", "波～"}, "宛名番号 2")).isTrue();
        }
        assertThat(problems.listedErrors()).extracting(MigrationProblem::format)
                .containsExactly("out.csv:1:2: E-MIG-0301 行政区コード名: CP932 で書けない文字があります（宛名番号 宛名番号 1）: 「〜」(U+301C)。外字マップで代わりの文字を指定してください。");
        assertThat(out.toString(Cp932CsvReader.CP932)).isEqualTo("000102,波～\r\n");
    }

    @Test
    void substitutesMappedGaijiAndWritesAlternativeCodesOnRequest() throws IOException {
        try (Cp932CsvWriter writer = writer(GaijiMap.of(Map.of('\uE001', "吉")))) {
            writer.writeRow(new String[] {"1", "\uE001髙"}, "x", Map.of('髙', new byte[] {(byte) 0xEE, (byte) 0xE0}));
        }
        assertThat(out.toByteArray()).containsExactly('1', ',', 0x8B, 0x67, 0xEE, 0xE0, '\r', '\n');
    }

    @Test
    void copiesFieldsGivenAsBytesInTheUsualCodesWithMappedGaijiSubstituted() throws IOException {
        // 髙 in its other code (EEE0), a mapped 外字 (F041 = U+E001), an unmapped one (F040) and 名 (96BC).
        byte[] read = {(byte) 0xEE, (byte) 0xE0, (byte) 0xF0, 0x41, (byte) 0xF0, 0x40, (byte) 0x96, (byte) 0xBC};
        try (Cp932CsvWriter writer = writer(GaijiMap.of(Map.of('\uE001', "吉")))) {
            writer.beginRow();
            writer.cp932(new byte[] {'7'}, 0, 1);
            writer.cp932(read, 0, read.length);
            assertThat(writer.endRow(() -> "x")).isTrue();
        }
        assertThat(out.toByteArray()).containsExactly('7', ',', 0xFB, 0xFC, 0x8B, 0x67, 0xF0, 0x40, 0x96, 0xBC, '\r', '\n');
    }

    @Test
    void refusesAFieldWithACommaBecauseThereIsNoQuoting() throws IOException {
        try (Cp932CsvWriter writer = writer(GaijiMap.none())) {
            assertThat(writer.writeRow(new String[] {"1", "a,b"}, "x")).isFalse();
        }
        assertThat(problems.listedErrors()).extracting(problem -> problem.id().value()).containsExactly("E-MIG-0304");
        assertThat(out.size()).isZero();
    }
}
