package jp.jichitai.cloud.migrationformat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The layouts of one version, e.g. {@code v0} (project). A version is a folder of definition files: an
 * {@code index.tsv} listing the layout names and one {@code <name>.tsv} per layout (UTF-8, tab separated):
 *
 * <pre>
 * # comment
 * &#64;file          data_d0101.csv
 * &#64;title         住民基本台帳
 * &#64;key           1,2
 * &#64;may-be-empty  no
 * 1  宛名番号  digits  15  yes  [allowed: 1=日本人|2=外国人]  [check]
 * </pre>
 *
 * Built-in versions live on the class path under {@code layouts/<version>/}; another version can be read
 * from a folder with {@link #fromDirectory(Path)}.
 */
public final class Layouts {

    /** The default version. */
    public static final String DEFAULT_VERSION = "v0";

    private final String version;
    private final Map<String, Layout> layouts;

    private Layouts(String version, Map<String, Layout> layouts) {
        this.version = version;
        this.layouts = layouts;
    }

    /** A built-in version from the class path. */
    public static Layouts version(String version) {
        if (!version.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a layout version: " + version);
        }
        String folder = "layouts/" + version + "/";
        return load(version, file -> {
            InputStream in = Layouts.class.getClassLoader().getResourceAsStream(folder + file);
            if (in == null) {
                throw new IllegalArgumentException("no layout file " + folder + file + " (unknown layout version " + version + "?)");
            }
            return in;
        });
    }

    /** A version from a folder holding {@code index.tsv} and the layout files; the folder name is the version. */
    public static Layouts fromDirectory(Path folder) {
        return load(folder.getFileName().toString(), file -> {
            try {
                return Files.newInputStream(folder.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A built-in version by name, or a folder when the argument names an existing directory. */
    public static Layouts versionOrDirectory(String versionOrFolder) {
        Path folder = Path.of(versionOrFolder);
        return Files.isDirectory(folder) ? fromDirectory(folder) : version(versionOrFolder);
    }

    public String version() {
        return version;
    }

    /** The layout with a name, e.g. {@code data_d0101}. */
    public Layout layout(String name) {
        Layout layout = layouts.get(name);
        if (layout == null) {
            throw new IllegalArgumentException("layout version " + version + " has no layout " + name);
        }
        return layout;
    }

    public List<Layout> all() {
        return List.copyOf(layouts.values());
    }

    private static Layouts load(String version, Function<String, InputStream> opener) {
        Map<String, Layout> layouts = new LinkedHashMap<>();
        for (String line : lines(opener.apply("index.tsv"))) {
            String name = line.trim();
            if (!name.isEmpty() && !name.startsWith("#")) {
                layouts.put(name, parse(version, name, lines(opener.apply(name + ".tsv"))));
            }
        }
        return new Layouts(version, layouts);
    }

    private static List<String> lines(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Layout parse(String version, String name, List<String> lines) {
        Map<String, String> settings = new LinkedHashMap<>();
        List<Column> columns = new ArrayList<>();
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            try {
                if (line.startsWith("@")) {
                    settings.put(cells[0].substring(1), cells.length > 1 ? cells[1].trim() : "");
                } else {
                    columns.add(column(cells));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("layout " + version + "/" + name + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        List<Integer> keys = new ArrayList<>();
        for (String key : settings.getOrDefault("key", "").split(",")) {
            if (!key.isBlank()) {
                keys.add(Integer.parseInt(key.trim()));
            }
        }
        return new Layout(version, name, settings.getOrDefault("file", name + ".csv"), settings.getOrDefault("title", name),
                columns, keys, "yes".equals(settings.getOrDefault("may-be-empty", "no")));
    }

    private static Column column(String[] cells) {
        if (cells.length < 5) {
            throw new IllegalArgumentException("a column needs at least number, name, type, length, required");
        }
        Map<String, String> allowed = new LinkedHashMap<>();
        if (cells.length > 5 && !cells[5].isBlank()) {
            for (String value : cells[5].split("\\|")) {
                int equals = value.indexOf('=');
                if (equals < 0) {
                    allowed.put(value.trim(), value.trim());
                } else {
                    allowed.put(value.substring(0, equals).trim(), value.substring(equals + 1).trim());
                }
            }
        }
        return new Column(Integer.parseInt(cells[0].trim()), cells[1].trim(), ColumnType.named(cells[2]),
                Integer.parseInt(cells[3].trim()), Requirement.named(cells[4]), allowed,
                cells.length > 6 ? cells[6].trim() : "");
    }
}
