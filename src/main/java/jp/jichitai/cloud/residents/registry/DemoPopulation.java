package jp.jichitai.cloud.residents.registry;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import jp.jichitai.cloud.residents.ResidentSeeder;
import jp.jichitai.cloud.tenancy.District;
import jp.jichitai.cloud.tenancy.Tenant;
import jp.jichitai.cloud.tenancy.TenantContext;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * Demo mode: gives each town without residents a synthetic population of {@code jc.demo.residents} people (300 by
 * default so that start-up and tests stay fast; 29869, 21640 and 5968 are the towns' real sizes), the same
 * population on every machine for the same town (the seed is the 団体コード).
 */
@Component
@Order(10)
class DemoPopulation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPopulation.class);

    private final Tenants tenants;
    private final ResidentSeeder seeder;
    private final boolean enabled;
    private final int residents;

    DemoPopulation(Tenants tenants, ResidentSeeder seeder, @Value("${jc.demo.enabled}") boolean enabled,
            @Value("${jc.demo.residents:300}") int residents) {
        this.tenants = tenants;
        this.seeder = seeder;
        this.enabled = enabled;
        this.residents = residents;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!enabled || residents <= 0) {
            return;
        }
        for (Tenant tenant : tenants.all()) {
            TenantContext.runAs(tenant.code(), () -> {
                if (seeder.hasResidents()) {
                    return;
                }
                List<String[]> districts = tenants.currentDistricts().stream()
                        .map((District district) -> new String[] {district.code(), district.name()}).toList();
                if (districts.isEmpty()) {
                    return;
                }
                SyntheticPopulation population = new SyntheticPopulation(Long.parseLong(tenant.code().value()),
                        new SyntheticPopulation.Town(tenant.name(), postalPrefix(tenant.code().value()), districts),
                        LocalDate.now(RegistryService.TOKYO), 1, 1);
                int loaded = seeder.load(population.households(residents));
                log.info("demo residents for {}: {}", tenant.name(), loaded);
            });
        }
    }

    private static String postalPrefix(String tenantCode) {
        return switch (tenantCode) {
            case "012211" -> "096";
            case "012203" -> "095";
            case "013706" -> "049";
            default -> "060";
        };
    }
}
