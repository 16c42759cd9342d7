package jp.jichitai.cloud.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;
import org.junit.jupiter.api.Test;

/** Every message id the module's code uses has a Japanese text, and every text has a well-formed id. */
class OperationsMessagesTests {

    private static final Pattern ID = Pattern.compile("\"(E-OPS-[0-9]{4})\"");

    @Test
    void everyIdUsedInTheCodeHasAJapaneseText() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/jp/jichitai/cloud/operations"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = ID.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        Messages messages = Messages.of("operations");

        assertThat(used).isNotEmpty();
        assertThat(used).allSatisfy(id -> assertThat(messages.has(MessageId.of(id))).as(id).isTrue());
    }

    @Test
    void everyTextHasAnIdOfThisAreaAndJapaneseText() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("messages/operations.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        assertThat(properties.stringPropertyNames()).isNotEmpty().allSatisfy(key -> {
            assertThat(key).matches("E-OPS-[0-9]{4}");
            assertThat(properties.getProperty(key)).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
        });
    }
}
