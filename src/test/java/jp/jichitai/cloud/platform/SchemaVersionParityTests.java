package jp.jichitai.cloud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jp.jichitai.cloud.continuity.SchemaVersion;

/**
 * The embedded database (H2) and PostgreSQL must end at the same Flyway version: a tenant's vault records the highest
 * version of the database it was taken from, and a restore refuses a vault newer than its target, so a vault of the
 * centre's PostgreSQL could not be opened at an offline counter's H2 if PostgreSQL alone had a later migration.
 */
class SchemaVersionParityTests {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9_.]+)__.*\\.sql");

    @Test
    void bothDatabasesEndAtTheSameSchemaVersion() throws Exception {
        SchemaVersion h2 = highest("db/migration", "db/vendor/h2");
        SchemaVersion postgresql = highest("db/migration", "db/vendor/postgresql");

        assertThat(h2.text()).as("highest migration of H2 and of PostgreSQL").isEqualTo(postgresql.text());
    }

    @Test
    void theHighestVersionIsFoundByNumberNotByName() throws Exception {
        // V71_1 sorts before V8 as a name; the comparison must be numeric for the test above to mean anything.
        assertThat(SchemaVersion.of("71.1").isNewerThan(SchemaVersion.of("71"))).isTrue();
        assertThat(SchemaVersion.of("8").isNewerThan(SchemaVersion.of("71.1"))).isFalse();
        assertThat(highest("db/migration").isNewerThan(SchemaVersion.of("70"))).isTrue();
    }

    private static SchemaVersion highest(String... locations) throws IOException, URISyntaxException {
        SchemaVersion highest = SchemaVersion.of("0");
        for (String location : locations) {
            Path folder = Path.of(SchemaVersionParityTests.class.getClassLoader().getResource(location).toURI());
            List<SchemaVersion> versions;
            try (Stream<Path> files = Files.list(folder)) {
                versions = files.map(file -> VERSIONED.matcher(file.getFileName().toString()))
                        .filter(Matcher::matches)
                        .map(match -> SchemaVersion.of(match.group(1).replace('_', '.')))
                        .toList();
            }
            assertThat(versions).as("versioned migrations in " + location).isNotEmpty();
            SchemaVersion top = versions.stream().max(Comparator.naturalOrder()).orElseThrow();
            if (top.isNewerThan(highest)) {
                highest = top;
            }
        }
        return highest;
    }
}
