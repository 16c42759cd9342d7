package jp.jichitai.cloud.migrationformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import jp.jichitai.cloud.support.Generators;
import org.junit.jupiter.api.Test;

/**
 * The reader checks most lines in one pass over the bytes and decodes only on demand; the file's first
 * non-ASCII line, and any line with a CR or a bad byte, take the careful path (split, UTF-8 sniff, decode).
 * Both paths must give the same row for the same line, and the fields of a good line must be what the
 * JDK's reporting decoder makes of it.
 */
class Cp932CsvReaderPropertyTests {

    private static final Layout DISTRICTS = Layouts.version("v0").layout("data_cyonei");
    /** Pieces of good lines: ASCII, both codes of 髙, ①, kana, half-width kana, 外字, a "\\" that is a second byte. */
    private static final List<byte[]> GOOD = List.of(
            bytes(0x30), bytes(0x39), bytes('a'), bytes(' '), bytes(0x09), bytes(0x5C),
            bytes(0xFB, 0xFC), bytes(0xEE, 0xE0), bytes(0x87, 0x40), bytes(0x83, 0x41), bytes(0x81, 0x5B), bytes(0xB1),
            bytes(0xF0, 0x40), bytes(0xF9, 0xFC), bytes(0x90, 0xBC), bytes(0x81, 0x5C));
    /** Bytes that are no CP932 here: a lone lead byte, a bad second byte, unassigned codes. */
    private static final List<byte[]> BAD = List.of(
            bytes(0x81), bytes(0x81, 0x20), bytes(0x81, 0x2C), bytes(0xA0), bytes(0xFD), bytes(0x85, 0x40), bytes(0xEF, 0xBC));

    @Test
    void bothPathsGiveTheSameRowAndGoodLinesDecodeAsTheReportingDecoderDoes() throws IOException {
        long seed = Generators.seed(20261126L);
        SplittableRandom random = new SplittableRandom(seed);
        var decoder = Cp932CsvReader.CP932.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int goodLines = 0;
        for (int i = 0; i < Generators.CASES; i++) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int pieces = Generators.between(random, 1, 12);
            int comma = random.nextInt(10) == 0 ? -1 : random.nextInt(pieces + 1);
            for (int p = 0; p <= pieces; p++) {
                if (p == comma || random.nextInt(20) == 0) {
                    line.write(',');
                }
                if (p < pieces) {
                    line.writeBytes(Generators.oneOf(random, random.nextInt(15) == 0 ? BAD : GOOD));
                }
            }
            byte[] bytes = line.toByteArray();
            String description = "seed " + seed + " case " + i + " line " + HexFormat.ofDelimiter(" ").formatHex(bytes);

            // First lines of the same length, so that byte offsets compare; only the second is non-ASCII.
            String careful = readSecondLine("000101,ascii\n".getBytes(Cp932CsvReader.CP932), bytes);
            String fast = readSecondLine("000101,\u897fabc\n".getBytes(Cp932CsvReader.CP932), bytes);
            if (careful.contains("E-MIG-0003")) {
                continue; // only a file's first non-ASCII line is looked at for UTF-8
            }

            assertThat(fast).as(description).isEqualTo(careful);
            if (!careful.startsWith("malformed")) {
                goodLines++;
                try {
                    String decoded = decoder.reset().decode(ByteBuffer.wrap(bytes)).toString();
                    assertThat(careful).as(description).startsWith("row " + decoded.replace(",", "|") + " ");
                } catch (CharacterCodingException e) {
                    throw new AssertionError(description + ": read as good, but the reporting decoder refuses it", e);
                }
            }
        }
        assertThat(goodLines).as("good lines among %d cases", Generators.CASES).isGreaterThan(Generators.CASES / 10);
    }

    /** The second row of a file as text: its fields, lengths, byte offsets, problems and 外字 seen. */
    private static String readSecondLine(byte[] firstLine, byte[] secondLine) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(firstLine);
        file.writeBytes(secondLine);
        MigrationProblems problems = new MigrationProblems();
        GaijiTally gaiji = new GaijiTally();
        List<String> rows = new ArrayList<>();
        try (Cp932CsvReader reader = Cp932CsvReader.of(new ByteArrayInputStream(file.toByteArray()), "f.csv", DISTRICTS, false,
                problems, gaiji)) {
            CsvRow row;
            while ((row = reader.next()) != null) {
                if (row.lineNumber() != 2) {
                    continue;
                }
                if (row.isMalformed()) {
                    rows.add("malformed " + row.problem());
                    continue;
                }
                StringBuilder text = new StringBuilder("row ");
                List<String> fields = new ArrayList<>();
                for (int field = 1; field <= row.fieldCount(); field++) {
                    fields.add(row.field(field));
                }
                text.append(String.join("|", fields)).append(" ");
                for (int field = 1; field <= row.fieldCount(); field++) {
                    text.append(row.fieldLength(field)).append('/').append(row.fieldByteStart(field)).append('-')
                            .append(row.fieldByteEnd(field)).append(' ');
                }
                rows.add(text.toString());
            }
        }
        problems.listedErrors().stream().filter(problem -> problem.line() == 2).forEach(problem -> rows.add(problem.format()));
        problems.listedWarnings().stream().filter(problem -> problem.line() == 2).forEach(problem -> rows.add(problem.format()));
        gaiji.occurrences().values().forEach(occurrence -> rows.add(occurrence.toString()));
        return String.join("\n", rows);
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }
}
