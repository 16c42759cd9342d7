package jp.jichitai.cloud.migrationformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import jp.jichitai.cloud.shared.MessageId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsWriterTests {

    private static final Layout DISTRICTS = Layouts.version("v0").layout("data_cyonei");

    @TempDir
    Path temporary;

    /** The lines of a small data_cyonei.csv, each with its own line break, and what is wrong with them. */
    private static final byte[][] LINES = {
            bytes("000101,", 0x90, 0xBC, "\r\n"),                      // good: 西
            bytes("000102,", 0x81, 0x20, "x", 0xFB, 0xFC, "\r\n"),      // 0x81 0x20 is no CP932 character
            bytes("000103\n"),                                          // one field, LF only
            bytes("000104,", 0xFB, 0xFC, "\r\n"),                       // good: 髙 in its IBM code
            bytes("00010X,", 0xEE, 0xE0, ",\r\n"),                      // trailing comma
            bytes("0001A5,", 0x83, 0x41, 0x09),                         // not digits, a tab; no final line break
    };

    @Test
    void writesEachRejectedRowByteForByteWithItsLineBreakAndReasons() throws IOException {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        Arrays.stream(LINES).forEach(input::writeBytes);
        Path file = temporary.resolve("rejects.txt");
        MigrationProblems problems = new MigrationProblems();
        RowValidator validator = new RowValidator(DISTRICTS, "data_cyonei.csv", problems);
        long read = 0;
        long used = 0;
        try (RejectsWriter rejects = RejectsWriter.create(file);
                Cp932CsvReader reader = Cp932CsvReader.of(new ByteArrayInputStream(input.toByteArray()), "data_cyonei.csv",
                        DISTRICTS, false, problems, new GaijiTally())) {
            problems.mark();
            CsvRow row;
            while ((row = reader.next()) != null) {
                read++;
                if (!row.isMalformed() && validator.validate(row)) {
                    used++;
                } else {
                    rejects.reject("data_cyonei.csv", row, problems.errorsSinceMark());
                }
                problems.mark();
            }
            assertThat(rejects.rowsWritten()).isEqualTo(read - used);
        }

        List<RejectsWriter.RejectedRow> rows = RejectsWriter.read(file);

        assertThat(read).isEqualTo(LINES.length);
        assertThat(rows).extracting(RejectsWriter.RejectedRow::line).containsExactly(2L, 3L, 5L, 6L);
        for (RejectsWriter.RejectedRow row : rows) {
            assertThat(row.fileName()).isEqualTo("data_cyonei.csv");
            assertThat(row.bytes()).as("line %d", row.line()).isEqualTo(LINES[(int) row.line() - 1]);
        }
        assertThat(rows.get(0).reasons()).containsExactly(new RejectionReason(MessageId.of("E-MIG-0006"), 2));
        assertThat(rows.get(1).reasons()).containsExactly(new RejectionReason(MessageId.of("E-MIG-0007"), 2));
        assertThat(rows.get(2).reasons()).containsExactly(new RejectionReason(MessageId.of("E-MIG-0008"), 3));
        assertThat(rows.get(3).reasons()).containsExactly(new RejectionReason(MessageId.of("E-MIG-0103"), 1),
                new RejectionReason(MessageId.of("E-MIG-0112"), 2));
    }

    @Test
    void documentsItsFormatInTheFileItself() throws IOException {
        Path file = temporary.resolve("rejects.txt");
        try (RejectsWriter rejects = RejectsWriter.create(file)) {
            byte[] line = bytes("a,", 0x81, "\n");
            rejects.reject("data_d0603.csv", 7, List.of(new RejectionReason(MessageId.of("E-MIG-0006"), 2)), line, 0, line.length);
        }
        byte[] expected = new ByteArrayOutputStream() {
            {
                writeBytes((RejectsWriter.FIRST_LINE + "\ndata_d0603.csv\t7\tE-MIG-0006:2\t4\n").getBytes());
                writeBytes(bytes("a,", 0x81, "\n\n"));
            }
        }.toByteArray();
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
    }

    @Test
    void refusesAFileThatIsNoRejectsFile() throws IOException {
        Path file = Files.writeString(temporary.resolve("other.txt"), "000101,x\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RejectsWriter.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(RejectsWriter.FIRST_LINE);
    }

    /** Bytes from ASCII strings and byte values. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
