package jp.jichitai.cloud.residents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Properties of {@link RecordedDate}, checked exhaustively over the whole range instead of by sampling:
 * every day from the first day of 明治 to the end of 2100, and every year/month/day combination with
 * unknown parts in that range.
 */
class RecordedDatePropertyTests {

    private static final LocalDate FIRST_DAY_OF_MEIJI = LocalDate.of(1868, 1, 25);
    private static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    @Test
    void everyDayRoundTripsThroughJapaneseEraText() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (LocalDate day = FIRST_DAY_OF_MEIJI; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            String japanese = RecordedDate.of(day).toJapaneseEraText();
            RecordedDate back = RecordedDate.parse(japanese);
            if (!back.isSameDateAs(RecordedDate.of(day)) || !back.toJapaneseEraText().equals(japanese)) {
                failures.add(day + " -> " + japanese + " -> " + back.toStandardCsv());
            }
            checked++;
        }
        assertThat(checked).isEqualTo(FIRST_DAY_OF_MEIJI.until(LAST_DAY.plusDays(1), java.time.temporal.ChronoUnit.DAYS));
        assertThat(failures).isEmpty();
    }

    @Test
    void everyDayRoundTripsThroughAbbreviatedEraText() {
        EraCalendar calendar = EraCalendar.standard();
        List<String> failures = new ArrayList<>();
        for (LocalDate day = FIRST_DAY_OF_MEIJI; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            EraCalendar.Era era = calendar.eraOn(day.getYear(), day.getMonthValue(), day.getDayOfMonth()).orElseThrow();
            String abbreviated = era.letter() + "" + era.eraYearOf(day.getYear()) + "." + day.getMonthValue() + "." + day.getDayOfMonth();
            if (!RecordedDate.parse(abbreviated).toLocalDate().equals(day.getYear() < 1873 ? java.util.Optional.empty() : java.util.Optional.of(day))) {
                failures.add(day + " -> " + abbreviated);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyRecordableDateRoundTripsThroughTheStandardCsvFormIncludingUnknownParts() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String csv : allRecordableCsvForms()) {
            RecordedDate date = RecordedDate.fromStandardCsv(csv);
            if (!date.toStandardCsv().equals(csv)
                    || !RecordedDate.parse(date.toGregorianText()).toStandardCsv().equals(csv)
                    || !RecordedDate.parse(date.toJapaneseEraText()).toStandardCsv().equals(csv)) {
                failures.add(csv);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(1 + (2100 - 1868 + 1) * (1 + 12 * (1 + 31)));
        assertThat(failures).isEmpty();
    }

    @Test
    void orderingAgreesWithTheCalendarForRealDays() {
        LocalDate previous = null;
        for (LocalDate day = LocalDate.of(1988, 12, 1); day.isBefore(LocalDate.of(1989, 3, 1)); day = day.plusDays(1)) {
            if (previous != null) {
                assertThat(RecordedDate.of(previous)).isLessThan(RecordedDate.of(day));
            }
            previous = day;
        }
    }

    private static List<String> allRecordableCsvForms() {
        List<String> forms = new ArrayList<>();
        forms.add("00000000");
        for (int year = 1868; year <= 2100; year++) {
            forms.add(String.format("%04d0000", year));
            for (int month = 1; month <= 12; month++) {
                for (int day = 0; day <= 31; day++) {
                    forms.add(String.format("%04d%02d%02d", year, month, day));
                }
            }
        }
        return forms;
    }
}
