package jp.jichitai.cloud.operations.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jp.jichitai.cloud.operations.BatchTally;
import jp.jichitai.cloud.operations.DailyAggregate;
import jp.jichitai.cloud.operations.LatencyBuckets;
import jp.jichitai.cloud.operations.LatencyHistogram;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * 計測値 (measurements) of the current minute, per tenant and day, in memory: one striped counter per
 * latency bucket, so that recording a request is a few additions with no lock, no allocation beyond
 * the map lookup, and no database write. {@link #drain(LocalDate)} hands the counts over as
 * {@link DailyAggregate}s and starts again from zero; counts added meanwhile go to the next drain.
 */
final class MeasurementCollector {

    /** What one drain found for one tenant and day. */
    record Measured(TenantCode tenant, DailyAggregate aggregate) {
    }

    private record Key(String tenant, LocalDate day) {
    }

    private static final class Tally {
        final LongAdder[] latencyCounts;
        final LongAdder batchRuns = new LongAdder();
        final LongAdder batchRunsWithinTarget = new LongAdder();

        Tally(int buckets) {
            latencyCounts = new LongAdder[buckets];
            for (int i = 0; i < buckets; i++) {
                latencyCounts[i] = new LongAdder();
            }
        }
    }

    private final LatencyBuckets buckets;
    private final long[] upperBoundNanos;
    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();

    MeasurementCollector(LatencyBuckets buckets) {
        this.buckets = buckets;
        this.upperBoundNanos = buckets.upperBounds().stream().mapToLong(Duration::toNanos).toArray();
    }

    /** An interactive request of a tenant, answered in {@code nanos}. The code is checked on draining. */
    void recordRequest(String tenant, LocalDate day, long nanos) {
        int bucket = 0;
        while (bucket < upperBoundNanos.length && nanos > upperBoundNanos[bucket]) {
            bucket++;
        }
        tallyOf(tenant, day).latencyCounts[bucket].increment();
    }

    void recordBatch(String tenant, LocalDate day, boolean withinTarget) {
        Tally tally = tallyOf(tenant, day);
        // Within-target first: a drain between the two additions never sees more within target than runs.
        if (withinTarget) {
            tally.batchRunsWithinTarget.increment();
        }
        tally.batchRuns.increment();
    }

    /** Puts back what could not be stored, so that a failed flush loses nothing. */
    void restore(Measured measured) {
        Tally tally = tallyOf(measured.tenant().value(), measured.aggregate().day());
        long[] counts = measured.aggregate().online().counts();
        for (int i = 0; i < counts.length; i++) {
            tally.latencyCounts[i].add(counts[i]);
        }
        tally.batchRunsWithinTarget.add(measured.aggregate().batch().runsWithinTarget());
        tally.batchRuns.add(measured.aggregate().batch().runs());
    }

    /**
     * The counts since the last drain, each tenant and day with anything measured. Tallies of days
     * before yesterday are dropped after draining: no request can still be counted on them.
     */
    List<Measured> drain(LocalDate today) {
        List<Measured> drained = new ArrayList<>();
        for (Map.Entry<Key, Tally> entry : tallies.entrySet()) {
            Key key = entry.getKey();
            if (key.day().isBefore(today.minusDays(1))) {
                tallies.remove(key);
            }
            Tally tally = entry.getValue();
            long[] counts = new long[tally.latencyCounts.length];
            long total = 0;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = tally.latencyCounts[i].sumThenReset();
                total += counts[i];
            }
            long runs = tally.batchRuns.sumThenReset();
            long within = Math.min(runs, tally.batchRunsWithinTarget.sumThenReset());
            if (total == 0 && runs == 0 || !TenantCode.isValid(key.tenant())) {
                continue;
            }
            drained.add(new Measured(TenantCode.of(key.tenant()), new DailyAggregate(key.day(),
                    LatencyHistogram.ofCounts(buckets, counts), new BatchTally(runs, within))));
        }
        return drained;
    }

    private Tally tallyOf(String tenant, LocalDate day) {
        return tallies.computeIfAbsent(new Key(tenant, day), key -> new Tally(upperBoundNanos.length + 1));
    }
}
