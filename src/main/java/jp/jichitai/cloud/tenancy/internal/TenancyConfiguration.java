package jp.jichitai.cloud.tenancy.internal;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    static final String APPLICATION_ROLE = "jc_app";

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource,
            @Value("${spring.datasource.url}") String url,
            @Value("${jc.database.online-statement-timeout:30s}") java.time.Duration onlineStatementTimeout) {
        return new TenantBoundTransactionManager(dataSource, isPostgreSql(url), onlineStatementTimeout);
    }

    /**
     * On PostgreSQL the application's pool works as the restricted role, whatever login the URL
     * names; Flyway keeps its own connection as the owner.
     */
    @Bean
    static BeanPostProcessor applicationRoleForPool(@Value("${spring.datasource.url}") String url) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && isPostgreSql(url)) {
                    pool.setConnectionInitSql("SET ROLE " + APPLICATION_ROLE);
                }
                return bean;
            }
        };
    }

    static boolean isPostgreSql(String url) {
        return url != null && url.startsWith("jdbc:postgresql:");
    }
}
