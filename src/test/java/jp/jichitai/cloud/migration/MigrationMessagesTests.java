package jp.jichitai.cloud.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;

/** Every message id the import and export use (migration module and their commands) has a Japanese text. */
class MigrationMessagesTests {

    private static final Pattern ID = Pattern.compile("\"([EWI]-MIG-[0-9]{4})\"");

    @Test
    void everyIdUsedByImportAndExportHasAJapaneseText() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String folder : new String[] {"src/main/java/jp/jichitai/cloud/migration", "src/main/java/jp/jichitai/cloud/cli"}) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Matcher matcher = ID.matcher(Files.readString(file));
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        Messages messages = Messages.of("migration");

        assertThat(used).contains("E-MIG-0501", "E-MIG-0502", "E-MIG-0503", "E-MIG-0504", "E-MIG-0505", "I-MIG-0501",
                "E-MIG-0801", "E-MIG-0802", "E-MIG-0803", "E-MIG-0804", "E-MIG-0805");
        assertThat(used).allSatisfy(id -> assertThat(messages.has(MessageId.of(id))).as(id).isTrue());
    }
}
