package jp.jichitai.cloud.operations;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 日次集計 (daily aggregate) of one tenant's service: the online response-time histogram and the batch
 * tally of one day. Mergeable: aggregates of the same day from several servers add up.
 */
public record DailyAggregate(LocalDate day, LatencyHistogram online, BatchTally batch) {

    public DailyAggregate {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(online, "online");
        Objects.requireNonNull(batch, "batch");
    }

    public static DailyAggregate empty(LocalDate day, LatencyBuckets buckets) {
        return new DailyAggregate(day, LatencyHistogram.empty(buckets), BatchTally.NONE);
    }

    public DailyAggregate plus(DailyAggregate other) {
        if (!day.equals(other.day)) {
            throw OperationsMessages.refusal("E-OPS-0006", day, other.day);
        }
        return new DailyAggregate(day, online.plus(other.online), batch.plus(other.batch));
    }
}
