package jp.jichitai.cloud.disaster.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.disaster.DisasterKind;
import jp.jichitai.cloud.issuance.CertificateIssuance;
import jp.jichitai.cloud.tenancy.District;
import jp.jichitai.cloud.tenancy.TenantContext;
import jp.jichitai.cloud.tenancy.Tenants;

/** The town's disasters: declared by a tenant administrator, drills removed as a whole. */
@Repository
@Transactional
class Disasters {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** Every disaster table, children first, for removing a drill. */
    static final List<String> DISASTER_TABLES = List.of("disaster_certificate", "disaster_case",
            "disaster_resurvey_request", "disaster_survey", "disaster_dwelling", "disaster_support_payment",
            "disaster_support_application", "disaster_shelter_stay", "disaster_shelter", "disaster_donation_payment",
            "disaster_donation_rate", "disaster_donation_round", "disaster_district");

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final CertificateIssuance issuance;

    Disasters(JdbcClient jdbc, Tenants tenants, CertificateIssuance issuance) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.issuance = issuance;
    }

    long declare(String name, DisasterKind kind, LocalDate occurredOn, boolean drill, List<String> districtCodes) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw Refusals.refusal("E-DIS-0022");
        }
        if (kind == null) {
            throw Refusals.refusal("E-DIS-0023", "");
        }
        if (occurredOn == null || occurredOn.isAfter(LocalDate.now(JAPAN))) {
            throw Refusals.refusal("E-DIS-0024", String.valueOf(occurredOn));
        }
        Map<String, District> known = tenants.currentDistricts().stream()
                .collect(Collectors.toMap(District::code, Function.identity()));
        List<District> affected = new ArrayList<>();
        for (String code : districtCodes == null ? List.<String>of() : districtCodes) {
            District district = known.get(code);
            if (district == null) {
                throw Refusals.refusal("E-DIS-0025", code);
            }
            if (!affected.contains(district)) {
                affected.add(district);
            }
        }
        String tenant = tenant();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO disaster (tenant_id, name, kind, occurred_on, drill, declared_at, declared_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant, name.strip(), kind.name(), occurredOn, drill, OffsetDateTime.now(ZoneOffset.UTC),
                        currentUser())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (District district : affected) {
            jdbc.sql("INSERT INTO disaster_district (tenant_id, disaster_id, district_code, district_name) VALUES (?, ?, ?, ?)")
                    .params(tenant, id, district.code(), district.name()).update();
        }
        return id;
    }

    @Transactional(readOnly = true)
    List<Disaster> all() {
        return jdbc.sql("SELECT id FROM disaster WHERE tenant_id = ? ORDER BY drill, occurred_on DESC, id DESC")
                .param(tenant()).query(Long.class).list().stream().map(this::require).toList();
    }

    /** The disaster of the current town, or {@link DisasterNotFound} (also for another town's id). */
    @Transactional(readOnly = true)
    Disaster require(long id) {
        String tenant = tenant();
        List<District> districts = jdbc.sql("""
                SELECT district_code, district_name FROM disaster_district
                 WHERE tenant_id = ? AND disaster_id = ? ORDER BY district_code""")
                .params(tenant, id).query((rs, row) -> new District(rs.getString(1), rs.getString(2))).list();
        return jdbc.sql("SELECT id, name, kind, occurred_on, drill FROM disaster WHERE tenant_id = ? AND id = ?")
                .params(tenant, id)
                .query((rs, row) -> new Disaster(rs.getLong("id"), rs.getString("name"),
                        DisasterKind.valueOf(rs.getString("kind")), rs.getObject("occurred_on", LocalDate.class),
                        rs.getBoolean("drill"), districts))
                .optional().orElseThrow(() -> new DisasterNotFound("disaster " + id));
    }

    /**
     * Removes a drill and everything recorded under it, its certificates in the issuance register included, in
     * this one transaction; a real disaster is never removed. Returns how many certificates went with it.
     */
    int removeDrill(long id) {
        Disaster disaster = require(id);
        if (!disaster.drill()) {
            throw Refusals.refusal("E-DIS-0026");
        }
        String tenant = tenant();
        int certificates = issuance.removeDrillScope(disaster.numberingScope());
        for (String table : DISASTER_TABLES) {
            jdbc.sql("DELETE FROM " + table + " WHERE tenant_id = ? AND disaster_id = ?").params(tenant, id).update();
        }
        jdbc.sql("DELETE FROM disaster WHERE tenant_id = ? AND id = ?").params(tenant, id).update();
        return certificates;
    }

    static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    static String tenant() {
        return TenantContext.require().value();
    }
}
