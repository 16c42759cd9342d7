package jp.jichitai.cloud.setuptool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.jichitai.cloud.migrationformat.RejectsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --rejects FILE}: rows with errors go to FILE byte for byte, and the output is made from the other rows. */
class SetupToolRejectsTests {

    private static final Pattern READ_LINE = Pattern.compile("入力 (\\S+): 読込 (\\d+) 行 = 使用 (\\d+) 行 \\+ 除外 (\\d+) 行");
    private static final Pattern ERROR_REASON = Pattern.compile("  除外 (E-MIG-\\d{4}) （エラー）: (\\d+) 行");

    @TempDir
    Path temporary;

    @Test
    void writesRowsWithErrorsByteForByteAndStillWritesTheOutput() throws IOException {
        Path input = temporary.resolve("in");
        Files.createDirectories(input);
        MigrationCorpus.copyValidInto(input);
        List<byte[]> d0101 = lines(input.resolve("data_d0101.csv"));
        List<byte[]> d0603 = lines(input.resolve("data_d0603.csv"));
        // Line 3: a byte pair that is no CP932 inside 氏; line 5: a trailing comma (the last line break stays as it was).
        d0101.set(2, insertAfterFifthComma(d0101.get(2), new byte[] {(byte) 0x81, 0x20}));
        d0101.set(4, appendBeforeLineBreak(d0101.get(4), new byte[] {','}));
        d0603.set(0, insertAfterFifthComma(d0603.get(0), new byte[] {'x'}));
        write(input.resolve("data_d0101.csv"), d0101);
        write(input.resolve("data_d0603.csv"), d0603);
        Path output = temporary.resolve("import.csv");
        Path rejects = temporary.resolve("rejects.txt");

        StringWriter err = new StringWriter();
        int exit = new CommandLine(new SetupToolCommand()).setErr(new PrintWriter(err)).execute(
                "--in", input.toString(), "--out", output.toString(), "--rejects", rejects.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(output).exists();
        List<RejectsWriter.RejectedRow> rows = RejectsWriter.read(rejects);
        assertThat(rows).extracting(row -> row.fileName() + ":" + row.line() + " " + row.reasons())
                .containsExactly("data_d0101.csv:3 [E-MIG-0006:6]", "data_d0101.csv:5 [E-MIG-0008:50]", "data_d0603.csv:1 [E-MIG-0103:6]");
        assertThat(rows.get(0).bytes()).isEqualTo(d0101.get(2));
        assertThat(rows.get(1).bytes()).isEqualTo(d0101.get(4));
        assertThat(rows.get(2).bytes()).isEqualTo(d0603.get(0));
        long rejectedWithErrors = 0;
        List<String> summary = err.toString().lines().toList();
        for (String line : summary) {
            Matcher counts = READ_LINE.matcher(line);
            if (counts.find()) {
                assertThat(Long.parseLong(counts.group(2))).as(line)
                        .isEqualTo(Long.parseLong(counts.group(3)) + Long.parseLong(counts.group(4)));
            }
            Matcher reason = ERROR_REASON.matcher(line);
            if (reason.find()) {
                rejectedWithErrors += Long.parseLong(reason.group(2));
            }
        }
        assertThat(rejectedWithErrors).as("rows rejected for errors in the summary").isEqualTo(rows.size());
        assertThat(err.toString()).contains("除外行ファイル rejects.txt: 3 行");
    }

    @Test
    void withoutRejectsTheSameInputWritesNothing() throws IOException {
        Path input = temporary.resolve("in");
        Files.createDirectories(input);
        MigrationCorpus.copyValidInto(input);
        List<byte[]> d0101 = lines(input.resolve("data_d0101.csv"));
        d0101.set(2, insertAfterFifthComma(d0101.get(2), new byte[] {(byte) 0x81, 0x20}));
        write(input.resolve("data_d0101.csv"), d0101);
        Path output = temporary.resolve("import.csv");

        int exit = new CommandLine(new SetupToolCommand()).setErr(new PrintWriter(new StringWriter())).execute(
                "--in", input.toString(), "--out", output.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output).doesNotExist();
    }

    /** The lines of a file, each with its line break. */
    private static List<byte[]> lines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }

    private static void write(Path file, List<byte[]> lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(out::writeBytes);
        Files.write(file, out.toByteArray());
    }

    private static byte[] insertAfterFifthComma(byte[] line, byte[] inserted) {
        int commas = 0;
        int at = 0;
        while (commas < 5) {
            if (line[at++] == ',') {
                commas++;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(line, 0, at);
        out.writeBytes(inserted);
        out.write(line, at, line.length - at);
        return out.toByteArray();
    }

    private static byte[] appendBeforeLineBreak(byte[] line, byte[] appended) {
        int end = line.length;
        while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
            end--;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(line, 0, end);
        out.writeBytes(appended);
        out.write(line, end, line.length - end);
        return out.toByteArray();
    }
}
