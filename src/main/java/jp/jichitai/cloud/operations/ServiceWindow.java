package jp.jichitai.cloud.operations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * サービス提供時間 (service hours) agreed in the SLA: on which days of the week, from what time and for
 * how long the service is promised, less closed days such as national holidays and 年末年始.
 *
 * <p>A window lies within one calendar day (00:00 to 24:00); a window across midnight is not needed by
 * the municipalities' agreements (24 hours or office hours) and is refused.
 */
public final class ServiceWindow {

    private static final Duration ONE_DAY = Duration.ofDays(1);

    private final Set<DayOfWeek> days;
    private final LocalTime start;
    private final Duration length;
    private final Set<LocalDate> closedDays;

    private ServiceWindow(Set<DayOfWeek> days, LocalTime start, Duration length, Set<LocalDate> closedDays) {
        if (days.isEmpty()) {
            throw OperationsMessages.refusal("E-OPS-0003");
        }
        Duration startOffset = Duration.ofNanos(start.toNanoOfDay());
        if (length.isZero() || length.isNegative() || startOffset.plus(length).compareTo(ONE_DAY) > 0) {
            throw OperationsMessages.refusal("E-OPS-0002", start, length);
        }
        this.days = EnumSet.copyOf(days);
        this.start = start;
        this.length = length;
        this.closedDays = new TreeSet<>(closedDays);
    }

    /** 24 hours a day, 365 days a year. */
    public static ServiceWindow allDayEveryDay() {
        return new ServiceWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, ONE_DAY, Set.of());
    }

    /** Monday to Friday, from {@code start} to {@code end} on the same day, e.g. 8:30 to 17:15. */
    public static ServiceWindow weekdays(LocalTime start, LocalTime end) {
        return of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, end);
    }

    public static ServiceWindow of(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
        if (!end.isAfter(start)) {
            throw OperationsMessages.refusal("E-OPS-0002", start, Duration.between(start, end));
        }
        return new ServiceWindow(days, start, Duration.between(start, end), Set.of());
    }

    /** The same window, closed on the given days as well (祝日, 年末年始). */
    public ServiceWindow closedOn(Set<LocalDate> moreClosedDays) {
        Set<LocalDate> all = new TreeSet<>(closedDays);
        all.addAll(moreClosedDays);
        return new ServiceWindow(days, start, length, all);
    }

    /** The service hours of one day, if the service is promised that day. */
    public Optional<TimeInterval> on(LocalDate day) {
        if (!days.contains(day.getDayOfWeek()) || closedDays.contains(day)) {
            return Optional.empty();
        }
        var from = day.atTime(start);
        return Optional.of(new TimeInterval(from, from.plus(length)));
    }

    /** The service hours of each day of a month, in order. */
    public List<TimeInterval> within(YearMonth month) {
        List<TimeInterval> intervals = new ArrayList<>();
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            on(month.atDay(day)).ifPresent(intervals::add);
        }
        return intervals;
    }

    public Duration serviceTime(YearMonth month) {
        return within(month).stream().map(TimeInterval::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * The window's open time between two instants, e.g. how long a support ticket waited in desk hours:
     * a ticket received on Friday at 17:00 and answered on Monday at 9:00 under 8:30–17:15 waited
     * 15 + 30 = 45 minutes.
     */
    public Duration openTimeBetween(LocalDateTime from, LocalDateTime to) {
        if (to.isBefore(from)) {
            throw OperationsMessages.refusal("E-OPS-0001", from, to);
        }
        TimeInterval span = new TimeInterval(from, to);
        Duration open = Duration.ZERO;
        for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
            open = open.plus(on(day).flatMap(span::intersection).map(TimeInterval::duration).orElse(Duration.ZERO));
        }
        return open;
    }

    /**
     * The window as written in a contract and stored: {@code 24h} (every day, all day) or
     * {@code MON-FRI 08:30-17:15} (days as a range or a comma list of MON..SUN, then the hours).
     */
    public static ServiceWindow parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.equalsIgnoreCase(ALL_DAY)) {
            return allDayEveryDay();
        }
        var matcher = WRITTEN.matcher(trimmed.toUpperCase(java.util.Locale.ROOT));
        if (!matcher.matches()) {
            throw OperationsMessages.refusal("E-OPS-0014", trimmed);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : matcher.group(1).split(",")) {
            String[] range = part.split("-");
            DayOfWeek first = day(range[0], trimmed);
            DayOfWeek last = range.length == 2 ? day(range[1], trimmed) : first;
            if (last.compareTo(first) < 0) {
                throw OperationsMessages.refusal("E-OPS-0014", trimmed);
            }
            days.addAll(EnumSet.range(first, last));
        }
        LocalTime start = time(matcher.group(2), trimmed);
        if (matcher.group(3).equals("24:00")) {
            return new ServiceWindow(days, start, Duration.ofDays(1).minusNanos(start.toNanoOfDay()), Set.of());
        }
        return of(days, start, time(matcher.group(3), trimmed));
    }

    /** As stored: {@code 24h} or {@code MON-FRI 08:30-17:15}; {@link #parse} reads it back. */
    public String written() {
        if (isAllDayEveryDay()) {
            return ALL_DAY;
        }
        return daysWritten(false) + " " + start + "-" + end();
    }

    /** As the report and the screens show it: 24時間365日, 平日 8:30〜17:15, 月水金 9:00〜17:00. */
    public String japanese() {
        if (isAllDayEveryDay()) {
            return "24時間365日";
        }
        String hours = start.getHour() + ":" + String.format("%02d", start.getMinute()) + "〜" + end().replaceFirst("^0", "");
        return daysWritten(true) + " " + hours;
    }

    private boolean isAllDayEveryDay() {
        return days.size() == 7 && start.equals(LocalTime.MIDNIGHT) && length.equals(ONE_DAY) && closedDays.isEmpty();
    }

    private String end() {
        Duration endOffset = Duration.ofNanos(start.toNanoOfDay()).plus(length);
        return endOffset.equals(ONE_DAY) ? "24:00" : LocalTime.MIDNIGHT.plus(endOffset).toString();
    }

    private String daysWritten(boolean japanese) {
        if (days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
            return japanese ? "平日" : "MON-FRI";
        }
        if (days.size() == 7) {
            return japanese ? "毎日" : "MON-SUN";
        }
        StringBuilder written = new StringBuilder();
        for (DayOfWeek day : days) {
            if (japanese) {
                written.append("月火水木金土日".charAt(day.ordinal()));
            } else {
                written.append(written.isEmpty() ? "" : ",").append(day.name(), 0, 3);
            }
        }
        return written.toString();
    }

    private static final String ALL_DAY = "24h";
    private static final java.util.regex.Pattern WRITTEN = java.util.regex.Pattern
            .compile("([A-Z]{3}(?:-[A-Z]{3})?(?:,[A-Z]{3}(?:-[A-Z]{3})?)*)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");

    private static DayOfWeek day(String abbreviation, String text) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation)) {
                return day;
            }
        }
        throw OperationsMessages.refusal("E-OPS-0014", text);
    }

    private static LocalTime time(String written, String text) {
        try {
            return LocalTime.parse(written.length() == 4 ? "0" + written : written);
        } catch (java.time.format.DateTimeParseException e) {
            throw OperationsMessages.refusal("E-OPS-0014", text);
        }
    }
}
