package jp.jichitai.cloud.residents;

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

import jp.jichitai.cloud.residents.internal.ResidentMessages;

class ResidentMessagesTests {

    @Test
    void everyMessageIdUsedInTheModuleHasAJapaneseText() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern id = Pattern.compile("E-RES-[0-9]{4}");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/jp/jichitai/cloud/residents"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = id.matcher(Files.readString(source));
                while (matcher.find()) {
                    used.add(matcher.group());
                }
            }
        }

        assertThat(used).hasSizeGreaterThan(30);
        assertThat(used).allSatisfy(messageId -> assertThat(ResidentMessages.has(messageId)).as(messageId).isTrue());
    }
}
