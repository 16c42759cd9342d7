package jp.jichitai.cloud.disaster.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import jp.jichitai.cloud.disaster.DamageLevel;

/**
 * The damage level of each household of a disaster: the most severe among its dwellings' latest decided surveys
 * (the level its certificates state). Households whose dwellings have no decided survey are not listed.
 */
final class HouseholdLevels {

    record Entry(String householdNumber, String districtCode, DamageLevel level) {
    }

    private HouseholdLevels() {
    }

    static List<Entry> of(JdbcClient jdbc, long disasterId) {
        Map<String, Entry> byHousehold = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT d.household_number, d.district_code, s.damage_level
                  FROM disaster_dwelling d
                  JOIN disaster_survey s ON s.tenant_id = d.tenant_id AND s.dwelling_id = d.id AND s.decided = TRUE
                 WHERE d.tenant_id = ? AND d.disaster_id = ?
                   AND s.round = (SELECT MAX(x.round) FROM disaster_survey x
                                   WHERE x.tenant_id = s.tenant_id AND x.dwelling_id = s.dwelling_id AND x.decided = TRUE)
                 ORDER BY d.household_number, d.id""")
                .params(Disasters.tenant(), disasterId)
                .query(rs -> {
                    Entry entry = new Entry(rs.getString(1), rs.getString(2), DamageLevel.valueOf(rs.getString(3)));
                    byHousehold.merge(entry.householdNumber(), entry,
                            (a, b) -> a.level().compareTo(b.level()) <= 0 ? a : b);
                });
        return new ArrayList<>(byHousehold.values());
    }
}
