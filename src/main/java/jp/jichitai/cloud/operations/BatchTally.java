package jp.jichitai.cloud.operations;

import java.time.Duration;

/**
 * バッチ処理の集計 (tally of batch runs): how many runs, and how many finished within their own target
 * duration (inclusive). Each job has its own target, so the comparison is made when the run is
 * recorded and only the two counts are kept; tallies add up like {@link LatencyHistogram}s.
 */
public record BatchTally(long runs, long runsWithinTarget) {

    public static final BatchTally NONE = new BatchTally(0, 0);

    public BatchTally {
        if (runs < 0 || runsWithinTarget < 0 || runsWithinTarget > runs) {
            throw OperationsMessages.refusal("E-OPS-0009");
        }
    }

    public BatchTally withRun(Duration target, Duration actual) {
        if (target.isNegative() || actual.isNegative()) {
            throw OperationsMessages.refusal("E-OPS-0012", target.isNegative() ? target : actual);
        }
        return new BatchTally(runs + 1, runsWithinTarget + (actual.compareTo(target) <= 0 ? 1 : 0));
    }

    public BatchTally plus(BatchTally other) {
        return new BatchTally(Math.addExact(runs, other.runs), Math.addExact(runsWithinTarget, other.runsWithinTarget));
    }

    /** バッチ処理時間遵守率. */
    public Rate compliance() {
        return new Rate(runsWithinTarget, runs);
    }
}
