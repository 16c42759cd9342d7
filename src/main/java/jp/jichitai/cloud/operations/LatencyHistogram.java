package jp.jichitai.cloud.operations;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * 応答時間分布 (histogram of online response times): request counts per {@link LatencyBuckets} bucket.
 * An immutable, mergeable value: the histograms of two days, or of two servers on one day, add up to
 * the histogram of both.
 */
public final class LatencyHistogram {

    private final LatencyBuckets buckets;
    private final long[] counts;

    private LatencyHistogram(LatencyBuckets buckets, long[] counts) {
        this.buckets = buckets;
        this.counts = counts;
    }

    public static LatencyHistogram empty(LatencyBuckets buckets) {
        return new LatencyHistogram(buckets, new long[buckets.bucketCount()]);
    }

    /** A histogram from counts per bucket, as stored by a daily job. */
    public static LatencyHistogram ofCounts(LatencyBuckets buckets, long... counts) {
        if (counts.length != buckets.bucketCount() || Arrays.stream(counts).anyMatch(count -> count < 0)) {
            throw OperationsMessages.refusal("E-OPS-0009");
        }
        return new LatencyHistogram(buckets, counts.clone());
    }

    public static LatencyHistogram of(LatencyBuckets buckets, Duration... responseTimes) {
        long[] counts = new long[buckets.bucketCount()];
        for (Duration responseTime : responseTimes) {
            counts[buckets.bucketOf(responseTime)]++;
        }
        return new LatencyHistogram(buckets, counts);
    }

    public LatencyHistogram withRequest(Duration responseTime) {
        long[] more = counts.clone();
        more[buckets.bucketOf(responseTime)]++;
        return new LatencyHistogram(buckets, more);
    }

    public LatencyHistogram plus(LatencyHistogram other) {
        if (!buckets.equals(other.buckets)) {
            throw OperationsMessages.refusal("E-OPS-0005");
        }
        long[] sum = new long[counts.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(counts[i], other.counts[i]);
        }
        return new LatencyHistogram(buckets, sum);
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** Requests answered within the target, inclusive; the target must be a bucket bound. */
    public long countWithin(Duration target) {
        int lastBucket = buckets.boundIndexOf(target);
        long within = 0;
        for (int i = 0; i <= lastBucket; i++) {
            within += counts[i];
        }
        return within;
    }

    /** オンライン応答時間遵守率: the share of requests answered within the target. */
    public Rate complianceWith(Duration target) {
        return new Rate(countWithin(target), total());
    }

    public LatencyBuckets buckets() {
        return buckets;
    }

    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LatencyHistogram histogram && histogram.buckets.equals(buckets)
                && Arrays.equals(histogram.counts, counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(buckets, Arrays.hashCode(counts));
    }

    @Override
    public String toString() {
        return "LatencyHistogram" + Arrays.toString(counts);
    }
}
