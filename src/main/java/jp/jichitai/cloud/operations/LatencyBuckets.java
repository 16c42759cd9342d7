package jp.jichitai.cloud.operations;

import java.time.Duration;
import java.util.List;

/**
 * The bounds of the response-time buckets of a {@link LatencyHistogram}. Bucket {@code i} holds the
 * requests answered in more than bound {@code i-1} and at most bound {@code i} (upper bound inclusive);
 * one last bucket holds everything slower than the last bound.
 *
 * <p>A response-time target must be one of the bounds, so the number of requests within it is exact
 * and days can be added into months without keeping each request. "Within 3 seconds" includes a
 * request answered in exactly 3.000 s.
 */
public record LatencyBuckets(List<Duration> upperBounds) {

    /** 0.1, 0.2, 0.5, 1, 2, 3, 5, 10, 30 and 60 seconds: holds the usual 1, 2, 3 and 5 second targets. */
    public static final LatencyBuckets STANDARD = new LatencyBuckets(List.of(
            Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60)));

    public LatencyBuckets {
        upperBounds = List.copyOf(upperBounds);
        if (upperBounds.isEmpty() || upperBounds.get(0).isNegative() || upperBounds.get(0).isZero()) {
            throw OperationsMessages.refusal("E-OPS-0008");
        }
        for (int i = 1; i < upperBounds.size(); i++) {
            if (upperBounds.get(i).compareTo(upperBounds.get(i - 1)) <= 0) {
                throw OperationsMessages.refusal("E-OPS-0008");
            }
        }
    }

    /** The number of buckets, including the last one for anything slower than every bound. */
    public int bucketCount() {
        return upperBounds.size() + 1;
    }

    /** The bucket of a response time: the first bound it does not exceed. */
    public int bucketOf(Duration responseTime) {
        if (responseTime.isNegative()) {
            throw OperationsMessages.refusal("E-OPS-0012", responseTime);
        }
        for (int i = 0; i < upperBounds.size(); i++) {
            if (responseTime.compareTo(upperBounds.get(i)) <= 0) {
                return i;
            }
        }
        return upperBounds.size();
    }

    /** The index of a target among the bounds, refusing a target that falls between bounds. */
    public int boundIndexOf(Duration target) {
        int index = upperBounds.indexOf(target);
        if (index < 0) {
            throw OperationsMessages.refusal("E-OPS-0004", target, upperBounds);
        }
        return index;
    }
}
