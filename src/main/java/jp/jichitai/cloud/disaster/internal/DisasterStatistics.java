package jp.jichitai.cloud.disaster.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.disaster.DamageLevel;

/** 集計 (statistics) of a disaster: certificates by 行政区, level and day. A drill is never counted. */
@Repository
@Transactional(readOnly = true)
class DisasterStatistics {

    record Summary(long disasterId, boolean counted, Map<String, Long> byDistrict, Map<String, Long> byLevel,
            Map<LocalDate, Long> byDay) {
    }

    private final JdbcClient jdbc;

    DisasterStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Summary of(Disaster disaster) {
        Map<String, Long> byDistrict = new TreeMap<>();
        Map<String, Long> byLevel = new TreeMap<>();
        Map<LocalDate, Long> byDay = new TreeMap<>();
        if (disaster.drill()) {
            return new Summary(disaster.id(), false, byDistrict, byLevel, byDay);
        }
        String originals = " FROM disaster_certificate c JOIN disaster d ON d.tenant_id = c.tenant_id AND d.id = c.disaster_id"
                + " WHERE c.tenant_id = ? AND c.disaster_id = ? AND c.reprint_of IS NULL AND d.drill = FALSE";
        jdbc.sql("SELECT COALESCE(c.district_code, ''), COUNT(*)" + originals + " GROUP BY c.district_code")
                .params(Disasters.tenant(), disaster.id())
                .query(rs -> { byDistrict.put(rs.getString(1), rs.getLong(2)); });
        jdbc.sql("SELECT c.damage_level, COUNT(*)" + originals + " AND c.damage_level IS NOT NULL GROUP BY c.damage_level")
                .params(Disasters.tenant(), disaster.id())
                .query(rs -> { byLevel.put(DamageLevel.valueOf(rs.getString(1)).japaneseName(), rs.getLong(2)); });
        jdbc.sql("SELECT c.issued_on, COUNT(*)" + originals + " GROUP BY c.issued_on")
                .params(Disasters.tenant(), disaster.id())
                .query(rs -> { byDay.put(rs.getObject(1, LocalDate.class), rs.getLong(2)); });
        return new Summary(disaster.id(), true, byDistrict, byLevel, byDay);
    }
}
