package jp.jichitai.cloud.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.jichitai.cloud.shared.BusinessException;

class RecordedDateTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            19700301         | 19700301 | 昭和45年3月1日   | 1970年3月1日
            1970-03-01       | 19700301 | 昭和45年3月1日   | 1970年3月1日
            1970/3/1         | 19700301 | 昭和45年3月1日   | 1970年3月1日
            １９７０年３月１日 | 19700301 | 昭和45年3月1日   | 1970年3月1日
            S45.3.1          | 19700301 | 昭和45年3月1日   | 1970年3月1日
            s45.03.01        | 19700301 | 昭和45年3月1日   | 1970年3月1日
            昭和45年3月1日    | 19700301 | 昭和45年3月1日   | 1970年3月1日
            ㍼45年3月1日      | 19700301 | 昭和45年3月1日   | 1970年3月1日
            平成元年          | 19890000 | 平成元年月日不詳  | 1989年月日不詳
            H1.1.8           | 19890108 | 平成元年1月8日   | 1989年1月8日
            R7.4.1           | 20250401 | 令和7年4月1日    | 2025年4月1日
            令和7年4月1日     | 20250401 | 令和7年4月1日    | 2025年4月1日
            19450000         | 19450000 | 昭和20年月日不詳  | 1945年月日不詳
            19450800         | 19450800 | 昭和20年8月日不詳 | 1945年8月日不詳
            昭和20年不詳      | 19450000 | 昭和20年月日不詳  | 1945年月日不詳
            昭和20年月日不詳   | 19450000 | 昭和20年月日不詳  | 1945年月日不詳
            昭和20年8月日不詳  | 19450800 | 昭和20年8月日不詳 | 1945年8月日不詳
            昭和20年8月不詳    | 19450800 | 昭和20年8月日不詳 | 1945年8月日不詳
            00000000         | 00000000 | 年月日不詳       | 年月日不詳
            年月日不詳        | 00000000 | 年月日不詳       | 年月日不詳
            昭和64年不詳      | 19890000 | 昭和64年月日不詳  | 1989年月日不詳
            平成31年5月1日    | 20190501 | 平成31年5月1日   | 2019年5月1日
            昭和45年2月30日   | 19700230 | 昭和45年2月30日  | 1970年2月30日
            19700231         | 19700231 | 昭和45年2月31日  | 1970年2月31日
            """)
    void readsAndPrintsDatesAsRecorded(String input, String csv, String japaneseEra, String gregorian) {
        RecordedDate date = RecordedDate.parse(input);

        assertThat(date.toStandardCsv()).isEqualTo(csv);
        assertThat(date.toJapaneseEraText()).isEqualTo(japaneseEra);
        assertThat(date.toGregorianText()).isEqualTo(gregorian);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            19890107 | 昭和64年1月7日
            19890108 | 平成元年1月8日
            19261224 | 大正15年12月24日
            19261225 | 昭和元年12月25日
            19120729 | 明治45年7月29日
            19120730 | 大正元年7月30日
            20190430 | 平成31年4月30日
            20190501 | 令和元年5月1日
            18680125 | 明治元年1月25日
            18680124 | 1868年1月24日
            19890100 | 平成元年1月日不詳
            19260000 | 昭和元年月日不詳
            """)
    void usesTheFirstDayOfEachEra(String csv, String japaneseEra) {
        assertThat(RecordedDate.fromStandardCsv(csv).toJapaneseEraText()).isEqualTo(japaneseEra);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''              | E-RES-0001 | 日付「」を読み取れません。19700301、1970-03-01、1970/3/1、昭和45年3月1日、S45.3.1 のように入力してください（不詳は 19450000、昭和20年不詳）。
            45年3月1日       | E-RES-0001 | 日付「45年3月1日」を読み取れません。19700301、1970-03-01、1970/3/1、昭和45年3月1日、S45.3.1 のように入力してください（不詳は 19450000、昭和20年不詳）。
            昭和45年3月日不詳1日 | E-RES-0001 | 日付「昭和45年3月日不詳1日」を読み取れません。19700301、1970-03-01、1970/3/1、昭和45年3月1日、S45.3.1 のように入力してください（不詳は 19450000、昭和20年不詳）。
            天保3年1月1日     | E-RES-0002 | 日付「天保3年1月1日」の元号は元号表にありません。
            Q3.1.1          | E-RES-0002 | 日付「Q3.1.1」の元号は元号表にありません。
            昭和65年1月1日    | E-RES-0003 | 昭和65年はありません。昭和は64年までです。
            H32.1.1         | E-RES-0003 | 平成32年はありません。平成は31年までです。
            19701301        | E-RES-0004 | 日付「1970-13-1」は読み取れません。月は1から12、日は1から31で入力してください（不詳は0）。
            19700132        | E-RES-0004 | 日付「1970-1-32」は読み取れません。月は1から12、日は1から31で入力してください（不詳は0）。
            19700015        | E-RES-0005 | 日付「1970-0-15」は記録できません。年が不詳なら月日も、月が不詳なら日も不詳にしてください。
            00000301        | E-RES-0005 | 日付「0-3-1」は記録できません。年が不詳なら月日も、月が不詳なら日も不詳にしてください。
            昭和0年1月1日     | E-RES-0006 | 「昭和0年」はありません。元号の年は元年（1年）からです。
            """)
    void refusesWhatCannotBeADateWithAJapaneseMessage(String input, String messageId, String message) {
        assertThatThrownBy(() -> RecordedDate.parse(input))
                .isInstanceOfSatisfying(BusinessException.class, refusal -> {
                    assertThat(refusal.messageId().value()).isEqualTo(messageId);
                    assertThat(refusal.japaneseMessage()).isEqualTo(message);
                });
    }

    @Test
    void keepsTheEraItWasRecordedIn() {
        RecordedDate showa = RecordedDate.parse("昭和64年不詳");
        RecordedDate gregorian = RecordedDate.parse("19890000");

        assertThat(showa.recordedEra()).map(EraCalendar.Era::name).contains("昭和");
        assertThat(gregorian.recordedEra()).isEmpty();
        assertThat(showa.isSameDateAs(gregorian)).isTrue();
        assertThat(showa).isNotEqualTo(gregorian);
        assertThat(gregorian.toJapaneseEraText()).isEqualTo("平成元年月日不詳");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            19700301 | 1970-03-01
            19720229 | 1972-02-29
            18730101 | 1873-01-01
            19700230 | ''
            19710229 | ''
            19700300 | ''
            19700000 | ''
            00000000 | ''
            18721231 | ''
            """)
    void answersACalendarDayOnlyWhenThereIsOne(String csv, String expected) {
        RecordedDate date = RecordedDate.fromStandardCsv(csv);

        if (expected.isEmpty()) {
            assertThat(date.toLocalDate()).isEmpty();
        } else {
            assertThat(date.toLocalDate()).contains(LocalDate.parse(expected));
        }
    }

    @Test
    void ordersUnknownPartsBeforeKnownOnes() {
        List<RecordedDate> dates = new ArrayList<>(List.of(
                RecordedDate.parse("19700301"), RecordedDate.parse("19700300"), RecordedDate.unknown(),
                RecordedDate.parse("19700000"), RecordedDate.parse("19700230"), RecordedDate.parse("19691231")));

        dates.sort(null);

        assertThat(dates).extracting(RecordedDate::toStandardCsv).containsExactly(
                "00000000", "19691231", "19700000", "19700230", "19700300", "19700301");
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            19700301 | 19700301 | true
            19700301 | 19700302 | false
            19700000 | 19700302 | true
            19700300 | 19700302 | true
            19700400 | 19700302 | false
            19710000 | 19700302 | false
            00000000 | 19700302 | true
            """)
    void searchFindsRecordsThatCouldBeTheAskedDate(String recorded, String asked, boolean compatible) {
        RecordedDate record = RecordedDate.fromStandardCsv(recorded);
        RecordedDate query = RecordedDate.fromStandardCsv(asked);

        assertThat(record.isCompatibleWith(query)).isEqualTo(compatible);
        assertThat(query.isCompatibleWith(record)).isEqualTo(compatible);
    }

    @ParameterizedTest(name = "{0} within {1}..{2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            19700301 | 1970-01-01 | 1970-12-31 | true
            19700301 | 1970-03-02 | 1970-12-31 | false
            19700000 | 1970-12-31 | 1971-01-10 | true
            19700000 | 1971-01-01 | 1971-12-31 | false
            19700200 | 1970-02-28 | 1970-03-31 | true
            19700230 | 1970-03-01 | 1970-03-31 | false
            00000000 | 2000-01-01 | 2000-01-01 | true
            """)
    void searchByRangeIncludesDatesThatMayFallInside(String recorded, LocalDate from, LocalDate to, boolean inside) {
        assertThat(RecordedDate.fromStandardCsv(recorded).mayFallWithin(from, to)).isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0} after {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            19700301 | 1970-02-28 | true
            19700301 | 1970-03-01 | false
            19700000 | 1969-12-31 | true
            19700000 | 1970-01-01 | false
            19700300 | 1970-02-28 | true
            00000000 | 1900-01-01 | false
            """)
    void knowsWhenADateIsCertainlyAfterADay(String recorded, LocalDate day, boolean after) {
        assertThat(RecordedDate.fromStandardCsv(recorded).isCertainlyAfter(day)).isEqualTo(after);
    }

    @Test
    void aNewEraArrivesByConfiguration() throws Exception {
        EraCalendar withNextEra = EraCalendar.load(Path.of(getClass().getResource("/residents/eras-with-test-era.tsv").toURI()));

        assertThat(RecordedDate.parse("20310401").toJapaneseEraText(withNextEra)).isEqualTo("試験元年4月1日");
        assertThat(RecordedDate.parse("20310331").toJapaneseEraText(withNextEra)).isEqualTo("令和13年3月31日");
        assertThat(RecordedDate.parse("X2.1.1", withNextEra).toStandardCsv()).isEqualTo("20320101");
        assertThat(RecordedDate.parse("20310401").toJapaneseEraText()).isEqualTo("令和13年4月1日");
        assertThatThrownBy(() -> RecordedDate.parse("令和14年1月1日", withNextEra))
                .hasMessage("令和14年はありません。令和は13年までです。");
    }

    @Test
    void refusesEraTablesOutOfOrder() {
        assertThatThrownBy(() -> EraCalendar.load(new java.io.StringReader("平成\t1989-01-08\tH\n昭和\t1926-12-25\tS\n")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
