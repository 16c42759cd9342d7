package jp.jichitai.cloud.operations;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * ヘルスチェック異常 (health probe failures) as outages: each minute whose probe failed stops the
 * service for that whole minute; consecutive failed minutes make one outage. They count as unplanned
 * stops, merged with the incident records by {@link SlaCalculator}, so a minute that is both in an
 * incident and failed its probe is counted once. A minute not probed at all (the service was not
 * running to probe itself) is not a failure: such stops reach the figures through incident records.
 */
public final class HealthProbeOutages {

    private HealthProbeOutages() {
    }

    public static List<Outage> of(Collection<LocalDateTime> failedMinutes) {
        List<Outage> outages = new ArrayList<>();
        LocalDateTime start = null;
        LocalDateTime end = null;
        for (LocalDateTime minute : new TreeSet<>(failedMinutes.stream()
                .map(value -> value.truncatedTo(ChronoUnit.MINUTES)).toList())) {
            if (end != null && minute.equals(end)) {
                end = minute.plusMinutes(1);
                continue;
            }
            if (start != null) {
                outages.add(Outage.incident(new TimeInterval(start, end), "ヘルスチェック異常"));
            }
            start = minute;
            end = minute.plusMinutes(1);
        }
        if (start != null) {
            outages.add(Outage.incident(new TimeInterval(start, end), "ヘルスチェック異常"));
        }
        return outages;
    }
}
