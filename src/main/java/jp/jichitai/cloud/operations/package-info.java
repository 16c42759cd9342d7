/**
 * Operations: SLA measurement and monthly reports, incident, maintenance and support records, cost sharing.
 *
 * <p>Published here: the pure SLA calculation ({@link jp.jichitai.cloud.operations.SlaCalculator} over
 * {@link jp.jichitai.cloud.operations.Outage}s and mergeable {@link jp.jichitai.cloud.operations.DailyAggregate}s) and
 * {@link jp.jichitai.cloud.operations.CostSharing}; {@link jp.jichitai.cloud.operations.BatchRuns}, where batch jobs
 * report each run, and {@link jp.jichitai.cloud.operations.SlaMeasurements}. The domain rules depend only on
 * {@code shared}; the service in {@code internal} (measurement filter, records, reports, screens) also uses
 * {@code tenancy}, {@code identity} and {@code audit}.
 */
package jp.jichitai.cloud.operations;
