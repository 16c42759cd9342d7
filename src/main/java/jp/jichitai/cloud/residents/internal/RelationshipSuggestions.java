package jp.jichitai.cloud.residents.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code residents/relationship-suggestions.tsv}: 続柄 terms the standard does not use and what to write instead. */
public final class RelationshipSuggestions {

    private static final String TABLE = "residents/relationship-suggestions.tsv";
    private static final Map<String, String> SUGGESTIONS = load();

    private RelationshipSuggestions() {
    }

    public static Optional<String> standardFormOf(String term) {
        return Optional.ofNullable(SUGGESTIONS.get(term));
    }

    private static Map<String, String> load() {
        InputStream stream = RelationshipSuggestions.class.getClassLoader().getResourceAsStream(TABLE);
        if (stream == null) {
            throw new IllegalStateException("missing class path resource " + TABLE);
        }
        Map<String, String> table = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2) {
                    throw new IllegalStateException(TABLE + ": term<TAB>standard form expected: " + line);
                }
                table.put(columns[0].strip(), columns[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
