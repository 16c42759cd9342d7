package jp.jichitai.cloud.operations.internal;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.operations.ServiceWindow;
import jp.jichitai.cloud.shared.TenantCode;

/** The towns' SLA契約 (table sla_contract, provider data named by tenant_code). */
@Repository
class SlaContracts {

    private final JdbcClient jdbc;

    SlaContracts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public SlaContract of(TenantCode tenant) {
        return jdbc.sql("SELECT service_window, support_window FROM sla_contract WHERE tenant_code = ?")
                .param(tenant.value())
                .query((rs, row) -> new SlaContract(ServiceWindow.parse(rs.getString(1)),
                        ServiceWindow.parse(rs.getString(2)), true))
                .optional().orElse(SlaContract.DEFAULT);
    }

    /** Every town that has agreed terms, by code. */
    @Transactional(readOnly = true)
    public Map<TenantCode, SlaContract> all() {
        Map<TenantCode, SlaContract> all = new TreeMap<>();
        jdbc.sql("SELECT tenant_code, service_window, support_window FROM sla_contract").query(rs -> {
            all.put(TenantCode.of(rs.getString(1)), new SlaContract(ServiceWindow.parse(rs.getString(2)),
                    ServiceWindow.parse(rs.getString(3)), true));
        });
        return all;
    }

    @Transactional
    public void save(TenantCode tenant, SlaContract contract, String updatedBy) {
        Object[] values = {contract.serviceWindow().written(), contract.supportWindow().written(), updatedBy,
                OffsetDateTime.now(), tenant.value()};
        if (jdbc.sql("""
                UPDATE sla_contract SET service_window = ?, support_window = ?, updated_by = ?, updated_at = ?
                 WHERE tenant_code = ?""").params(values).update() == 0) {
            jdbc.sql("""
                    INSERT INTO sla_contract (service_window, support_window, updated_by, updated_at, tenant_code)
                    VALUES (?, ?, ?, ?, ?)""").params(values).update();
        }
    }
}
