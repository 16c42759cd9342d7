package jp.jichitai.cloud.tenancy.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.District;
import jp.jichitai.cloud.tenancy.GaijiMapping;
import jp.jichitai.cloud.tenancy.Tenant;
import jp.jichitai.cloud.tenancy.TenantContext;
import jp.jichitai.cloud.tenancy.TenantProfile;
import jp.jichitai.cloud.tenancy.Tenants;

@Repository
class JdbcTenants implements Tenants {

    private final JdbcClient jdbc;

    JdbcTenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Tenant> all() {
        return jdbc.sql("SELECT code, name, prefecture FROM tenant ORDER BY code")
                .query((rs, row) -> new Tenant(TenantCode.of(rs.getString("code")), rs.getString("name"),
                        rs.getString("prefecture")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Tenant> find(TenantCode code) {
        return jdbc.sql("SELECT code, name, prefecture FROM tenant WHERE code = ?")
                .param(code.value())
                .query((rs, row) -> new Tenant(code, rs.getString("name"), rs.getString("prefecture")))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public TenantProfile currentProfile() {
        TenantCode code = TenantContext.require();
        return jdbc.sql("""
                SELECT t.name, t.prefecture, p.mayor_title, p.mayor_name, p.main_office
                  FROM tenant t JOIN tenant_profile p ON p.tenant_id = t.code
                 WHERE p.tenant_id = ?""")
                .param(code.value())
                .query((rs, row) -> new TenantProfile(code, rs.getString("name"), rs.getString("prefecture"),
                        rs.getString("mayor_title"), rs.getString("mayor_name"), rs.getString("main_office")))
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<District> currentDistricts() {
        return jdbc.sql("SELECT district_code, name FROM district WHERE tenant_id = ? ORDER BY district_code")
                .param(TenantContext.require().value())
                .query((rs, row) -> new District(rs.getString("district_code"), rs.getString("name")))
                .list();
    }

    @Override
    @Transactional
    public TenantProfile updateCurrentMayor(String mayorTitle, String mayorName) {
        jdbc.sql("UPDATE tenant_profile SET mayor_title = ?, mayor_name = ?, updated_at = ? WHERE tenant_id = ?")
                .params(mayorTitle, mayorName, now(), TenantContext.require().value())
                .update();
        return currentProfile();
    }

    @Override
    @Transactional
    public Tenant register(Tenant tenant, String mayorTitle, String mayorName, String mainOffice,
            List<District> districts) {
        jdbc.sql("INSERT INTO tenant (code, name, prefecture, created_at) VALUES (?, ?, ?, ?)")
                .params(tenant.code().value(), tenant.name(), tenant.prefecture(), now())
                .update();
        TenantContext.runAs(tenant.code(), () -> registerOwnedRows(tenant, mayorTitle, mayorName, mainOffice,
                districts));
        return tenant;
    }

    /** Rows that row-level security guards: written in the new tenant's own scope. */
    private void registerOwnedRows(Tenant tenant, String mayorTitle, String mayorName, String mainOffice,
            List<District> districts) {
        // The transaction was bound before the tenant existed; rebind it for the tenant-owned rows.
        jdbc.sql("SELECT set_config('jc.tenant_id', ?, true)").param(tenant.code().value()).query().singleValue();
        String code = tenant.code().value();
        jdbc.sql("INSERT INTO tenant_profile (tenant_id, mayor_title, mayor_name, main_office, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(code, mayorTitle, mayorName, mainOffice, now())
                .update();
        for (District district : districts) {
            jdbc.sql("INSERT INTO district (tenant_id, district_code, name) VALUES (?, ?, ?)")
                    .params(code, district.code(), district.name())
                    .update();
        }
        jdbc.sql("INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) VALUES (?, 0, ?)")
                .params(code, "0".repeat(64))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM tenant").query(Long.class).single() == 0;
    }

    @Override
    @Transactional(readOnly = true)
    public List<GaijiMapping> currentGaijiMappings() {
        return jdbc.sql("SELECT code_point, substitute, description FROM gaiji_mapping WHERE tenant_id = ? ORDER BY code_point")
                .param(TenantContext.require().value())
                .query((rs, row) -> new GaijiMapping(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Override
    @Transactional
    public void saveGaijiMapping(GaijiMapping mapping) {
        String tenant = TenantContext.require().value();
        int updated = jdbc.sql("UPDATE gaiji_mapping SET substitute = ?, description = ?, updated_at = ? WHERE tenant_id = ? AND code_point = ?")
                .params(mapping.substitute(), mapping.description(), now(), tenant, mapping.codePoint())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO gaiji_mapping (tenant_id, code_point, substitute, description, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(tenant, mapping.codePoint(), mapping.substitute(), mapping.description(), now())
                    .update();
        }
    }

    @Override
    @Transactional
    public boolean removeGaijiMapping(int codePoint) {
        return jdbc.sql("DELETE FROM gaiji_mapping WHERE tenant_id = ? AND code_point = ?")
                .params(TenantContext.require().value(), codePoint)
                .update() == 1;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<Integer, String> currentGaijiSubstitutes() {
        java.util.Map<Integer, String> substitutes = new java.util.HashMap<>();
        jdbc.sql("SELECT code_point, substitute FROM gaiji_mapping WHERE tenant_id = ? AND substitute IS NOT NULL")
                .param(TenantContext.require().value())
                .query((org.springframework.jdbc.core.RowCallbackHandler) row ->
                        substitutes.put(row.getInt(1), row.getString(2)));
        return substitutes;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
