package jp.jichitai.cloud.operations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import jp.jichitai.cloud.operations.BatchKind;
import jp.jichitai.cloud.operations.BatchRuns;
import jp.jichitai.cloud.operations.SlaMeasurements;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * Stores the in-memory measurements as daily aggregates every {@code jc.sla.flush-interval} and once
 * more when the service stops, after the web server has finished its last requests (a lower
 * lifecycle phase stops later). Each tenant's rows are written in that tenant's own transaction, as
 * row-level security requires.
 */
class SlaMeasurementService implements SlaMeasurements, BatchRuns, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaMeasurementService.class);

    private final MeasurementCollector collector;
    private final DailyAggregates aggregates;
    private final SlaProperties properties;
    private final DayClock dayClock;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    SlaMeasurementService(MeasurementCollector collector, DailyAggregates aggregates, SlaProperties properties,
            Clock clock) {
        this.collector = collector;
        this.aggregates = aggregates;
        this.properties = properties;
        this.dayClock = new DayClock(clock);
    }

    @Override
    public void record(TenantCode tenant, BatchKind kind, Instant started, Instant finished) {
        Duration took = Duration.between(started, finished);
        LocalDate day = LocalDate.ofInstant(finished, SlaProperties.ZONE);
        collector.recordBatch(tenant.value(), day, !took.isNegative() && took.compareTo(properties.batchTargetOf(kind)) <= 0);
    }

    @Override
    public synchronized void flush() {
        for (MeasurementCollector.Measured measured : collector.drain(dayClock.today())) {
            try {
                TenantContext.runAs(measured.tenant(), () -> aggregates.merge(measured.tenant(), measured.aggregate()));
            } catch (RuntimeException e) {
                log.warn("could not store the measurements of {} on {}; kept for the next flush", measured.tenant(),
                        measured.aggregate().day(), e);
                collector.restore(measured);
            }
        }
    }

    @Override
    public void start() {
        long interval = properties.getFlushInterval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "jc-sla-flush");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Below the web server's phases, so that this stops after the last request has been answered. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("flushing the SLA measurements failed", e);
        }
    }
}
