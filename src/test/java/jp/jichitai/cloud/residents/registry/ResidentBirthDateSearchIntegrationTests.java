package jp.jichitai.cloud.residents.registry;

import static jp.jichitai.cloud.residents.registry.RegistryFixture.asClerk;
import static jp.jichitai.cloud.residents.registry.RegistryFixture.moveInHead;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.residents.ResidentSummary;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.support.IntegrationTest;

/**
 * Search by birth date with partly unknown dates, the standard's way: a full date finds that day, then the month's
 * 日不詳, then the year's 月日不詳; a year-month finds the month (日不詳 included), then the year's 月日不詳; a year
 * finds the whole year. Residents are told apart by their given names (the town holds other residents too).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentBirthDateSearchIntegrationTests extends IntegrationTest {

    @Autowired
    Residents residents;

    /** Given name → birth date as recorded. */
    static final Map<String, String> BORN = new LinkedHashMap<>();

    static {
        BORN.put("ツイタチ", "19700301");
        BORN.put("ヒフメイ", "昭和45年3月日不詳");
        BORN.put("ツキフメイ", "昭和45年月日不詳");
        BORN.put("シガツ", "19700415");
        BORN.put("ヨクトシ", "19710301");
        BORN.put("ヨクトシフメイ", "1971年月日不詳");
        BORN.put("ゼンブフメイ", "年月日不詳");
    }

    @BeforeAll
    void record() {
        asClerk(NAYORO, () -> {
            BORN.forEach((given, birth) -> moveInHead(residents, "日付　" + given, "ヒヅケ　" + given, birth,
                    "北海道名寄市西1条南9丁目"));
            return null;
        });
    }

    private List<String> givenNamesFound(String query) {
        return asClerk(NAYORO, () -> residents.search(query)).stream().map(ResidentSummary::kana)
                .filter(kana -> kana.startsWith("ヒヅケ　")).map(kana -> kana.substring(4)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            19700301               | ツイタチ ヒフメイ ツキフメイ | シガツ ヨクトシ ヨクトシフメイ ゼンブフメイ
            S45.3.1                | ツイタチ ヒフメイ ツキフメイ | シガツ ヨクトシ ヨクトシフメイ ゼンブフメイ
            昭和45年3月1日          | ツイタチ ヒフメイ ツキフメイ | シガツ ヨクトシ ヨクトシフメイ ゼンブフメイ
            1970-03                | ヒフメイ ツイタチ ツキフメイ | シガツ ヨクトシ ヨクトシフメイ ゼンブフメイ
            昭和45年3月             | ヒフメイ ツイタチ ツキフメイ | シガツ ヨクトシ ヨクトシフメイ ゼンブフメイ
            S45                    | ツキフメイ ヒフメイ ツイタチ シガツ | ヨクトシ ヨクトシフメイ ゼンブフメイ
            昭和45年                | ツキフメイ ヒフメイ ツイタチ シガツ | ヨクトシ ヨクトシフメイ ゼンブフメイ
            19710301               | ヨクトシ ヨクトシフメイ | ツイタチ ヒフメイ ツキフメイ シガツ ゼンブフメイ
            ヒヅケ ツイタチ 19700301 | ツイタチ | ヒフメイ ツキフメイ
            ヒヅケ ヒフメイ 19700301 | ヒフメイ | ツイタチ
            ひづけ つきふめい S45.3.1 | ツキフメイ | ツイタチ
            ヒヅケ シガツ 19700301   | '' | シガツ
            """)
    void aBirthDateFindsTheDayThenThePartlyUnknownDatesThatMayBeIt(String query, String inOrder, String absent) {
        List<String> found = givenNamesFound(query);
        List<String> expected = words(inOrder);
        assertThat(found).as(query).containsExactlyElementsOf(expected);
        assertThat(found).as(query).doesNotContainAnyElementsOf(words(absent));
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split(" +"));
    }
}
