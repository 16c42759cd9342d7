package jp.jichitai.cloud.disaster.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.disaster.DamageLevel;
import jp.jichitai.cloud.disaster.SupportPaymentItem;

/**
 * 集計 (statistics) of a disaster: certificates by 行政区, level and day (reprints not counted), households by
 * damage level and 行政区, support payments by item and donation payments. A drill (訓練) is never counted: its
 * summary is empty and says so.
 */
@Repository
@Transactional(readOnly = true)
class DisasterStatistics {

    /** How many and how much (yen). */
    record Totals(long count, long amount) {
        Totals plus(long count, long amount) {
            return new Totals(this.count + count, this.amount + amount);
        }
    }

    record Summary(long disasterId, boolean counted, Map<String, Long> byDistrict, Map<String, Long> byLevel,
            Map<LocalDate, Long> byDay, Map<String, Long> householdsByDistrict, Map<String, Long> householdsByLevel,
            Map<String, Totals> supportPayments, Totals donations) {
    }

    private final JdbcClient jdbc;

    DisasterStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Summary of(Disaster disaster) {
        Map<String, Long> byDistrict = new TreeMap<>();
        Map<String, Long> byLevel = new LinkedHashMap<>();
        Map<LocalDate, Long> byDay = new TreeMap<>();
        Map<String, Long> householdsByDistrict = new TreeMap<>();
        Map<String, Long> householdsByLevel = new LinkedHashMap<>();
        Map<String, Totals> supportPayments = new LinkedHashMap<>();
        if (disaster.drill()) {
            return new Summary(disaster.id(), false, byDistrict, byLevel, byDay, householdsByDistrict, householdsByLevel,
                    supportPayments, new Totals(0, 0));
        }
        String tenant = Disasters.tenant();
        String originals = " FROM disaster_certificate c JOIN disaster d ON d.tenant_id = c.tenant_id AND d.id = c.disaster_id"
                + " WHERE c.tenant_id = ? AND c.disaster_id = ? AND c.reprint_of IS NULL AND d.drill = FALSE";
        jdbc.sql("SELECT COALESCE(c.district_code, ''), COUNT(*)" + originals + " GROUP BY c.district_code")
                .params(tenant, disaster.id())
                .query(rs -> { byDistrict.put(rs.getString(1), rs.getLong(2)); });
        Map<DamageLevel, Long> levels = new TreeMap<>();
        jdbc.sql("SELECT c.damage_level, COUNT(*)" + originals + " AND c.damage_level IS NOT NULL GROUP BY c.damage_level")
                .params(tenant, disaster.id())
                .query(rs -> { levels.put(DamageLevel.valueOf(rs.getString(1)), rs.getLong(2)); });
        levels.forEach((level, count) -> byLevel.put(level.japaneseName(), count));
        jdbc.sql("SELECT c.issued_on, COUNT(*)" + originals + " GROUP BY c.issued_on")
                .params(tenant, disaster.id())
                .query(rs -> { byDay.put(rs.getObject(1, LocalDate.class), rs.getLong(2)); });

        Map<DamageLevel, Long> households = new TreeMap<>();
        for (HouseholdLevels.Entry entry : HouseholdLevels.of(jdbc, disaster.id())) {
            households.merge(entry.level(), 1L, Long::sum);
            householdsByDistrict.merge(entry.districtCode(), 1L, Long::sum);
        }
        households.forEach((level, count) -> householdsByLevel.put(level.japaneseName(), count));

        Map<SupportPaymentItem, Totals> items = new TreeMap<>();
        jdbc.sql("SELECT item, COUNT(*), COALESCE(SUM(amount), 0) FROM disaster_support_payment"
                + " WHERE tenant_id = ? AND disaster_id = ? GROUP BY item")
                .params(tenant, disaster.id())
                .query(rs -> { items.put(SupportPaymentItem.valueOf(rs.getString(1)), new Totals(rs.getLong(2), rs.getLong(3))); });
        items.forEach((item, totals) -> supportPayments.put(item.japaneseName(), totals));
        Totals donations = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM disaster_donation_payment"
                + " WHERE tenant_id = ? AND disaster_id = ?")
                .params(tenant, disaster.id()).query((rs, row) -> new Totals(rs.getLong(1), rs.getLong(2))).single();
        return new Summary(disaster.id(), true, byDistrict, byLevel, byDay, householdsByDistrict, householdsByLevel,
                supportPayments, donations);
    }
}
