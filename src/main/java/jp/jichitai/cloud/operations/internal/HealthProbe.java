package jp.jichitai.cloud.operations.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * ヘルスチェック (health probe): once a minute ({@code jc.sla.health-probe-interval}), checks the
 * service's own readiness, its database answering within two seconds, and stores the minute's result.
 * While the database is down the failed minutes cannot be stored; they wait in memory (up to a week of
 * them) and are stored on the first probe that finds the database again.
 */
class HealthProbe implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HealthProbe.class);
    private static final int MAX_WAITING = 7 * 24 * 60;

    /** A minute's result. */
    record Result(LocalDateTime minute, boolean up, String detail) {
    }

    private final DataSource dataSource;
    private final HealthProbes probes;
    private final SlaProperties properties;
    private final Clock clock;
    private final Deque<Result> waiting = new ArrayDeque<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    HealthProbe(DataSource dataSource, HealthProbes probes, SlaProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.probes = probes;
        this.properties = properties;
        this.clock = clock;
    }

    /** Probes now and stores this minute's result with any that waited; returns this minute's result. */
    synchronized Result probe() {
        Result result = check(LocalDateTime.now(clock.withZone(SlaProperties.ZONE)).truncatedTo(ChronoUnit.MINUTES));
        waiting.addLast(result);
        while (waiting.size() > MAX_WAITING) {
            waiting.removeFirst();
        }
        List<Result> stored = new ArrayList<>();
        try {
            for (Result pending : waiting) {
                probes.record(pending);
                stored.add(pending);
            }
        } catch (RuntimeException e) {
            log.warn("could not store the health probe results; {} minutes wait for the database", waiting.size()
                    - stored.size());
        }
        waiting.removeAll(stored);
        return result;
    }

    private Result check(LocalDateTime minute) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? new Result(minute, true, "")
                    : new Result(minute, false, "データベースが2秒以内に応答しませんでした");
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage());
            return new Result(minute, false, "データベースに接続できません: "
                    + message.substring(0, Math.min(150, message.length())));
        }
    }

    @Override
    public void start() {
        long interval = properties.getHealthProbeInterval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "jc-health-probe");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                probe();
            } catch (RuntimeException e) {
                log.warn("health probe failed", e);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
