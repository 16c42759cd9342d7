/**
 * Operations: SLA measurement and monthly reports, incident, maintenance and support records, cost sharing.
 *
 * <p>Published here: the pure SLA calculation ({@link jp.jichitai.cloud.operations.SlaCalculator} over
 * {@link jp.jichitai.cloud.operations.Outage}s and mergeable {@link jp.jichitai.cloud.operations.DailyAggregate}s) and
 * {@link jp.jichitai.cloud.operations.CostSharing}. Depends only on {@code shared}.
 */
package jp.jichitai.cloud.operations;
