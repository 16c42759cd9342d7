package jp.jichitai.cloud.disaster.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.disaster.DamageLevel;

/**
 * 義援金の配分 (donation distribution rounds): a round names an amount per damage level; the households of the
 * disaster are listed with the amount their level gives (the most severe level among their dwellings' latest
 * decided surveys), and each is paid at most once per round, held by the payment table's key.
 */
@Repository
@Transactional
class DonationRounds {

    /** A round's rule: yen per damage level, by the Japanese level name (全壊, 大規模半壊 ...); others get nothing. */
    record RoundBody(@NotBlank(message = "配分の名称を入力してください。") @Size(max = 100) String name,
            @NotNull(message = "被害の程度ごとの金額を入力してください。") Map<String, Long> amounts) {
    }

    record Round(long id, String name, Map<String, Long> amounts) {
    }

    record Household(String householdNumber, String districtCode, String level, long amount, LocalDate paidOn) {
        public boolean paid() {
            return paidOn != null;
        }
    }

    private final JdbcClient jdbc;

    DonationRounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(long disasterId, String name, Map<String, Long> amounts) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw Refusals.refusal("E-DIS-0054");
        }
        Map<DamageLevel, Long> rule = new EnumMap<>(DamageLevel.class);
        for (Map.Entry<String, Long> entry : (amounts == null ? Map.<String, Long>of() : amounts).entrySet()) {
            DamageLevel level = level(entry.getKey());
            if (entry.getValue() == null || entry.getValue() < 0 || entry.getValue() > 100_000_000L) {
                throw Refusals.refusal("E-DIS-0056", entry.getKey(), String.valueOf(entry.getValue()));
            }
            rule.put(level, entry.getValue());
        }
        if (rule.values().stream().noneMatch(amount -> amount > 0)) {
            throw Refusals.refusal("E-DIS-0057");
        }
        String tenant = Disasters.tenant();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO disaster_donation_round (tenant_id, disaster_id, name, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(tenant, disasterId, name.strip(), OffsetDateTime.now(ZoneOffset.UTC), Disasters.currentUser())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        rule.forEach((level, amount) -> jdbc.sql("""
                INSERT INTO disaster_donation_rate (tenant_id, disaster_id, round_id, damage_level, amount) VALUES (?, ?, ?, ?, ?)""")
                .params(tenant, disasterId, id, level.name(), amount).update());
        return id;
    }

    static DamageLevel level(String name) {
        for (DamageLevel level : DamageLevel.values()) {
            if (level.japaneseName().equals(name == null ? "" : name.strip()) || level.name().equals(name)) {
                return level;
            }
        }
        throw Refusals.refusal("E-DIS-0055", name);
    }

    @Transactional(readOnly = true)
    List<Round> of(long disasterId) {
        return jdbc.sql("SELECT id FROM disaster_donation_round WHERE tenant_id = ? AND disaster_id = ? ORDER BY id")
                .params(Disasters.tenant(), disasterId).query(Long.class).list().stream()
                .map(id -> require(disasterId, id)).toList();
    }

    @Transactional(readOnly = true)
    Round require(long disasterId, long roundId) {
        String name = jdbc.sql("SELECT name FROM disaster_donation_round WHERE tenant_id = ? AND disaster_id = ? AND id = ?")
                .params(Disasters.tenant(), disasterId, roundId).query(String.class).optional()
                .orElseThrow(() -> new DisasterNotFound("donation round " + roundId));
        Map<DamageLevel, Long> rule = new EnumMap<>(DamageLevel.class);
        jdbc.sql("SELECT damage_level, amount FROM disaster_donation_rate WHERE tenant_id = ? AND round_id = ?")
                .params(Disasters.tenant(), roundId)
                .query(rs -> { rule.put(DamageLevel.valueOf(rs.getString(1)), rs.getLong(2)); });
        Map<String, Long> amounts = new LinkedHashMap<>();
        rule.forEach((level, amount) -> amounts.put(level.japaneseName(), amount));
        return new Round(roundId, name, amounts);
    }

    /** The households the round pays (amount above zero), with what each was paid, by household number. */
    @Transactional(readOnly = true)
    List<Household> households(long disasterId, long roundId) {
        Round round = require(disasterId, roundId);
        Map<String, LocalDate> paid = new LinkedHashMap<>();
        jdbc.sql("SELECT household_number, paid_on FROM disaster_donation_payment WHERE tenant_id = ? AND round_id = ?")
                .params(Disasters.tenant(), roundId)
                .query(rs -> { paid.put(rs.getString(1), rs.getObject(2, LocalDate.class)); });
        List<Household> households = new ArrayList<>();
        for (HouseholdLevels.Entry entry : HouseholdLevels.of(jdbc, disasterId)) {
            long amount = round.amounts().getOrDefault(entry.level().japaneseName(), 0L);
            if (amount > 0) {
                households.add(new Household(entry.householdNumber(), entry.districtCode(), entry.level().japaneseName(),
                        amount, paid.get(entry.householdNumber())));
            }
        }
        return households;
    }

    /** Records the round's payment to a household; never twice in one round. */
    Household pay(long disasterId, long roundId, String householdNumber) {
        Household household = households(disasterId, roundId).stream()
                .filter(h -> h.householdNumber().equals(householdNumber == null ? "" : householdNumber.strip())).findFirst()
                .orElseThrow(() -> Refusals.refusal("E-DIS-0058", householdNumber));
        if (household.paid()) {
            throw Refusals.refusal("E-DIS-0059", household.householdNumber(), household.paidOn());
        }
        try {
            jdbc.sql("""
                    INSERT INTO disaster_donation_payment (tenant_id, round_id, household_number, disaster_id, damage_level,
                        amount, paid_on, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(Disasters.tenant(), roundId, household.householdNumber(), disasterId,
                            level(household.level()).name(), household.amount(), DisasterCertificates.today(),
                            Disasters.currentUser())
                    .update();
        } catch (DuplicateKeyException paidMeanwhile) {
            throw Refusals.refusal("E-DIS-0059", household.householdNumber(), DisasterCertificates.today());
        }
        return new Household(household.householdNumber(), household.districtCode(), household.level(), household.amount(),
                DisasterCertificates.today());
    }
}
