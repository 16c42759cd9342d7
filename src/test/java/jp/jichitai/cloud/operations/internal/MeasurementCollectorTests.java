package jp.jichitai.cloud.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import jp.jichitai.cloud.operations.DailyAggregate;
import jp.jichitai.cloud.operations.LatencyBuckets;
import jp.jichitai.cloud.shared.TenantCode;

class MeasurementCollectorTests {

    static final LocalDate DAY = LocalDate.of(2026, 6, 10);
    static final String NAYORO = "012211";

    MeasurementCollector collector = new MeasurementCollector(LatencyBuckets.STANDARD);

    @Test
    void aRequestAnsweredExactlyAtTheTargetCountsAsWithinIt() {
        collector.recordRequest(NAYORO, DAY, Duration.ofSeconds(3).toNanos());
        collector.recordRequest(NAYORO, DAY, Duration.ofSeconds(3).toNanos() + 1);

        DailyAggregate aggregate = collector.drain(DAY).get(0).aggregate();

        assertThat(aggregate.online().total()).isEqualTo(2);
        assertThat(aggregate.online().countWithin(Duration.ofSeconds(3))).isEqualTo(1);
    }

    @Test
    void drainingStartsAgainFromZeroAndKeepsTenantsAndDaysApart() {
        collector.recordRequest(NAYORO, DAY, 1_000);
        collector.recordRequest("012203", DAY, 1_000);
        collector.recordRequest(NAYORO, DAY.plusDays(1), 1_000);
        collector.recordBatch(NAYORO, DAY, true);
        collector.recordBatch(NAYORO, DAY, false);

        List<MeasurementCollector.Measured> first = collector.drain(DAY.plusDays(1));

        assertThat(first).hasSize(3);
        var nayoroDay = first.stream().filter(m -> m.tenant().equals(TenantCode.of(NAYORO)) && m.aggregate().day().equals(DAY))
                .findFirst().orElseThrow().aggregate();
        assertThat(nayoroDay.online().total()).isEqualTo(1);
        assertThat(nayoroDay.batch().runs()).isEqualTo(2);
        assertThat(nayoroDay.batch().runsWithinTarget()).isEqualTo(1);
        assertThat(collector.drain(DAY.plusDays(1))).isEmpty();
    }

    @Test
    void scopesThatAreNoTownAreNeverStored() {
        collector.recordRequest("123456", DAY, 1_000);
        assertThat(collector.drain(DAY)).isEmpty();
    }

    @Test
    void restoredMeasurementsAreDrainedAgain() {
        collector.recordRequest(NAYORO, DAY, 1_000);
        MeasurementCollector.Measured measured = collector.drain(DAY).get(0);
        collector.restore(measured);
        assertThat(collector.drain(DAY)).extracting(m -> m.aggregate().online().total()).containsExactly(1L);
    }

    @Test
    void noRequestIsLostWhileDrainingConcurrently() throws Exception {
        int threads = 4;
        int perThread = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    collector.recordRequest(NAYORO, DAY, i * 1_000L);
                }
            }));
        }
        long drained = 0;
        while (!work.stream().allMatch(Future::isDone)) {
            drained += collector.drain(DAY).stream().mapToLong(m -> m.aggregate().online().total()).sum();
        }
        pool.shutdown();
        drained += collector.drain(DAY).stream().mapToLong(m -> m.aggregate().online().total()).sum();
        assertThat(drained).isEqualTo((long) threads * perThread);
    }
}
