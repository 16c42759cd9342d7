package jp.jichitai.cloud.residents;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import jp.jichitai.cloud.residents.EraCalendar.Era;
import jp.jichitai.cloud.residents.internal.RecordedDateParser;
import jp.jichitai.cloud.residents.internal.ResidentMessages;

/**
 * 記録された日付 (a date as recorded): a 生年月日, 住定日 or other date exactly as the source document gave it.
 *
 * <p>Year, month and day may each be unknown (年月日不詳, 月日不詳, 日不詳), and a day that does not exist in the
 * calendar (2月30日) is kept as recorded: a registry must print what the 戸籍 or the 届出 says, never a
 * "corrected" date. Hence this is not a {@link LocalDate}; {@link #toLocalDate()} answers only for real days.
 *
 * <p>When the date was recorded in 和暦 its era is kept too, so that 昭和64年 stays 昭和64年 even with unknown
 * month, and 平成31年5月1日 (printed forms used after the 改元) stays as written. A date recorded in 西暦 is shown
 * in the era of the <em>last</em> day it may denote: 1989 with unknown month is 平成元年 (project choice; the
 * year of a 改元 is normally called by the new era's 元年).
 *
 * <p>Rules: month 1..12, day 1..31, 0 meaning unknown; an unknown year makes month and day unknown, and an
 * unknown month makes the day unknown. Natural order is by year, month, day with unknown parts first, then
 * by recorded era.
 */
public final class RecordedDate implements Comparable<RecordedDate> {

    private static final RecordedDate UNKNOWN = new RecordedDate(0, 0, 0, null);
    /** Until 明治5年12月2日 Japan counted months and days in the lunisolar calendar. */
    private static final LocalDate GREGORIAN_CALENDAR_ADOPTED = LocalDate.of(1873, 1, 1);
    private static final Comparator<RecordedDate> ORDER = Comparator
            .comparingInt((RecordedDate date) -> date.year)
            .thenComparingInt(date -> date.month)
            .thenComparingInt(date -> date.day)
            .thenComparing(date -> date.recordedEra == null ? LocalDate.MIN : date.recordedEra.firstDay());

    private final int year;
    private final int month;
    private final int day;
    private final Era recordedEra;

    private RecordedDate(int year, int month, int day, Era recordedEra) {
        this.year = year;
        this.month = month;
        this.day = day;
        this.recordedEra = recordedEra;
    }

    /** A date with 0 for each unknown part, e.g. {@code of(1945, 0, 0)} for 1945年月日不詳. */
    public static RecordedDate of(int year, int month, int day) {
        check(year, month, day);
        return year == 0 ? UNKNOWN : new RecordedDate(year, month, day, null);
    }

    /** A date recorded in 和暦: {@code ofEra(昭和, 45, 3, 1)}; the era year must belong to that era. */
    public static RecordedDate ofEra(Era era, int eraYear, int month, int day, EraCalendar calendar) {
        Objects.requireNonNull(era, "era");
        if (eraYear < 1) {
            throw ResidentMessages.refusal("E-RES-0006", era.name() + eraYear + "年");
        }
        int gregorianYear = era.gregorianYearOf(eraYear);
        if (!calendar.allowsYear(era, gregorianYear)) {
            int lastYear = calendar.next(era).map(next -> era.eraYearOf(next.firstDay().getYear())).orElse(eraYear);
            throw ResidentMessages.refusal("E-RES-0003", era.name(), eraYear, lastYear);
        }
        check(gregorianYear, month, day);
        return new RecordedDate(gregorianYear, month, day, era);
    }

    public static RecordedDate of(LocalDate date) {
        return new RecordedDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), null);
    }

    /** 年月日不詳. */
    public static RecordedDate unknown() {
        return UNKNOWN;
    }

    /**
     * Reads a date as people and files write it, with the standard era table: 19700301, 1970-03-01, 1970/3/1,
     * 1970年3月1日, S45.3.1, 昭和45年3月1日, 平成元年, R7.4.1, and unknown parts (19450000, 昭和20年不詳,
     * 昭和20年3月日不詳, 年月日不詳).
     */
    public static RecordedDate parse(String text) {
        return parse(text, EraCalendar.standard());
    }

    public static RecordedDate parse(String text, EraCalendar calendar) {
        return RecordedDateParser.parse(text, calendar);
    }

    /** Reads the standard CSV form {@code YYYYMMDD} with 00 for unknown parts (00000000 is 年月日不詳). */
    public static RecordedDate fromStandardCsv(String yyyymmdd) {
        if (yyyymmdd == null || yyyymmdd.length() != 8 || !yyyymmdd.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ResidentMessages.refusal("E-RES-0001", yyyymmdd);
        }
        return of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                Integer.parseInt(yyyymmdd.substring(6, 8)));
    }

    private static void check(int year, int month, int day) {
        if (year < 0 || year > 9999 || month < 0 || month > 12 || day < 0 || day > 31) {
            throw ResidentMessages.refusal("E-RES-0004", year + "-" + month + "-" + day);
        }
        if ((year == 0 && (month != 0 || day != 0)) || (month == 0 && day != 0)) {
            throw ResidentMessages.refusal("E-RES-0005", year + "-" + month + "-" + day);
        }
    }

    public OptionalInt year() {
        return year == 0 ? OptionalInt.empty() : OptionalInt.of(year);
    }

    public OptionalInt month() {
        return month == 0 ? OptionalInt.empty() : OptionalInt.of(month);
    }

    public OptionalInt day() {
        return day == 0 ? OptionalInt.empty() : OptionalInt.of(day);
    }

    /** The era the date was recorded in, if it was recorded in 和暦. */
    public Optional<Era> recordedEra() {
        return Optional.ofNullable(recordedEra);
    }

    public boolean isFullyKnown() {
        return day != 0;
    }

    public boolean isUnknown() {
        return year == 0;
    }

    /**
     * The calendar day, only when year, month and day are known, the day exists (not 2月30日) and it lies in
     * the Gregorian period (from 1873); before that a recorded 月日 is lunisolar and has no exact equivalent here.
     */
    public Optional<LocalDate> toLocalDate() {
        if (!isFullyKnown()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            return date.isBefore(GREGORIAN_CALENDAR_ADOPTED) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException impossibleDay) {
            return Optional.empty();
        }
    }

    /** The standard CSV form: {@code 19700301}, {@code 19450000}, {@code 00000000}. */
    public String toStandardCsv() {
        // Without String.format: a bulk load writes this for every date of every snapshot.
        char[] text = new char[8];
        int value = year * 10_000 + month * 100 + day;
        for (int i = 7; i >= 0; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return new String(text);
    }

    /** 西暦 text: 1970年3月1日, 1945年月日不詳, 1945年3月日不詳, 年月日不詳. */
    public String toGregorianText() {
        return isUnknown() ? "年月日不詳" : year + "年" + monthAndDayText();
    }

    /** 和暦 text with the standard era table: 昭和45年3月1日, 平成元年1月8日, 昭和20年月日不詳. */
    public String toJapaneseEraText() {
        return toJapaneseEraText(EraCalendar.standard());
    }

    /**
     * 和暦 text. A date before the first era of the table (before 明治) has no 和暦 here and is shown in 西暦.
     */
    public String toJapaneseEraText(EraCalendar calendar) {
        if (isUnknown()) {
            return "年月日不詳";
        }
        Optional<Era> era = recordedEra != null ? Optional.of(recordedEra)
                : calendar.eraOn(year, month == 0 ? 12 : month, day == 0 ? 31 : day);
        if (era.isEmpty()) {
            return toGregorianText();
        }
        int eraYear = era.get().eraYearOf(year);
        return era.get().name() + (eraYear == 1 ? "元" : String.valueOf(eraYear)) + "年" + monthAndDayText();
    }

    private String monthAndDayText() {
        if (month == 0) {
            return "月日不詳";
        }
        return month + "月" + (day == 0 ? "日不詳" : day + "日");
    }

    /** The same year, month and day as recorded, whatever era it was written in. */
    public boolean isSameDateAs(RecordedDate other) {
        return year == other.year && month == other.month && day == other.day;
    }

    /**
     * Whether the two could be the same day: no part known in both differs. Used by search, where a resident
     * born 1945年月日不詳 is a candidate for 1945-03-01.
     */
    public boolean isCompatibleWith(RecordedDate other) {
        return agrees(year, other.year) && agrees(month, other.month) && agrees(day, other.day);
    }

    private static boolean agrees(int one, int other) {
        return one == 0 || other == 0 || one == other;
    }

    /** Whether this date may fall between {@code from} and {@code to} (both inclusive); an unknown year may. */
    public boolean mayFallWithin(LocalDate from, LocalDate to) {
        if (isUnknown()) {
            return true;
        }
        return earliestKey() <= keyOf(to) && latestKey() >= keyOf(from);
    }

    /** Whether every day this date may denote comes after {@code date}; false when the year is unknown. */
    public boolean isCertainlyAfter(LocalDate date) {
        return !isUnknown() && earliestKey() > keyOf(date);
    }

    private int earliestKey() {
        return year * 10_000 + Math.max(month, 1) * 100 + Math.max(day, 1);
    }

    private int latestKey() {
        return year * 10_000 + (month == 0 ? 12 : month) * 100 + (day == 0 ? 31 : day);
    }

    private static int keyOf(LocalDate date) {
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    @Override
    public int compareTo(RecordedDate other) {
        return ORDER.compare(this, other);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedDate date && isSameDateAs(date) && Objects.equals(recordedEra, date.recordedEra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, month, day, recordedEra);
    }

    /** The 和暦 text, for logs and debugging. */
    @Override
    public String toString() {
        return toJapaneseEraText();
    }
}
