package jp.jichitai.cloud.continuity.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On a cluster (a PgJDBC URL naming several hosts) the pool opens its connections through
 * {@link PrimaryWaitingDataSource}, so that it finds the new primary within a fraction of a second of its promotion
 * instead of after HikariCP's growing pauses. A single-host URL and H2 are left alone.
 */
@Configuration(proxyBeanMethods = false)
class FailoverPoolConfiguration {

    @Bean
    static BeanPostProcessor primaryWaitingPool(@Value("${spring.datasource.url}") String url,
            @Value("${jc.datasource.primary-wait:30s}") Duration patience) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getDataSource() == null
                        && PrimaryWaitingDataSource.isMultiHostPostgreSql(url)) {
                    pool.setDataSource(new PrimaryWaitingDataSource(url, patience));
                }
                return bean;
            }
        };
    }
}
