package jp.jichitai.cloud.disaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static jp.jichitai.cloud.support.Generators.between;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.support.Generators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressKeyTests {

    private static final List<String> TOWNS = List.of("名寄市西3条南", "名寄市西三条南", "士別市東", "今金町字今金",
            "名寄市緑ヶ丘", "名寄市緑ケ丘", "名寄市緑が丘", "");

    /** Ways people write the block, lot and house numbers a, b, c. */
    private static final List<Function<int[], String>> RENDERINGS = List.of(
            n -> n[0] + "丁目" + n[1] + "番" + n[2] + "号",
            n -> n[0] + "丁目" + n[1] + "番地" + n[2],
            n -> n[0] + "丁目" + n[1] + "番地の" + n[2],
            n -> n[0] + "丁目" + n[1] + "-" + n[2],
            n -> n[0] + "-" + n[1] + "-" + n[2],
            n -> n[0] + "の" + n[1] + "の" + n[2],
            n -> n[0] + "ノ" + n[1] + "ノ" + n[2],
            n -> n[0] + "−" + n[1] + "−" + n[2],
            n -> n[0] + "ー" + n[1] + "ー" + n[2],
            n -> fullWidth(n[0] + "－" + n[1] + "－" + n[2]),
            n -> fullWidth(Integer.toString(n[0])) + "丁目" + fullWidth(Integer.toString(n[1])) + "番"
                    + fullWidth(Integer.toString(n[2])) + "号",
            n -> kanji(n[0]) + "丁目" + kanji(n[1]) + "番" + kanji(n[2]) + "号",
            n -> kanji(n[0]) + "丁目" + n[1] + "番地の" + n[2],
            n -> " " + n[0] + " 丁目 " + n[1] + "　番 " + n[2] + " 号 ");

    /** Characters addresses are made of, with the variants the key folds. */
    private static final String ADDRESS_CHARACTERS =
            "0123456789-−－ーのノ之一二三四五六七八九十百千〇丁目番地号室条南北西東緑ヶケが丘市町字 　ABCｱｲ";

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource({
            "2丁目3番,                 2の3",
            "2丁目3番,                 2−3",
            "2丁目3番,                 ２－３",
            "二丁目3番,                2-3",
            "2丁目3番地,               2-3",
            "二丁目三番四号,           2-3-4",
            "十二丁目二十三番地の百五, 12-23-105",
            "二〇三番地,               203",
            "2一3,                     2-3",
            "名寄市西三条南五丁目2番地の3, 名寄市西3条南5-2-3",
            "名寄市緑ケ丘1丁目,        名寄市緑ヶ丘1",
            "名寄市 西3条南 5丁目2-3 ｻﾝﾊｲﾂ 101号室, 名寄市西3条南5-2-3サンハイツ101"})
    void matchesAddressesWrittenDifferently(String oneWay, String otherWay) {
        assertThat(AddressKey.of(oneWay)).isEqualTo(AddressKey.of(otherWay));
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource({
            "2丁目3番,      2丁目4番",
            "2-3,           23",
            "2-3-4,         2-34",
            "西3条南,       西3条北",
            "十二丁目,      2丁目"})
    void keepsDifferentAddressesApart(String one, String other) {
        assertThat(AddressKey.of(one)).isNotEqualTo(AddressKey.of(other));
    }

    @ParameterizedTest
    @CsvSource({"''", "'   '", "'　'"})
    void refusesABlankAddress(String blank) {
        assertThatThrownBy(() -> AddressKey.of(blank))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-DIS-0011"));
    }

    /** Every town with every pair of renderings, twice, each time with other numbers. */
    @Test
    void everyWayOfWritingTheSameNumbersGivesTheSameKey() {
        long seed = Generators.seed(20250101L);
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 2; round++) {
            for (String town : TOWNS) {
                for (Function<int[], String> oneWay : RENDERINGS) {
                    for (Function<int[], String> otherWay : RENDERINGS) {
                        int[] numbers = {between(random, 1, 999), between(random, 1, 9999), between(random, 1, 999)};
                        String one = town + oneWay.apply(numbers);
                        String other = town + otherWay.apply(numbers);

                        assertThat(AddressKey.of(one)).as("seed %d: key of [%s] against key of [%s]", seed, one, other)
                                .isEqualTo(AddressKey.of(other));
                    }
                }
            }
        }
    }

    @Test
    void differentNumbersNeverGiveTheSameKey() {
        long seed = Generators.seed(20250102L);
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 2; round++) {
            for (String town : TOWNS) {
                for (Function<int[], String> oneWay : RENDERINGS) {
                    for (Function<int[], String> otherWay : RENDERINGS) {
                        int block = between(random, 1, 99);
                        int lot = between(random, 1, 99);
                        int otherLot = between(random, 1, 98);
                        if (otherLot >= lot) {
                            otherLot++;
                        }
                        String one = town + oneWay.apply(new int[] {block, lot, 1});
                        String other = town + otherWay.apply(new int[] {block, otherLot, 1});

                        assertThat(AddressKey.of(one)).as("seed %d: key of [%s] against key of [%s]", seed, one, other)
                                .isNotEqualTo(AddressKey.of(other));
                    }
                }
            }
        }
    }

    @Test
    void keyOfAKeyIsTheKey() {
        long seed = Generators.seed(20250103L);
        for (String address : addressLikeText(seed)) {
            AddressKey key = AddressKey.of(address);

            assertThat(AddressKey.of(key.value())).as("seed %d: key of the key of [%s]", seed, address).isEqualTo(key);
        }
    }

    @Test
    void fullWidthDigitsAndDashesMatchHalfWidth() {
        long seed = Generators.seed(20250104L);
        for (String address : addressLikeText(seed)) {
            String fullWidth = fullWidth(address);

            assertThat(AddressKey.of(fullWidth)).as("seed %d: key of [%s] against key of [%s]", seed, fullWidth, address)
                    .isEqualTo(AddressKey.of(address));
        }
    }

    /**
     * Every text of one or two {@link #ADDRESS_CHARACTERS}, where a lone dash or の is the whole address,
     * then random texts of up to 30; blank texts are left out, an address is never blank.
     */
    private static List<String> addressLikeText(long seed) {
        List<String> texts = new ArrayList<>();
        for (char first : ADDRESS_CHARACTERS.toCharArray()) {
            texts.add(String.valueOf(first));
            for (char second : ADDRESS_CHARACTERS.toCharArray()) {
                texts.add(String.valueOf(first) + second);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < Generators.CASES; i++) {
            texts.add(Generators.string(random, ADDRESS_CHARACTERS, 1, 30));
        }
        texts.removeIf(String::isBlank);
        return texts;
    }

    private static String fullWidth(String text) {
        StringBuilder result = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
                result.append((char) (c - '0' + '０'));
            } else if (c == '-') {
                result.append('－');
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }

    /** 1 to 9999 in kanji as people write them on forms: 二十三, 百五, 千二百. */
    private static String kanji(int number) {
        String digits = "〇一二三四五六七八九";
        String[] units = {"千", "百", "十", ""};
        int[] values = {1000, 100, 10, 1};
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            int digit = number / values[i] % 10;
            if (digit == 0) {
                continue;
            }
            if (digit > 1 || values[i] == 1) {
                result.append(digits.charAt(digit));
            }
            result.append(units[i]);
        }
        return result.toString();
    }
}
