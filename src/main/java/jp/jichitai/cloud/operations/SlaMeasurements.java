package jp.jichitai.cloud.operations;

/**
 * The in-memory measurements of request timings and batch runs, stored as daily aggregates every
 * minute and at shutdown. {@link #flush()} stores them now (for tests, and before a report that must
 * include the last minute).
 */
public interface SlaMeasurements {

    /** Merges everything measured since the last flush into the stored daily aggregates. */
    void flush();
}
