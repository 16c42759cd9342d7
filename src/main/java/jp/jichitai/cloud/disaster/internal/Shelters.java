package jp.jichitai.cloud.disaster.internal;

import java.nio.charset.Charset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.disaster.DirectoryMatch;
import jp.jichitai.cloud.disaster.DirectoryPerson;
import jp.jichitai.cloud.disaster.ResidentDirectory;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;

/**
 * 避難所 (shelters) of a disaster: open and close, capacity, evacuees' entry and exit (linked to the victim
 * registry when the person is known), the current population, and the offline roster: exported for a PC with
 * no connection and merged back, with likely duplicates flagged for a clerk ({@link RosterDuplicates}).
 */
@Repository
@Transactional
class Shelters {

    record OpenBody(@NotBlank(message = "避難所の名称を入力してください。") @Size(max = 100, message = "避難所の名称は100文字以内です。") String name,
            @NotNull(message = "収容人数を入力してください。") @Min(value = 1, message = "収容人数は1人以上です。") Integer capacity) {
    }

    /** An entry: a person of the registry by 宛名番号, or someone unknown to it by name (and kana, birth date). */
    record EntryBody(@Size(max = 16) String atenaNumber, @Size(max = 100) String name, @Size(max = 100) String kana,
            @Size(max = 10) String birthDate) {
    }

    record Shelter(long id, String name, int capacity, boolean open, long population, long pendingReview) {
        public boolean full() {
            return population >= capacity;
        }
    }

    /** 避難者の入所記録 (an evacuee's stay). possibleDuplicate names the stay it may duplicate, until reviewed. */
    record Stay(long id, long shelterId, String atenaNumber, String name, String kana, String birthDate,
            OffsetDateTime enteredAt, OffsetDateTime leftAt, String origin, Long possibleDuplicate, String duplicateReason) {
        public boolean present() {
            return leftAt == null;
        }

        public String enteredText() {
            return ShelterRosterFile.time(enteredAt);
        }

        public String leftText() {
            return ShelterRosterFile.time(leftAt);
        }

        RosterDuplicates.Candidate candidate() {
            return new RosterDuplicates.Candidate(id, atenaNumber, name, kana, birthDate, enteredAt, leftAt);
        }
    }

    /** A flagged pair for review: the merged roster row and the stay it looks like. */
    record Review(Stay incoming, Stay existing, String reason) {
    }

    /** What a roster merge did. */
    record MergeOutcome(int added, int exitsRecorded, int unchanged, int flagged) {
    }

    private static final String STAY_COLUMNS = """
            id, shelter_id, atena_number, name, kana, birth_date, entered_at, left_at, origin, possible_duplicate,
            duplicate_reason""";

    private final JdbcClient jdbc;
    private final ResidentDirectory directory;

    Shelters(JdbcClient jdbc, ResidentDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    long open(long disasterId, String name, Integer capacity) {
        if (name == null || name.isBlank() || name.strip().length() > 100 || capacity == null || capacity < 1) {
            throw Refusals.refusal("E-DIS-0040");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO disaster_shelter (tenant_id, disaster_id, name, capacity, opened_at) VALUES (?, ?, ?, ?, ?)")
                .params(Disasters.tenant(), disasterId, name.strip(), capacity, now())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Closes a shelter once everyone has left (people still present would vanish from the population). */
    Shelter close(long disasterId, long shelterId) {
        Shelter shelter = lock(disasterId, shelterId);
        if (!shelter.open()) {
            throw Refusals.refusal("E-DIS-0041", shelter.name());
        }
        if (shelter.population() + shelter.pendingReview() > 0) {
            throw Refusals.refusal("E-DIS-0045", shelter.name(), shelter.population() + shelter.pendingReview());
        }
        jdbc.sql("UPDATE disaster_shelter SET closed_at = ?, closed_by = ? WHERE tenant_id = ? AND disaster_id = ? AND id = ?")
                .params(now(), Disasters.currentUser(), Disasters.tenant(), disasterId, shelterId).update();
        return require(disasterId, shelterId);
    }

    @Transactional(readOnly = true)
    List<Shelter> of(long disasterId) {
        return jdbc.sql(SHELTER_QUERY + " WHERE s.tenant_id = ? AND s.disaster_id = ? ORDER BY s.id")
                .params(Disasters.tenant(), disasterId).query(Shelters::shelter).list();
    }

    /** The shelter of this disaster, or {@link DisasterNotFound} (also for another disaster's or town's id). */
    @Transactional(readOnly = true)
    Shelter require(long disasterId, long shelterId) {
        return jdbc.sql(SHELTER_QUERY + " WHERE s.tenant_id = ? AND s.disaster_id = ? AND s.id = ?")
                .params(Disasters.tenant(), disasterId, shelterId).query(Shelters::shelter).optional()
                .orElseThrow(() -> new DisasterNotFound("shelter " + shelterId));
    }

    /** The shelter row locked, so that two entries at once cannot both take its last place. */
    private Shelter lock(long disasterId, long shelterId) {
        jdbc.sql("SELECT id FROM disaster_shelter WHERE tenant_id = ? AND disaster_id = ? AND id = ? FOR UPDATE")
                .params(Disasters.tenant(), disasterId, shelterId).query(Long.class).optional()
                .orElseThrow(() -> new DisasterNotFound("shelter " + shelterId));
        return require(disasterId, shelterId);
    }

    private static final String SHELTER_QUERY = """
            SELECT s.id, s.name, s.capacity, s.closed_at,
                   (SELECT COUNT(*) FROM disaster_shelter_stay t WHERE t.tenant_id = s.tenant_id AND t.shelter_id = s.id
                       AND t.left_at IS NULL AND t.possible_duplicate IS NULL) AS population,
                   (SELECT COUNT(*) FROM disaster_shelter_stay t WHERE t.tenant_id = s.tenant_id AND t.shelter_id = s.id
                       AND t.possible_duplicate IS NOT NULL) AS pending
              FROM disaster_shelter s""";

    private static Shelter shelter(ResultSet rs, int row) throws SQLException {
        return new Shelter(rs.getLong("id"), rs.getString("name"), rs.getInt("capacity"), rs.getObject("closed_at") == null,
                rs.getLong("population"), rs.getLong("pending"));
    }

    /** 入所: checks the shelter is open and has room, and that a known person is not already present somewhere. */
    Stay enter(long disasterId, long shelterId, EntryBody body) {
        Shelter shelter = lock(disasterId, shelterId);
        if (!shelter.open()) {
            throw Refusals.refusal("E-DIS-0041", shelter.name());
        }
        if (shelter.full()) {
            throw Refusals.refusal("E-DIS-0042", shelter.name(), shelter.capacity());
        }
        String atena = blankToNull(body.atenaNumber());
        String name;
        String kana;
        String birthDate;
        if (atena != null) {
            DirectoryPerson person = directory.findByAtenaNumber(atena).map(DirectoryMatch::person)
                    .orElseThrow(() -> Refusals.refusal("E-DIS-0027", body.atenaNumber()));
            atena = person.atenaNumber();
            Optional<Stay> present = presentStayOf(disasterId, atena);
            if (present.isPresent()) {
                throw Refusals.refusal("E-DIS-0047", atena, require(disasterId, present.get().shelterId()).name());
            }
            name = person.name();
            kana = person.kana();
            birthDate = person.birthDate();
        } else {
            if (body.name() == null || body.name().isBlank()) {
                throw Refusals.refusal("E-DIS-0046");
            }
            name = body.name().strip();
            kana = body.kana() == null ? "" : body.kana().strip();
            birthDate = body.birthDate() == null ? "" : body.birthDate().strip().replace("-", "").replace("/", "");
            if (!birthDate.isEmpty() && !birthDate.matches("[0-9]{8}")) {
                throw Refusals.refusal("E-DIS-0021", birthDate);
            }
        }
        long id = insertStay(disasterId, shelterId, atena, name, kana, birthDate, now(), null, "COUNTER", null, null);
        return requireStay(disasterId, id);
    }

    /** 退所. */
    Stay leave(long disasterId, long stayId) {
        Stay stay = requireStay(disasterId, stayId);
        if (!stay.present()) {
            throw Refusals.refusal("E-DIS-0048", stay.name(), stay.leftText());
        }
        jdbc.sql("UPDATE disaster_shelter_stay SET left_at = ? WHERE tenant_id = ? AND disaster_id = ? AND id = ?")
                .params(now(), Disasters.tenant(), disasterId, stayId).update();
        return requireStay(disasterId, stayId);
    }

    /** The shelter's roster: everyone who entered, present first, flagged rows included. */
    @Transactional(readOnly = true)
    List<Stay> roster(long disasterId, long shelterId) {
        require(disasterId, shelterId);
        return jdbc.sql("SELECT " + STAY_COLUMNS + " " + """
                 FROM disaster_shelter_stay WHERE tenant_id = ? AND disaster_id = ? AND shelter_id = ?
                 ORDER BY CASE WHEN left_at IS NULL THEN 0 ELSE 1 END, entered_at, id""")
                .params(Disasters.tenant(), disasterId, shelterId).query(Shelters::stay).list();
    }

    @Transactional(readOnly = true)
    Stay requireStay(long disasterId, long stayId) {
        return jdbc.sql("SELECT " + STAY_COLUMNS + " FROM disaster_shelter_stay WHERE tenant_id = ? AND disaster_id = ? AND id = ?")
                .params(Disasters.tenant(), disasterId, stayId).query(Shelters::stay).optional()
                .orElseThrow(() -> new DisasterNotFound("stay " + stayId));
    }

    private Optional<Stay> presentStayOf(long disasterId, String atenaNumber) {
        return jdbc.sql("SELECT " + STAY_COLUMNS + " " + """
                 FROM disaster_shelter_stay WHERE tenant_id = ? AND disaster_id = ? AND atena_number = ?
                  AND left_at IS NULL AND possible_duplicate IS NULL ORDER BY id""")
                .params(Disasters.tenant(), disasterId, atenaNumber).query(Shelters::stay).list().stream().findFirst();
    }

    private List<Stay> stays(long disasterId) {
        return jdbc.sql("SELECT " + STAY_COLUMNS + " FROM disaster_shelter_stay WHERE tenant_id = ? AND disaster_id = ? ORDER BY id")
                .params(Disasters.tenant(), disasterId).query(Shelters::stay).list();
    }

    private long insertStay(long disasterId, long shelterId, String atena, String name, String kana, String birthDate,
            OffsetDateTime enteredAt, OffsetDateTime leftAt, String origin, Long possibleDuplicate, String reason) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO disaster_shelter_stay (tenant_id, disaster_id, shelter_id, atena_number, name, kana, birth_date,
                    entered_at, left_at, possible_duplicate, origin, duplicate_reason, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Disasters.tenant(), disasterId, shelterId, atena, name, kana, birthDate, enteredAt, leftAt,
                        possibleDuplicate, origin, reason, Disasters.currentUser())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** The roster file for the shelter's offline PC. */
    @Transactional(readOnly = true)
    CsvText.Encoded export(long disasterId, long shelterId, Charset charset) {
        return ShelterRosterFile.write(roster(disasterId, shelterId), charset);
    }

    /**
     * Merges a roster file back, all or nothing. A line with a 避難者番号 is a stay of this shelter: its exit is
     * recorded if the service has none. A line without one is a person entered offline: added, or flagged when
     * {@link RosterDuplicates} finds a likely duplicate among the disaster's stays (this file's earlier lines
     * included). Flagged rows wait for {@link #resolve}; nothing is merged silently.
     */
    MergeOutcome merge(long disasterId, long shelterId, byte[] file, Charset charset) {
        Shelter shelter = lock(disasterId, shelterId);
        if (!shelter.open()) {
            throw Refusals.refusal("E-DIS-0041", shelter.name());
        }
        ShelterRosterFile.Content content = ShelterRosterFile.read(file, charset);
        List<String> problems = new ArrayList<>(content.problems());
        List<Stay> recorded = stays(disasterId);
        for (ShelterRosterFile.Row row : content.rows()) {
            if (row.stayId() != null) {
                Optional<Stay> stay = recorded.stream().filter(s -> s.id() == row.stayId()).findFirst();
                if (stay.isEmpty() || stay.get().shelterId() != shelterId) {
                    problems.add(ShelterRosterFile.problem(row, 1, "避難者番号 " + row.stayId() + " はこの避難所の名簿にありません。"));
                }
            }
            if (!row.atenaNumber().isEmpty() && directory.findByAtenaNumber(row.atenaNumber()).isEmpty()) {
                problems.add(ShelterRosterFile.problem(row, 2, "宛名番号 " + row.atenaNumber() + " の方は被災者台帳に見つかりません。"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingLong(ShelterRosterFile::lineOf));
            throw new RosterRefused(problems);
        }
        int added = 0;
        int exits = 0;
        int unchanged = 0;
        int flagged = 0;
        List<RosterDuplicates.Candidate> candidates = new ArrayList<>(recorded.stream()
                .filter(stay -> stay.possibleDuplicate() == null).map(Stay::candidate).toList());
        for (ShelterRosterFile.Row row : content.rows()) {
            if (row.stayId() != null) {
                Stay stay = recorded.stream().filter(s -> s.id() == row.stayId()).findFirst().orElseThrow();
                if (stay.present() && row.leftAt() != null) {
                    jdbc.sql("UPDATE disaster_shelter_stay SET left_at = ? WHERE tenant_id = ? AND disaster_id = ? AND id = ? AND left_at IS NULL")
                            .params(row.leftAt(), Disasters.tenant(), disasterId, stay.id()).update();
                    exits++;
                } else {
                    unchanged++;
                }
                continue;
            }
            String atena = row.atenaNumber().isEmpty() ? null : row.atenaNumber();
            RosterDuplicates.Candidate incoming = new RosterDuplicates.Candidate(-1, atena, row.name(), row.kana(),
                    row.birthDate(), row.enteredAt(), row.leftAt());
            Optional<RosterDuplicates.Match> match = RosterDuplicates.likelyDuplicate(incoming, candidates);
            long id = insertStay(disasterId, shelterId, atena, row.name(), row.kana(), row.birthDate(), row.enteredAt(),
                    row.leftAt(), "ROSTER", match.map(m -> m.existing().id()).orElse(null),
                    match.map(m -> m.reason().name()).orElse(null));
            if (match.isPresent()) {
                flagged++;
            } else {
                added++;
                candidates.add(new RosterDuplicates.Candidate(id, atena, row.name(), row.kana(), row.birthDate(),
                        row.enteredAt(), row.leftAt()));
            }
        }
        return new MergeOutcome(added, exits, unchanged, flagged);
    }

    /** The flagged pairs of a disaster waiting for a clerk. */
    @Transactional(readOnly = true)
    List<Review> reviews(long disasterId) {
        return jdbc.sql("SELECT " + STAY_COLUMNS + " FROM disaster_shelter_stay WHERE tenant_id = ? AND disaster_id = ?"
                + " AND possible_duplicate IS NOT NULL ORDER BY id")
                .params(Disasters.tenant(), disasterId).query(Shelters::stay).list().stream()
                .map(stay -> new Review(stay, requireStay(disasterId, stay.possibleDuplicate()),
                        RosterDuplicates.Reason.valueOf(stay.duplicateReason()).japanese()))
                .toList();
    }

    /**
     * A clerk's decision on a flagged row. Same person: the row is folded into the stay it duplicates (the earlier
     * entry, the registry link if only the row had one, still present if either says so, else the later exit) and
     * removed. Different people: the row stays as a stay of its own.
     */
    Stay resolve(long disasterId, long stayId, boolean samePerson) {
        Stay incoming = requireStay(disasterId, stayId);
        if (incoming.possibleDuplicate() == null) {
            throw Refusals.refusal("E-DIS-0049");
        }
        Stay existing = requireStay(disasterId, incoming.possibleDuplicate());
        String tenant = Disasters.tenant();
        if (!samePerson) {
            jdbc.sql("UPDATE disaster_shelter_stay SET possible_duplicate = NULL WHERE tenant_id = ? AND disaster_id = ? AND id = ?")
                    .params(tenant, disasterId, stayId).update();
            return requireStay(disasterId, stayId);
        }
        if (incoming.atenaNumber() != null && existing.atenaNumber() != null
                && !incoming.atenaNumber().equals(existing.atenaNumber())) {
            throw Refusals.refusal("E-DIS-0053", existing.atenaNumber(), incoming.atenaNumber());
        }
        OffsetDateTime entered = incoming.enteredAt().isBefore(existing.enteredAt()) ? incoming.enteredAt() : existing.enteredAt();
        OffsetDateTime left = incoming.leftAt() == null || existing.leftAt() == null ? null
                : incoming.leftAt().isAfter(existing.leftAt()) ? incoming.leftAt() : existing.leftAt();
        String atena = existing.atenaNumber() != null ? existing.atenaNumber() : incoming.atenaNumber();
        jdbc.sql("""
                UPDATE disaster_shelter_stay SET entered_at = ?, left_at = ?, atena_number = ?,
                    kana = CASE WHEN kana = '' THEN ? ELSE kana END, birth_date = CASE WHEN birth_date = '' THEN ? ELSE birth_date END
                 WHERE tenant_id = ? AND disaster_id = ? AND id = ?""")
                .params(entered, left, atena, incoming.kana(), incoming.birthDate(), tenant, disasterId, existing.id()).update();
        jdbc.sql("UPDATE disaster_shelter_stay SET possible_duplicate = ? WHERE tenant_id = ? AND disaster_id = ? AND possible_duplicate = ?")
                .params(existing.id(), tenant, disasterId, stayId).update();
        jdbc.sql("DELETE FROM disaster_shelter_stay WHERE tenant_id = ? AND disaster_id = ? AND id = ?")
                .params(tenant, disasterId, stayId).update();
        return requireStay(disasterId, existing.id());
    }

    private static Stay stay(ResultSet rs, int row) throws SQLException {
        long duplicate = rs.getLong("possible_duplicate");
        Long possibleDuplicate = rs.wasNull() ? null : duplicate;
        return new Stay(rs.getLong("id"), rs.getLong("shelter_id"), rs.getString("atena_number"), rs.getString("name"),
                rs.getString("kana"), rs.getString("birth_date"), rs.getObject("entered_at", OffsetDateTime.class),
                rs.getObject("left_at", OffsetDateTime.class), rs.getString("origin"), possibleDuplicate,
                rs.getString("duplicate_reason"));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A roster file refused as a whole, with every problem found (line, column, field). */
    static final class RosterRefused extends BusinessException {
        private final List<String> problems;

        RosterRefused(List<String> problems) {
            super(MessageId.of("E-DIS-0044"), Refusals.refusal("E-DIS-0044", String.valueOf(problems.size()), problems.get(0)).japaneseMessage());
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
