package jp.jichitai.cloud.disaster.internal;

import java.time.LocalDate;

import jp.jichitai.cloud.residents.EraCalendar;

/** Dates as certificates and screens print them: in 和暦 by the configurable era table, recorded dates as recorded. */
final class WarekiDates {

    private static final EraCalendar ERAS = EraCalendar.standard();

    private WarekiDates() {
    }

    /** e.g. 令和8年5月3日 (元年 for the first year of an era). */
    static String of(LocalDate date) {
        if (date == null) {
            return "";
        }
        return ERAS.eraOn(date.getYear(), date.getMonthValue(), date.getDayOfMonth())
                .map(era -> era.name() + year(era.eraYearOf(date.getYear())) + "年" + date.getMonthValue() + "月"
                        + date.getDayOfMonth() + "日")
                .orElse(date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
    }

    /**
     * A recorded birth date {@code YYYYMMDD} with {@code 00} for unknown parts, never corrected: 19450000 prints
     * as 昭和20年（月日不詳）, an impossible date such as 19650230 as 昭和40年2月30日.
     */
    static String ofRecorded(String recorded) {
        if (recorded == null || !recorded.matches("[0-9]{8}")) {
            return recorded == null ? "" : recorded;
        }
        int year = Integer.parseInt(recorded.substring(0, 4));
        int month = Integer.parseInt(recorded.substring(4, 6));
        int day = Integer.parseInt(recorded.substring(6, 8));
        if (year == 0) {
            return "不詳";
        }
        String yearText = ERAS.eraOn(year, Math.max(month, 1), Math.max(Math.min(day, 28), 1))
                .map(era -> era.name() + year(era.eraYearOf(year)) + "年").orElse(year + "年");
        if (month == 0) {
            return yearText + "（月日不詳）";
        }
        return day == 0 ? yearText + month + "月（日不詳）" : yearText + month + "月" + day + "日";
    }

    private static String year(int eraYear) {
        return eraYear == 1 ? "元" : Integer.toString(eraYear);
    }
}
