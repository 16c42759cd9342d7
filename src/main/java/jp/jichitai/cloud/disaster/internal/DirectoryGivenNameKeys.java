package jp.jichitai.cloud.disaster.internal;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.jichitai.cloud.tenancy.Tenant;
import jp.jichitai.cloud.tenancy.TenantContext;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * Computes the given-name keys of directory rows loaded before they existed (V32): once per row, at start-up,
 * town by town. Rows written since then carry their keys ({@link DirectoryRows}), so this finds nothing to do.
 */
@Component
class DirectoryGivenNameKeys {

    private record Unkeyed(String atenaNumber, String name, String kana) {
    }

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final TransactionTemplate transaction;

    DirectoryGivenNameKeys(JdbcClient jdbc, Tenants tenants, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void keyRowsLoadedBeforeTheKeysExisted() {
        for (Tenant tenant : TenantContext.callAsProvider(tenants::all)) {
            TenantContext.runAs(tenant.code(), this::keyCurrentTenant);
        }
    }

    /** Keys the current town's unkeyed rows; returns how many. */
    int keyCurrentTenant() {
        return transaction.execute(status -> {
            String tenantId = TenantContext.require().value();
            List<Unkeyed> rows = jdbc.sql("""
                    SELECT atena_number, name, kana FROM victim_directory_person
                     WHERE tenant_id = ? AND (given_kana_key IS NULL OR given_name_key IS NULL)""")
                    .param(tenantId).query((rs, row) -> new Unkeyed(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .list();
            for (Unkeyed row : rows) {
                jdbc.sql("UPDATE victim_directory_person SET given_kana_key = ?, given_name_key = ? WHERE tenant_id = ? AND atena_number = ?")
                        .params(DirectoryRows.givenKanaKey(row.kana()), DirectoryRows.givenNameKey(row.name()), tenantId,
                                row.atenaNumber())
                        .update();
            }
            return rows.size();
        });
    }
}
