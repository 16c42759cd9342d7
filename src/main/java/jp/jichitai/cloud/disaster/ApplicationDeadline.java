package jp.jichitai.cloud.disaster;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * 申請期間 (application deadline) of a support payment item for one disaster.
 *
 * <p>The rule (被災者生活再建支援法施行令 4条) reads "災害のあった日から起算して13月（加算支援金は37月）を経過する
 * 日まで". The convention, from 民法 140条 and 143条:
 * <ul>
 * <li>"起算して" counts the disaster day itself as the first day of the period;</li>
 * <li>a period in months ends on the day before the day of the final month that corresponds to the
 * first day (応当日), so a disaster on 2024-01-01 gives 2025-01-31 for 13 months;</li>
 * <li>when the final month has no corresponding day (a disaster on the 29th to 31st), the period ends
 * on the last day of that month: a disaster on 2024-01-31 gives 2025-02-28, not 2025-02-27 as
 * {@code plusMonths(13).minusDays(1)} would.</li>
 * </ul>
 * The deadline is not moved when it falls on a holiday (the law does not say so). After large
 * disasters the prefecture often extends the period: {@link #extendedTo(LocalDate)} records that decision.
 */
public record ApplicationDeadline(SupportPaymentItem item, LocalDate disasterDate, LocalDate lastDay) {

    public static ApplicationDeadline of(SupportPaymentItem item, LocalDate disasterDate) {
        return new ApplicationDeadline(item, disasterDate,
                lastDayOfPeriod(disasterDate, item.applicationPeriodMonths()));
    }

    /** The last day of a period of whole months whose first day is {@code firstDay}. */
    static LocalDate lastDayOfPeriod(LocalDate firstDay, int months) {
        YearMonth finalMonth = YearMonth.from(firstDay).plusMonths(months);
        if (firstDay.getDayOfMonth() > finalMonth.lengthOfMonth()) {
            return finalMonth.atEndOfMonth();
        }
        return finalMonth.atDay(firstDay.getDayOfMonth()).minusDays(1);
    }

    /** The deadline as extended by the prefecture (申請期間の延長); a deadline is never shortened. */
    public ApplicationDeadline extendedTo(LocalDate newLastDay) {
        if (newLastDay.isBefore(lastDay)) {
            throw DisasterMessages.refusal("E-DIS-0015", lastDay, newLastDay);
        }
        return new ApplicationDeadline(item, disasterDate, newLastDay);
    }

    public boolean accepts(LocalDate applicationDate) {
        return !applicationDate.isBefore(disasterDate) && !applicationDate.isAfter(lastDay);
    }

    /** Refuses, with a Japanese message, an application made after the deadline or before the disaster. */
    public void check(LocalDate applicationDate) {
        if (applicationDate.isBefore(disasterDate)) {
            throw DisasterMessages.refusal("E-DIS-0008", disasterDate, applicationDate);
        }
        if (applicationDate.isAfter(lastDay)) {
            throw DisasterMessages.refusal("E-DIS-0007", item.japaneseName(), lastDay, applicationDate);
        }
    }
}
