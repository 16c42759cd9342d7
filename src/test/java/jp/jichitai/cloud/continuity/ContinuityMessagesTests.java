package jp.jichitai.cloud.continuity;

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

/** Every message id the module's code uses has a Japanese text. */
class ContinuityMessagesTests {

    private static final Pattern ID = Pattern.compile("\"([EI]-CON-[0-9]{4})\"");

    @Test
    void everyIdUsedInTheCodeHasAJapaneseText() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/jp/jichitai/cloud/continuity"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = ID.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        Messages messages = Messages.of("continuity");
        assertThat(used).hasSizeGreaterThan(5);
        assertThat(used).allSatisfy(id -> assertThat(messages.has(MessageId.of(id))).as(id).isTrue());
        assertThat(messages.has(MessageId.of("E-CON-9999"))).isFalse();
    }
}
