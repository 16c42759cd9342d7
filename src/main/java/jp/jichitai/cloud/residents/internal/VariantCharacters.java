package jp.jichitai.cloud.residents.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * 異体字表 (variant character table) {@code residents/itaiji.tsv}: which variant folds to which key character
 * in search keys. The table is closed (no key character is itself a variant), so folding once is enough.
 */
public final class VariantCharacters {

    private static final String TABLE = "residents/itaiji.tsv";
    private static final Map<Integer, Integer> STANDARD = load();

    private VariantCharacters() {
    }

    /** The key character for a code point (the code point itself when it has no row). */
    public static int keyOf(int codePoint) {
        return STANDARD.getOrDefault(codePoint, codePoint);
    }

    /** The variant → key rows, for tests and documentation. */
    public static Map<Integer, Integer> table() {
        return Map.copyOf(STANDARD);
    }

    private static Map<Integer, Integer> load() {
        InputStream stream = VariantCharacters.class.getClassLoader().getResourceAsStream(TABLE);
        if (stream == null) {
            throw new IllegalStateException("missing class path resource " + TABLE);
        }
        Map<Integer, Integer> table = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                String variant = Normalizer.normalize(columns[0].strip(), Normalizer.Form.NFKC);
                String key = columns.length > 1 ? columns[1].strip() : "";
                if (variant.codePointCount(0, variant.length()) != 1 || key.codePointCount(0, key.length()) != 1) {
                    throw new IllegalStateException(TABLE + " line " + number + ": one variant and one key character expected");
                }
                if (!variant.equals(key)) {
                    table.put(variant.codePointAt(0), key.codePointAt(0));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int key : table.values()) {
            if (table.containsKey(key)) {
                throw new IllegalStateException(TABLE + ": key character " + Character.toString(key) + " is itself a variant");
            }
        }
        return table;
    }
}
