package jp.jichitai.cloud.operations.internal;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jp.jichitai.cloud.operations.LatencyBuckets;

@Configuration(proxyBeanMethods = false)
class MeasurementConfiguration {

    @Bean
    MeasurementCollector measurementCollector() {
        return new MeasurementCollector(LatencyBuckets.STANDARD);
    }

    @Bean
    SlaMeasurementService slaMeasurementService(MeasurementCollector collector, DailyAggregates aggregates,
            SlaProperties properties) {
        return new SlaMeasurementService(collector, aggregates, properties, Clock.systemUTC());
    }

    @Bean
    HealthProbe healthProbe(javax.sql.DataSource dataSource, HealthProbes probes, SlaProperties properties) {
        return new HealthProbe(dataSource, probes, properties, Clock.systemUTC());
    }

    /**
     * First of all filters but the body-size check, so that the time includes signing in and the
     * tenant check. Off with {@code jc.sla.collect=false} (the benchmark's comparison run).
     */
    @Bean
    FilterRegistrationBean<RequestTimingFilter> requestTimingFilter(MeasurementCollector collector,
            SlaProperties properties) {
        var registration = new FilterRegistrationBean<>(new RequestTimingFilter(collector, new DayClock(Clock.systemUTC())));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setEnabled(properties.isCollect());
        return registration;
    }
}
