package jp.jichitai.cloud.operations.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.operations.BatchTally;
import jp.jichitai.cloud.operations.DailyAggregate;
import jp.jichitai.cloud.operations.LatencyBuckets;
import jp.jichitai.cloud.operations.LatencyHistogram;
import jp.jichitai.cloud.shared.TenantCode;

/** The stored 日次集計 of each tenant (table sla_daily_aggregate, tenant-owned). */
@Repository
class DailyAggregates {

    private final JdbcClient jdbc;

    DailyAggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds measurements to the stored day, the row locked so that several servers may flush at once. */
    @Transactional
    public void merge(TenantCode tenant, DailyAggregate measured) {
        Optional<DailyAggregate> stored = jdbc.sql("""
                SELECT measured_on, latency_bounds, latency_counts, batch_runs, batch_runs_within_target
                  FROM sla_daily_aggregate WHERE tenant_id = ? AND measured_on = ? FOR UPDATE""")
                .params(tenant.value(), measured.day())
                .query((rs, row) -> aggregateOf(rs))
                .optional();
        DailyAggregate sum = stored.map(day -> day.plus(measured)).orElse(measured);
        String bounds = sum.online().buckets().upperBounds().stream().map(bound -> Long.toString(bound.toMillis()))
                .collect(Collectors.joining(","));
        String counts = Arrays.stream(sum.online().counts()).mapToObj(Long::toString).collect(Collectors.joining(","));
        if (stored.isPresent()) {
            jdbc.sql("""
                    UPDATE sla_daily_aggregate SET latency_bounds = ?, latency_counts = ?, request_count = ?,
                           batch_runs = ?, batch_runs_within_target = ?, updated_at = ?
                     WHERE tenant_id = ? AND measured_on = ?""")
                    .params(bounds, counts, sum.online().total(), sum.batch().runs(), sum.batch().runsWithinTarget(),
                            OffsetDateTime.now(), tenant.value(), sum.day())
                    .update();
        } else {
            jdbc.sql("""
                    INSERT INTO sla_daily_aggregate (tenant_id, measured_on, latency_bounds, latency_counts, request_count,
                           batch_runs, batch_runs_within_target, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenant.value(), sum.day(), bounds, counts, sum.online().total(), sum.batch().runs(),
                            sum.batch().runsWithinTarget(), OffsetDateTime.now())
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public List<DailyAggregate> ofMonth(TenantCode tenant, YearMonth month) {
        return jdbc.sql("""
                SELECT measured_on, latency_bounds, latency_counts, batch_runs, batch_runs_within_target
                  FROM sla_daily_aggregate WHERE tenant_id = ? AND measured_on >= ? AND measured_on <= ? ORDER BY measured_on""")
                .params(tenant.value(), month.atDay(1), month.atEndOfMonth())
                .query((rs, row) -> aggregateOf(rs))
                .list();
    }

    private static DailyAggregate aggregateOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        LatencyBuckets buckets = new LatencyBuckets(Arrays.stream(rs.getString("latency_bounds").split(","))
                .map(millis -> Duration.ofMillis(Long.parseLong(millis))).toList());
        long[] counts = Arrays.stream(rs.getString("latency_counts").split(",")).mapToLong(Long::parseLong).toArray();
        return new DailyAggregate(rs.getObject("measured_on", java.time.LocalDate.class),
                LatencyHistogram.ofCounts(buckets, counts),
                new BatchTally(rs.getLong("batch_runs"), rs.getLong("batch_runs_within_target")));
    }
}
