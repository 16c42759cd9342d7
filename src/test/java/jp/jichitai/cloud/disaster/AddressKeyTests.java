package jp.jichitai.cloud.disaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import jp.jichitai.cloud.shared.BusinessException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
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

    @Property
    void everyWayOfWritingTheSameNumbersGivesTheSameKey(@ForAll("towns") String town,
            @ForAll @IntRange(min = 1, max = 999) int block, @ForAll @IntRange(min = 1, max = 9999) int lot,
            @ForAll @IntRange(min = 1, max = 999) int house, @ForAll("renderings") Function<int[], String> oneWay,
            @ForAll("renderings") Function<int[], String> otherWay) {
        int[] numbers = {block, lot, house};

        assertThat(AddressKey.of(town + oneWay.apply(numbers))).isEqualTo(AddressKey.of(town + otherWay.apply(numbers)));
    }

    @Property
    void differentNumbersNeverGiveTheSameKey(@ForAll("towns") String town,
            @ForAll @IntRange(min = 1, max = 99) int block, @ForAll @IntRange(min = 1, max = 99) int lot,
            @ForAll @IntRange(min = 1, max = 99) int otherLot, @ForAll("renderings") Function<int[], String> oneWay,
            @ForAll("renderings") Function<int[], String> otherWay) {
        net.jqwik.api.Assume.that(lot != otherLot);

        assertThat(AddressKey.of(town + oneWay.apply(new int[] {block, lot, 1})))
                .isNotEqualTo(AddressKey.of(town + otherWay.apply(new int[] {block, otherLot, 1})));
    }

    @Property
    void keyOfAKeyIsTheKey(@ForAll("addressLikeText") String address) {
        AddressKey key = AddressKey.of(address);

        assertThat(AddressKey.of(key.value())).isEqualTo(key);
    }

    @Property
    void fullWidthDigitsAndDashesMatchHalfWidth(@ForAll("addressLikeText") String address) {
        String fullWidth = fullWidth(address);

        assertThat(AddressKey.of(fullWidth)).isEqualTo(AddressKey.of(address));
    }

    @Provide
    Arbitrary<String> towns() {
        return Arbitraries.of(TOWNS);
    }

    @Provide
    Arbitrary<Function<int[], String>> renderings() {
        return Arbitraries.of(RENDERINGS);
    }

    @Provide
    Arbitrary<String> addressLikeText() {
        return Arbitraries.strings()
                .withChars("0123456789-−－ーのノ之一二三四五六七八九十百千〇丁目番地号室条南北西東緑ヶケが丘市町字 　ABCｱｲ")
                .ofMinLength(1).ofMaxLength(30)
                .filter(text -> !text.isBlank());
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
