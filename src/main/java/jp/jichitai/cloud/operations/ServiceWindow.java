package jp.jichitai.cloud.operations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
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
}
