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
 * Demo mode: gives each town without residents a synthetic population at its real size (住民基本台帳 2012-03:
 * 名寄市 29,869, 士別市 21,640, 今金町 5,968) times {@code jc.demo.residents-scale} (1.0 by default; the tests use a
 * hundredth), the same population on every machine for the same town (the seed is the 団体コード).
 */
@Component
@Order(10)
class DemoPopulation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPopulation.class);

    private final Tenants tenants;
    private final ResidentSeeder seeder;
    private final boolean enabled;
    private final double scale;

    DemoPopulation(Tenants tenants, ResidentSeeder seeder, @Value("${jc.demo.enabled}") boolean enabled,
            @Value("${jc.demo.residents-scale:1.0}") double scale) {
        this.tenants = tenants;
        this.seeder = seeder;
        this.enabled = enabled;
        this.scale = scale;
    }

    /** The town's registered population (2012-03), or a small town's size for any other tenant. */
    static int realSize(String tenantCode) {
        return switch (tenantCode) {
            case "012211" -> 29_869;
            case "012203" -> 21_640;
            case "013706" -> 5_968;
            default -> 6_000;
        };
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!enabled || scale <= 0) {
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
                int residents = Math.max(1, (int) Math.round(realSize(tenant.code().value()) * scale));
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
