package jp.jichitai.cloud.operations.internal;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Today's date in the service's time zone, recomputed only when the day changes: asked on every
 * request, so it reads the clock once and compares two numbers.
 */
final class DayClock {

    private record Today(LocalDate day, long startMillis, long endMillis) {
    }

    private final Clock clock;
    private volatile Today today;

    DayClock(Clock clock) {
        this.clock = clock;
        this.today = compute();
    }

    LocalDate today() {
        Today current = today;
        long now = clock.millis();
        if (now < current.startMillis() || now >= current.endMillis()) {
            current = compute();
            today = current;
        }
        return current.day();
    }

    private Today compute() {
        LocalDate day = LocalDate.now(clock.withZone(SlaProperties.ZONE));
        return new Today(day, day.atStartOfDay(SlaProperties.ZONE).toInstant().toEpochMilli(),
                day.plusDays(1).atStartOfDay(SlaProperties.ZONE).toInstant().toEpochMilli());
    }
}
