package jp.jichitai.cloud.disaster.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV of the module's files for other systems and offline PCs (RFC 4180: comma, CRLF, fields with a comma,
 * a quote or a line break quoted, quotes doubled), in CP932 or UTF-8 as the clerk chooses.
 */
final class CsvText {

    static final Charset CP932 = Charset.forName("windows-31j");
    /** Written for a character CP932 cannot hold (外字, rare kanji), as paper forms do: 〓 (ゲタ). */
    static final char SUBSTITUTE = '〓';

    /** The encodings a clerk can choose: {@code CP932} (Excel on Windows opens it as is) or {@code UTF-8}. */
    static Charset encoding(String name) {
        String normalised = name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace("_", "-");
        return switch (normalised) {
            case "", "CP932", "SHIFT-JIS", "SJIS", "WINDOWS-31J" -> CP932;
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            default -> throw Refusals.refusal("E-DIS-0050", name);
        };
    }

    static String label(Charset charset) {
        return charset.equals(CP932) ? "CP932" : "UTF-8";
    }

    /** One parsed record and the line it started on (1-based, header included). */
    record Line(long number, List<String> fields) {
    }

    private CsvText() {
    }

    /** Builds a file: each record on its own CRLF-ended line. */
    static final class Writer {
        private final StringBuilder text = new StringBuilder();

        Writer row(Object... fields) {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                String field = fields[i] == null ? "" : fields[i].toString();
                if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                    text.append('"').append(field.replace("\"", "\"\"")).append('"');
                } else {
                    text.append(field);
                }
            }
            text.append("\r\n");
            return this;
        }

        /** The file's bytes; characters the encoding cannot hold become {@link #SUBSTITUTE} (counted). */
        Encoded encode(Charset charset) {
            CharsetEncoder encoder = charset.newEncoder();
            StringBuilder encodable = new StringBuilder(text.length());
            int substituted = 0;
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                String character = new String(Character.toChars(codePoint));
                if (encoder.canEncode(character)) {
                    encodable.append(character);
                } else {
                    encodable.append(SUBSTITUTE);
                    substituted++;
                }
                i += Character.charCount(codePoint);
            }
            return new Encoded(encodable.toString().getBytes(charset), substituted);
        }
    }

    record Encoded(byte[] bytes, int substituted) {
    }

    /**
     * Decodes a whole file strictly: a byte sequence that is not valid in the chosen encoding refuses the file
     * (E-DIS-0051 with the line), so a UTF-8 file read as CP932 (or the reverse) is never merged as mojibake.
     */
    static String decode(byte[] bytes, Charset charset) {
        int start = 0;
        if (charset.equals(StandardCharsets.UTF_8) && bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException malformed) {
            // find the line of the first bad byte for the message
            long line = 1;
            CharBuffer partial = CharBuffer.allocate(bytes.length);
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start), partial, true);
            partial.flip();
            for (int i = 0; i < partial.length(); i++) {
                if (partial.charAt(i) == '\n') {
                    line++;
                }
            }
            throw Refusals.refusal("E-DIS-0051", String.valueOf(line), label(charset));
        }
    }

    /** Parses text into records; an unclosed quote refuses the file with its line (E-DIS-0052). */
    static List<Line> parse(String text) {
        List<Line> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        long line = 1;
        long recordStart = 1;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !field.isEmpty()) {
                    fields.add(field.toString());
                    lines.add(new Line(recordStart, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                any = false;
                line++;
                recordStart = line;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw Refusals.refusal("E-DIS-0052", String.valueOf(recordStart));
        }
        if (any || !field.isEmpty()) {
            fields.add(field.toString());
            lines.add(new Line(recordStart, List.copyOf(fields)));
        }
        return lines;
    }
}
