package jp.jichitai.cloud.disaster.internal;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.disaster.DirectoryMatch;
import jp.jichitai.cloud.disaster.DirectoryPerson;
import jp.jichitai.cloud.disaster.ResidentDirectory;

/**
 * 被災者台帳の CSV (victim registry export) for other systems: one line per person who reported damage, with the
 * items of 災害対策基本法 90条の3 the service holds (氏名, 生年月日, 性別, 住所, 被害の程度, 援護の実施状況 as
 * certificate numbers and amounts paid to the household), in CP932 or UTF-8.
 */
@Repository
@Transactional(readOnly = true)
class VictimRegistryExport {

    static final String[] HEADER = {"災害", "宛名番号", "世帯番号", "氏名", "フリガナ", "生年月日", "性別", "続柄",
            "行政区コード", "行政区", "住所", "住民以外", "最初の届出日", "世帯の被害の程度", "罹災証明書番号", "世帯の支援金支給額",
            "世帯の義援金支給額"};

    record Export(CsvText.Encoded file, int people) {
    }

    private final JdbcClient jdbc;
    private final ResidentDirectory directory;

    VictimRegistryExport(JdbcClient jdbc, ResidentDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    Export export(Disaster disaster, Charset charset) {
        String tenant = Disasters.tenant();
        Map<String, LocalDate> reported = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT atena_number, MIN(reported_on) FROM disaster_case
                 WHERE tenant_id = ? AND disaster_id = ? AND atena_number IS NOT NULL
                 GROUP BY atena_number ORDER BY atena_number""")
                .params(tenant, disaster.id())
                .query(rs -> { reported.put(rs.getString(1), rs.getObject(2, LocalDate.class)); });
        Map<String, String> levels = new HashMap<>();
        HouseholdLevels.of(jdbc, disaster.id()).forEach(entry -> levels.put(entry.householdNumber(), entry.level().japaneseName()));
        Map<String, String> certificates = new HashMap<>();
        jdbc.sql("""
                SELECT k.atena_number, c.issue_number FROM disaster_certificate c
                  JOIN disaster_case k ON k.tenant_id = c.tenant_id AND k.id = c.case_id
                 WHERE c.tenant_id = ? AND c.disaster_id = ? AND c.reprint_of IS NULL ORDER BY c.serial""")
                .params(tenant, disaster.id())
                .query(rs -> { certificates.merge(rs.getString(1), rs.getString(2), (a, b) -> a + " / " + b); });
        Map<String, Long> support = sums("disaster_support_payment", tenant, disaster.id());
        Map<String, Long> donations = sums("disaster_donation_payment", tenant, disaster.id());
        CsvText.Writer writer = new CsvText.Writer();
        writer.row((Object[]) HEADER);
        int people = 0;
        for (Map.Entry<String, LocalDate> entry : reported.entrySet()) {
            DirectoryPerson person = directory.findByAtenaNumber(entry.getKey()).map(DirectoryMatch::person).orElse(null);
            if (person == null) {
                continue;
            }
            people++;
            writer.row(disaster.displayName(), person.atenaNumber(), person.householdNumber(), person.name(), person.kana(),
                    person.birthDate(), person.sex(), person.relationship(), person.districtCode(), person.districtName(),
                    person.fullAddress(), person.nonResident() ? "1" : "0", entry.getValue(),
                    levels.getOrDefault(person.householdNumber(), ""), certificates.getOrDefault(person.atenaNumber(), ""),
                    support.getOrDefault(person.householdNumber(), 0L), donations.getOrDefault(person.householdNumber(), 0L));
        }
        return new Export(writer.encode(charset), people);
    }

    private Map<String, Long> sums(String table, String tenant, long disasterId) {
        Map<String, Long> sums = new HashMap<>();
        jdbc.sql("SELECT household_number, SUM(amount) FROM " + table + " WHERE tenant_id = ? AND disaster_id = ? GROUP BY household_number")
                .params(tenant, disasterId).query(rs -> { sums.put(rs.getString(1), rs.getLong(2)); });
        return sums;
    }
}
