package jp.jichitai.cloud.web.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

import io.micrometer.common.KeyValues;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class WebConfiguration {

    /** Request timings tagged with the tenant (a handful of towns: low cardinality), for the SLA figures. */
    @Bean
    DefaultServerRequestObservationConvention tenantTaggedRequests() {
        return new DefaultServerRequestObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
                Object tenant = context.getCarrier().getAttribute("jc.tenant");
                return super.getLowCardinalityKeyValues(context).and("tenant", tenant == null ? "none" : tenant.toString());
            }
        };
    }
}
