package jp.jichitai.cloud.disaster.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** 避難所 (shelters) of a disaster: open and close, capacity, and the current population. */
@Repository
@Transactional
class Shelters {

    record OpenBody(@NotBlank(message = "避難所の名称を入力してください。") String name,
            @Min(value = 1, message = "収容人数は1人以上です。") int capacity) {
    }

    record Shelter(long id, String name, int capacity, boolean open, long population) {
    }

    private final JdbcClient jdbc;

    Shelters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long open(long disasterId, String name, int capacity) {
        if (name == null || name.isBlank() || capacity < 1) {
            throw Refusals.refusal("E-DIS-0040");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO disaster_shelter (tenant_id, disaster_id, name, capacity, opened_at) VALUES (?, ?, ?, ?, ?)")
                .params(Disasters.tenant(), disasterId, name.strip(), capacity, OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    @Transactional(readOnly = true)
    List<Shelter> of(long disasterId) {
        return jdbc.sql("""
                SELECT s.id, s.name, s.capacity, s.closed_at,
                       (SELECT COUNT(*) FROM disaster_shelter_stay t
                         WHERE t.tenant_id = s.tenant_id AND t.shelter_id = s.id AND t.left_at IS NULL) AS population
                  FROM disaster_shelter s WHERE s.tenant_id = ? AND s.disaster_id = ? ORDER BY s.id""")
                .params(Disasters.tenant(), disasterId)
                .query((rs, row) -> new Shelter(rs.getLong("id"), rs.getString("name"), rs.getInt("capacity"),
                        rs.getObject("closed_at") == null, rs.getLong("population")))
                .list();
    }
}
