package jp.jichitai.cloud.residents.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.Entitlements;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.PersonName;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.Relationship;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentStatus;
import jp.jichitai.cloud.residents.Sex;

class SearchKeyRowsTests {

    static Resident resident(String name, String kana, String address, ResidentStatus status) {
        return Resident.builder().atenaNumber(AtenaNumber.issued(7)).householdNumber(HouseholdNumber.issued(3))
                .kind(ResidentKind.JAPANESE).status(status).name(PersonName.of(name, kana))
                .birthDate(RecordedDate.parse("昭和45年3月1日")).sex(Sex.FEMALE).relationship(Relationship.HOUSEHOLD_HEAD)
                .address(RegistryFixture.address(address)).becameResidentOn(RecordedDate.parse("20000101"))
                .addressSettledOn(RecordedDate.parse("20000101")).changedOn(java.time.LocalDate.of(2000, 1, 1))
                .entitlements(Entitlements.none()).build();
    }

    @Test
    void keysFoldButExactFormsKeepTheRecordedCharacters() {
        Set<SearchKeyRows.Row> rows = SearchKeyRows.of(List.of(resident("髙橋　花子", "タカハシ　ハナコ", "北海道名寄市西1条南5丁目",
                ResidentStatus.RESIDENT)), resident("髙橋　花子", "タカハシ　ハナコ", "北海道名寄市西1条南5丁目", ResidentStatus.RESIDENT));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.kind()).isEqualTo(SearchKeyRows.SURNAME);
            assertThat(row.keyValue()).isEqualTo("高橋");
            assertThat(row.exactValue()).isEqualTo("髙橋");
        });
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.kind()).isEqualTo(SearchKeyRows.BIRTH_AND_KANA);
            assertThat(row.keyValue()).isEqualTo("19700301タカハシハナコ");
        });
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.kind()).isEqualTo(SearchKeyRows.ADDRESS);
            assertThat(row.keyValue()).isEqualTo("西1条南5丁目");
        });
        assertThat(rows).extracting(SearchKeyRows.Row::kind).contains("KS", "KG", "KF", "NS", "NG", "NF");
    }

    @Test
    void pastNamesAndAddressesAreKeptAndTheCurrentStatusDecidesRemoved() {
        Resident before = resident("札幌　花子", "サッポロ　ハナコ", "北海道名寄市日進1番地", ResidentStatus.RESIDENT);
        Resident now = resident("旭川　花子", "アサヒカワ　ハナコ", "北海道名寄市徳田2番地", ResidentStatus.MOVED_OUT);
        Set<SearchKeyRows.Row> rows = SearchKeyRows.of(List.of(before, now), now);
        assertThat(rows).extracting(SearchKeyRows.Row::keyValue).contains("札幌", "旭川", "日進1番地", "徳田2番地");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.removed()).isTrue();
            assertThat(row.sortKana()).isEqualTo("アサヒカワハナコ");
        });
    }

    @Test
    void localAddressDropsPrefectureAndMunicipalityOnly() {
        assertThat(SearchKeyRows.localAddress("北海道名寄市風連町本町12番地")).isEqualTo("風連町本町12番地");
        assertThat(SearchKeyRows.localAddress("北海道瀬棚郡今金町今金123番地")).isEqualTo("今金123番地");
        assertThat(SearchKeyRows.localAddress("西1条南")).isEqualTo("西1条南");
    }

    @Test
    void theUpperBoundOfAPrefixIsAboveEveryTextStartingWithItAndBelowTheNextPrefix() {
        Random random = new Random(20250401);
        String alphabet = "アイウカキクサシスタチツハヒフ高橋髙崎﨑斎斉藤0123ABC";
        for (int i = 0; i < 2000; i++) {
            String prefix = randomText(random, alphabet, 1 + random.nextInt(4));
            String longer = prefix + randomText(random, alphabet, random.nextInt(5)) + "\uFFEE";
            String bound = ResidentSearch.upperBound(prefix);
            assertThat(compareCodePoints(longer, bound)).as(longer + " < " + bound).isNegative();
            assertThat(compareCodePoints(prefix, bound)).isNegative();
            String other = randomText(random, alphabet, 1 + random.nextInt(5));
            if (compareCodePoints(other, prefix) > 0 && !other.startsWith(prefix)) {
                assertThat(compareCodePoints(other, bound)).as(other + " >= " + bound).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void queriesAreReadAsDatesOrReadingsOrNames() {
        assertThat(ResidentSearch.date("S45.3.1")).map(RecordedDate::toStandardCsv).contains("19700301");
        assertThat(ResidentSearch.date("昭和45年")).map(ResidentSearch::datePrefix).contains("1970");
        assertThat(ResidentSearch.date("高橋")).isEmpty();
        assertThat(ResidentSearch.date("3018")).isEmpty();
        assertThat(ResidentSearch.isKana("たかはし ﾊﾅｺ")).isTrue();
        assertThat(ResidentSearch.isKana("髙橋")).isFalse();
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** The order of COLLATE "C" on UTF-8: code point order. */
    private static int compareCodePoints(String one, String other) {
        return java.util.Arrays.compare(one.codePoints().toArray(), other.codePoints().toArray());
    }
}
