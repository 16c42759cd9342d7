package jp.jichitai.cloud.operations.internal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.operations.ThousandYen;
import jp.jichitai.cloud.shared.TenantCode;

/** The provider's annual service cost and its sharing key per fiscal year (provider tables). */
@Repository
class AnnualCosts {

    /** One fiscal year's cost and key, the key in the order of the tenant codes. */
    record AnnualCost(int fiscalYear, ThousandYen total, String sharingKey, Map<TenantCode, Long> weights) {
    }

    private final JdbcClient jdbc;

    AnnualCosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void save(AnnualCost cost) {
        jdbc.sql("DELETE FROM annual_cost_key WHERE fiscal_year = ?").param(cost.fiscalYear()).update();
        jdbc.sql("DELETE FROM annual_cost WHERE fiscal_year = ?").param(cost.fiscalYear()).update();
        jdbc.sql("INSERT INTO annual_cost (fiscal_year, total_thousand_yen, sharing_key, updated_at) VALUES (?, ?, ?, ?)")
                .params(cost.fiscalYear(), cost.total().value(), cost.sharingKey(), OffsetDateTime.now())
                .update();
        cost.weights().forEach((tenant, weight) -> jdbc
                .sql("INSERT INTO annual_cost_key (fiscal_year, tenant_code, weight) VALUES (?, ?, ?)")
                .params(cost.fiscalYear(), tenant.value(), weight)
                .update());
    }

    @Transactional(readOnly = true)
    public Optional<AnnualCost> find(int fiscalYear) {
        return jdbc.sql("SELECT total_thousand_yen, sharing_key FROM annual_cost WHERE fiscal_year = ?")
                .param(fiscalYear)
                .query((rs, row) -> {
                    Map<TenantCode, Long> weights = new LinkedHashMap<>();
                    jdbc.sql("SELECT tenant_code, weight FROM annual_cost_key WHERE fiscal_year = ? ORDER BY tenant_code")
                            .param(fiscalYear)
                            .query(key -> {
                                weights.put(TenantCode.of(key.getString("tenant_code")), key.getLong("weight"));
                            });
                    return new AnnualCost(fiscalYear, new ThousandYen(rs.getLong("total_thousand_yen")),
                            rs.getString("sharing_key"), weights);
                })
                .optional();
    }
}
