package jp.jichitai.cloud.operations;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A span of local time (Japan Standard Time, which has no daylight saving), from {@code start}
 * inclusive to {@code end} exclusive, so that two back-to-back intervals never share an instant.
 */
public record TimeInterval(LocalDateTime start, LocalDateTime end) {

    public TimeInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw OperationsMessages.refusal("E-OPS-0001", start, end);
        }
    }

    public static TimeInterval of(LocalDateTime start, LocalDateTime end) {
        return new TimeInterval(start, end);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean isEmpty() {
        return start.equals(end);
    }

    public Optional<TimeInterval> intersection(TimeInterval other) {
        LocalDateTime laterStart = start.isAfter(other.start) ? start : other.start;
        LocalDateTime earlierEnd = end.isBefore(other.end) ? end : other.end;
        return laterStart.isBefore(earlierEnd) ? Optional.of(new TimeInterval(laterStart, earlierEnd)) : Optional.empty();
    }
}
