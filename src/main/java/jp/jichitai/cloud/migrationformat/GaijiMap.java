package jp.jichitai.cloud.migrationformat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;

/**
 * 外字マップ (外字 mapping): a tenant's substitutes for its user-defined characters, read from a UTF-8
 * text file with one mapping per line, {@code U+E000<TAB>substitute}; blank lines and lines starting with
 * {@code #} are ignored. The substitute is any text (a standard character, an IVS sequence, a description).
 */
public final class GaijiMap {

    private static final Pattern LINE = Pattern.compile("U\\+(E[0-7][0-9A-Fa-f]{2})\\t(.+)");
    private static final MessageId BAD_LINE = MessageId.of("E-MIG-0302");

    private final Map<Character, String> substitutes;

    private GaijiMap(Map<Character, String> substitutes) {
        this.substitutes = Collections.unmodifiableMap(substitutes);
    }

    /** No substitutes: 外字 pass through unchanged (CP932 writes them back to F040–F9FC). */
    public static GaijiMap none() {
        return new GaijiMap(new TreeMap<>());
    }

    public static GaijiMap of(Map<Character, String> substitutes) {
        substitutes.keySet().forEach(c -> {
            if (!GaijiTally.isGaiji(c)) {
                throw new IllegalArgumentException(String.format("U+%04X is not in the 外字 area U+E000–U+E757", (int) c));
            }
        });
        return new GaijiMap(new TreeMap<>(substitutes));
    }

    /** Reads a mapping file; a malformed line is refused with its line number. */
    public static GaijiMap read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static GaijiMap parse(List<String> lines) {
        Map<Character, String> substitutes = new TreeMap<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String text = number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(text);
            char codePoint = matcher.matches() ? (char) Integer.parseInt(matcher.group(1), 16) : 0;
            if (!matcher.matches() || !GaijiTally.isGaiji(codePoint)) {
                throw new BusinessException(BAD_LINE, MigrationProblems.text(BAD_LINE, number, text));
            }
            substitutes.put(codePoint, matcher.group(2));
        }
        return new GaijiMap(substitutes);
    }

    /** The substitute for a 外字, or null when there is none. */
    public String substituteFor(char gaiji) {
        return substitutes.get(gaiji);
    }

    public boolean isEmpty() {
        return substitutes.isEmpty();
    }

    public int size() {
        return substitutes.size();
    }

    /** The text with every mapped 外字 replaced by its substitute. */
    public String apply(String text) {
        if (substitutes.isEmpty()) {
            return text;
        }
        StringBuilder result = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String substitute = GaijiTally.isGaiji(c) ? substitutes.get(c) : null;
            if (substitute != null && result == null) {
                result = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (result != null) {
                if (substitute != null) {
                    result.append(substitute);
                } else {
                    result.append(c);
                }
            }
        }
        return result == null ? text : result.toString();
    }
}
