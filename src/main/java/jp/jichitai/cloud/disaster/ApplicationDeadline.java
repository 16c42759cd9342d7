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
 * The deadline is not moved when it falls on a holiday, and extensions granted by the prefecture after
 * large disasters are not modelled here: both need a calendar and a decision this rule does not have.
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
