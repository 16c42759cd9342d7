package jp.jichitai.cloud.migrationformat.internal;

/**
 * Dates as municipal records hold them: {@code YYYYMMDD} in 西暦 with {@code 00} for unknown parts
 * ({@code 19450000} = 1945, month and day unknown; {@code 00000000} = wholly unknown). A date the calendar
 * does not have ({@code 19230229}) is kept as recorded: it is only a warning.
 */
public final class RecordedDates {

    /** What a recorded date looks like. */
    public enum Verdict { VALID, NOT_ON_CALENDAR, MALFORMED }

    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private RecordedDates() {
    }

    public static Verdict check(char[] chars, int start, int end) {
        if (end - start != 8) {
            return Verdict.MALFORMED;
        }
        for (int i = start; i < end; i++) {
            if (chars[i] < '0' || chars[i] > '9') {
                return Verdict.MALFORMED;
            }
        }
        return verdict(number(chars, start, 4), number(chars, start + 4, 2), number(chars, start + 6, 2));
    }

    private static Verdict verdict(int year, int month, int day) {
        if (month > 12 || day > 31 || (month == 0 && day != 0) || (year == 0 && month != 0)) {
            return Verdict.MALFORMED;
        }
        if (month == 0 || day == 0) {
            return Verdict.VALID;
        }
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        int days = month == 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1];
        return day <= days ? Verdict.VALID : Verdict.NOT_ON_CALENDAR;
    }

    /**
     * The same check on the bytes of a CP932 (or ASCII) field: a date is eight ASCII digits, and no byte of
     * another character is an ASCII digit, so checking bytes gives the verdict of the characters.
     */
    public static Verdict check(byte[] bytes, int start, int end) {
        if (end - start != 8) {
            return Verdict.MALFORMED;
        }
        for (int i = start; i < end; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return Verdict.MALFORMED;
            }
        }
        int year = (bytes[start] - '0') * 1000 + (bytes[start + 1] - '0') * 100 + (bytes[start + 2] - '0') * 10 + bytes[start + 3] - '0';
        int month = (bytes[start + 4] - '0') * 10 + bytes[start + 5] - '0';
        int day = (bytes[start + 6] - '0') * 10 + bytes[start + 7] - '0';
        return verdict(year, month, day);
    }

    public static Verdict check(String text) {
        return check(text.toCharArray(), 0, text.length());
    }

    private static int number(char[] chars, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            value = value * 10 + chars[i] - '0';
        }
        return value;
    }
}
