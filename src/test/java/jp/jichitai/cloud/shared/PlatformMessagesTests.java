package jp.jichitai.cloud.shared;

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

class PlatformMessagesTests {

    private static final Pattern PLATFORM_ID = Pattern.compile("\"((?:E|W|I)-(?:API|TEN|IDN|AUD)-[0-9]{4})\"");

    @Test
    void everyPlatformMessageIdInTheCodeHasAJapaneseText() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher id = PLATFORM_ID.matcher(Files.readString(source));
                while (id.find()) {
                    used.add(id.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(10);
        Messages platform = Messages.of("platform");
        assertThat(used).allSatisfy(id -> assertThat(platform.has(MessageId.of(id))).as(id).isTrue());
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(PlatformMessages.text("E-IDN-0002", 5, 15)).startsWith("ログインに続けて5回失敗したため").contains("15分後");
        assertThat(PlatformMessages.error("E-API-0004", "limit").message()).isEqualTo("パラメータ「limit」の形式が正しくありません。");
    }
}
