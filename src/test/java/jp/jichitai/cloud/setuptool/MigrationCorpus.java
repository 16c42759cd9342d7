package jp.jichitai.cloud.setuptool;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed corpus of {@code src/test/resources/migration-corpus} (see its make_corpus.py). */
final class MigrationCorpus {

    private MigrationCorpus() {
    }

    static Path root() {
        try {
            return Path.of(MigrationCorpus.class.getResource("/migration-corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path valid() {
        return root().resolve("valid");
    }

    static List<Path> badCases() throws IOException {
        try (Stream<Path> cases = Files.list(root().resolve("bad"))) {
            return cases.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** Copies the valid dataset (the four CSVs) into a folder. */
    static void copyValidInto(Path folder) throws IOException {
        for (String name : List.of("data_cyonei.csv", "data_d0101.csv", "data_d0301.csv", "data_d0603.csv")) {
            Files.copy(valid().resolve(name), folder.resolve(name));
        }
    }
}
