package jp.jichitai.cloud.migrationformat;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * 除外行ファイル (rejects file): every rejected input row, byte for byte as it was in its file, with where it
 * was and why it was rejected, so that nothing read is lost and {@code read = used + rejected} can be
 * checked row by row. Rejected rows may hold bytes that are not CP932 (that may be why they were
 * rejected), so the file is not a CSV: each row is a header line and then its bytes, counted.
 *
 * <pre>
 * #jichitai-cloud rejects 1
 * data_d0101.csv&lt;TAB&gt;17&lt;TAB&gt;E-MIG-0103:12,E-MIG-0105:18&lt;TAB&gt;312&lt;LF&gt;
 * (312 bytes: the line exactly as in the input file, with its own line break, CRLF or LF, if it had one)&lt;LF&gt;
 * </pre>
 *
 * <p>The header line is UTF-8 (the file names of the standard layouts are ASCII): file name, line number,
 * the reasons as {@code MESSAGE-ID:COLUMN} (column 0 = the whole line) joined by commas, and the number of
 * bytes that follow. The texts of the message ids are in {@code messages/migration.properties}; the
 * summary and error list of the run show them. {@link #read} reads the file back.
 */
public final class RejectsWriter implements Closeable {

    /** The first line of every rejects file, naming the format and its version. */
    public static final String FIRST_LINE = "#jichitai-cloud rejects 1";

    /** One rejected row read back from a rejects file. */
    public record RejectedRow(String fileName, long line, List<RejectionReason> reasons, byte[] bytes) {

        public RejectedRow {
            Objects.requireNonNull(fileName, "fileName");
            reasons = List.copyOf(reasons);
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    private final OutputStream out;
    private long rowsWritten;

    /** A writer onto a stream; the first line is written at once. */
    public RejectsWriter(OutputStream out) throws IOException {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.out.write((FIRST_LINE + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Creates (or replaces) a rejects file. */
    public static RejectsWriter create(Path file) throws IOException {
        return new RejectsWriter(Files.newOutputStream(file));
    }

    /** Writes a row of {@code fileName} as it was read (its line with its line break), with the reasons. */
    public void reject(String fileName, CsvRow row, List<RejectionReason> reasons) throws IOException {
        reject(fileName, row.lineNumber(), reasons, row.bytes, row.byteStart, row.lineEnd);
    }

    /** Writes a row given as bytes: {@code bytes[start..end)} is the line as it was in the file. */
    public void reject(String fileName, long line, List<RejectionReason> reasons, byte[] bytes, int start, int end)
            throws IOException {
        if (fileName.indexOf('\t') >= 0 || fileName.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a file name with a tab or line break cannot be written: " + fileName);
        }
        StringBuilder header = new StringBuilder(fileName).append('\t').append(line).append('\t');
        for (int i = 0; i < reasons.size(); i++) {
            header.append(i > 0 ? "," : "").append(reasons.get(i));
        }
        header.append('\t').append(end - start).append('\n');
        out.write(header.toString().getBytes(StandardCharsets.UTF_8));
        out.write(bytes, start, end - start);
        out.write('\n');
        rowsWritten++;
    }

    public long rowsWritten() {
        return rowsWritten;
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Reads a rejects file back; a file that is not one is refused with an {@link IOException}. */
    public static List<RejectedRow> read(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        byte[] first = (FIRST_LINE + "\n").getBytes(StandardCharsets.UTF_8);
        if (content.length < first.length || !Arrays.equals(content, 0, first.length, first, 0, first.length)) {
            throw new IOException(file + " is not a rejects file: it does not start with " + FIRST_LINE);
        }
        List<RejectedRow> rows = new ArrayList<>();
        int at = first.length;
        while (at < content.length) {
            int lineEnd = at;
            while (lineEnd < content.length && content[lineEnd] != '\n') {
                lineEnd++;
            }
            String[] parts = new String(content, at, lineEnd - at, StandardCharsets.UTF_8).split("\t", -1);
            if (parts.length != 4) {
                throw new IOException(file + ": malformed header line at byte " + at);
            }
            int length = Integer.parseInt(parts[3]);
            int bytesStart = lineEnd + 1;
            if (bytesStart + length + 1 > content.length || content[bytesStart + length] != '\n') {
                throw new IOException(file + ": row at byte " + at + " is cut short");
            }
            List<RejectionReason> reasons = parts[2].isEmpty() ? List.of()
                    : Arrays.stream(parts[2].split(",")).map(RejectionReason::parse).toList();
            rows.add(new RejectedRow(parts[0], Long.parseLong(parts[1]), reasons,
                    Arrays.copyOfRange(content, bytesStart, bytesStart + length)));
            at = bytesStart + length + 1;
        }
        return rows;
    }
}
