package jp.jichitai.cloud.disaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.jichitai.cloud.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deadlines worked out by hand with 民法 143条: the period starts on the disaster day and ends the day
 * before the corresponding day of the final month, or on that month's last day if it has none.
 */
class ApplicationDeadlineTests {

    @ParameterizedTest(name = "disaster {0}: 基礎 until {1}, 加算 until {2}")
    @CsvSource({
            // 令和6年能登半島地震: the 基礎支援金 deadline was first set at 2025-01-31
            "2024-01-01, 2025-01-31, 2027-01-31",
            "2024-03-01, 2025-03-31, 2027-03-31",
            "2024-07-03, 2025-08-02, 2027-08-02",
            "2019-12-31, 2021-01-30, 2023-01-30",
            // final month February has no 31st, 30th or 29th: its last day ends the period
            "2024-01-31, 2025-02-28, 2027-02-28",
            "2024-01-30, 2025-02-28, 2027-02-28",
            "2024-01-29, 2025-02-28, 2027-02-28",
            "2024-01-28, 2025-02-27, 2027-02-27",
            // leap February 2024 does have a 29th, so the period ends on the 28th
            "2023-01-29, 2024-02-28, 2026-02-28",
            "2023-01-30, 2024-02-29, 2026-02-28",
            "2023-01-31, 2024-02-29, 2026-02-28"})
    void lastDayToApply(LocalDate disaster, LocalDate basicLastDay, LocalDate additionalLastDay) {
        assertThat(ApplicationDeadline.of(SupportPaymentItem.BASIC, disaster).lastDay()).isEqualTo(basicLastDay);
        assertThat(ApplicationDeadline.of(SupportPaymentItem.ADDITIONAL, disaster).lastDay())
                .isEqualTo(additionalLastDay);
        assertThat(ApplicationDeadline.of(SupportPaymentItem.ADDITIONAL_AFTER_RENTING, disaster).lastDay())
                .isEqualTo(additionalLastDay);
    }

    @Test
    void acceptsTheLastDayAndRefusesTheNextWithAJapaneseMessage() {
        ApplicationDeadline deadline = ApplicationDeadline.of(SupportPaymentItem.BASIC, LocalDate.of(2024, 1, 1));

        assertThat(deadline.accepts(LocalDate.of(2025, 1, 31))).isTrue();
        assertThat(deadline.accepts(LocalDate.of(2025, 2, 1))).isFalse();
        assertThatThrownBy(() -> deadline.check(LocalDate.of(2025, 2, 1)))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageId().value()).isEqualTo("E-DIS-0007");
                    assertThat(e.japaneseMessage()).contains("基礎支援金").contains("2025-01-31");
                });
    }

    @Test
    void prefectureMayExtendButNeverShortenTheDeadline() {
        ApplicationDeadline deadline = ApplicationDeadline.of(SupportPaymentItem.BASIC, LocalDate.of(2024, 1, 1));

        ApplicationDeadline extended = deadline.extendedTo(LocalDate.of(2026, 1, 31));

        assertThat(extended.accepts(LocalDate.of(2025, 12, 1))).isTrue();
        assertThat(deadline.accepts(LocalDate.of(2025, 12, 1))).isFalse();
        assertThatThrownBy(() -> deadline.extendedTo(LocalDate.of(2025, 1, 30)))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-DIS-0015"));
    }

    @Test
    void refusesAnApplicationBeforeTheDisaster() {
        ApplicationDeadline deadline = ApplicationDeadline.of(SupportPaymentItem.BASIC, LocalDate.of(2024, 1, 1));

        assertThat(deadline.accepts(LocalDate.of(2024, 1, 1))).isTrue();
        assertThatThrownBy(() -> deadline.check(LocalDate.of(2023, 12, 31)))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-DIS-0008"));
    }

    /** Every disaster day from 2000-01-01 on for 20,000 days (to 2054-10-04), leap days and month ends included. */
    @Test
    void periodIsThirteenMonthsLongCountingTheFirstDay() {
        for (int daysSince2000 = 0; daysSince2000 <= 20_000; daysSince2000++) {
            LocalDate disaster = LocalDate.of(2000, 1, 1).plusDays(daysSince2000);
            LocalDate lastDay = ApplicationDeadline.of(SupportPaymentItem.BASIC, disaster).lastDay();

            // The day after the period is 13 months after the disaster, or the first of the month after.
            LocalDate dayAfter = lastDay.plusDays(1);
            LocalDate thirteenMonthsLater = disaster.plusMonths(13);
            if (thirteenMonthsLater.getDayOfMonth() == disaster.getDayOfMonth()) {
                assertThat(dayAfter).as("day after the period for a disaster on %s", disaster)
                        .isEqualTo(thirteenMonthsLater);
            } else {
                assertThat(dayAfter).as("day after the period for a disaster on %s", disaster)
                        .isEqualTo(thirteenMonthsLater.plusMonths(1).withDayOfMonth(1));
            }
        }
    }
}
