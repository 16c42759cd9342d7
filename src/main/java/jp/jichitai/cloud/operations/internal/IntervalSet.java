package jp.jichitai.cloud.operations.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import jp.jichitai.cloud.operations.TimeInterval;

/**
 * A union of time intervals kept sorted and disjoint, so that overlapping incidents are counted once
 * and clipping to service hours is a plain intersection.
 */
public final class IntervalSet {

    private final List<TimeInterval> intervals;

    private IntervalSet(List<TimeInterval> disjointSorted) {
        this.intervals = List.copyOf(disjointSorted);
    }

    public static IntervalSet unionOf(Collection<TimeInterval> intervals) {
        List<TimeInterval> sorted = intervals.stream()
                .filter(interval -> !interval.isEmpty())
                .sorted(Comparator.comparing(TimeInterval::start))
                .toList();
        List<TimeInterval> merged = new ArrayList<>();
        for (TimeInterval next : sorted) {
            if (!merged.isEmpty() && !next.start().isAfter(merged.get(merged.size() - 1).end())) {
                TimeInterval last = merged.remove(merged.size() - 1);
                merged.add(new TimeInterval(last.start(), next.end().isAfter(last.end()) ? next.end() : last.end()));
            } else {
                merged.add(next);
            }
        }
        return new IntervalSet(merged);
    }

    public IntervalSet intersect(IntervalSet other) {
        List<TimeInterval> result = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < intervals.size() && j < other.intervals.size()) {
            TimeInterval a = intervals.get(i);
            TimeInterval b = other.intervals.get(j);
            a.intersection(b).ifPresent(result::add);
            if (a.end().isBefore(b.end())) {
                i++;
            } else {
                j++;
            }
        }
        return new IntervalSet(result);
    }

    public IntervalSet union(IntervalSet other) {
        List<TimeInterval> all = new ArrayList<>(intervals);
        all.addAll(other.intervals);
        return unionOf(all);
    }

    public Duration totalDuration() {
        return intervals.stream().map(TimeInterval::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public List<TimeInterval> intervals() {
        return intervals;
    }
}
