package jp.jichitai.cloud.disaster.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.disaster.DirectoryMatch;
import jp.jichitai.cloud.disaster.DirectoryPerson;
import jp.jichitai.cloud.disaster.PersonQuery;
import jp.jichitai.cloud.disaster.ResidentDirectory;
import jp.jichitai.cloud.migrationformat.MigrationProblem;
import jp.jichitai.cloud.residents.SearchKeys;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * The {@link ResidentDirectory} of towns whose resident registry is elsewhere: the people loaded from the data
 * setup tool's import file, plus the people added by hand at the counter (flagged as non-residents).
 */
@Repository
@Transactional
public class JdbcResidentDirectory implements ResidentDirectory {

    private static final String COLUMNS = """
            atena_number, household_number, name, kana, birth_date, sex, relationship, head_name, postal_code,
            district_code, district_name, address, address_suffix, resident_kind, origin""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcResidentDirectory(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The outcome of loading an import file: how many people, or why nothing was loaded. */
    public record ImportOutcome(int loaded, long errors, List<String> errorLines) {

        public boolean succeeded() {
            return errors == 0;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<DirectoryMatch> search(PersonQuery query, int limit) {
        StringBuilder where = new StringBuilder("tenant_id = ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenant());
        if (!query.kana().isEmpty()) {
            String key = SearchKeys.kanaKey(query.kana());
            where.append(" AND (kana_key LIKE ? OR given_kana_key LIKE ?)");
            parameters.add(like(key) + "%");
            parameters.add(like(key) + "%");
        }
        if (!query.name().isEmpty()) {
            String key = SearchKeys.nameKey(query.name());
            where.append(" AND (name_key LIKE ? OR given_name_key LIKE ?)");
            parameters.add(like(key) + "%");
            parameters.add(like(key) + "%");
        }
        if (!query.birthDate().isEmpty()) {
            where.append(" AND birth_date = ?");
            parameters.add(query.birthDate());
        }
        List<DirectoryPerson> found = jdbc.sql("SELECT " + COLUMNS + " FROM victim_directory_person WHERE " + where
                + " ORDER BY kana_key, atena_number LIMIT " + Math.max(1, Math.min(limit, 200)))
                .params(parameters).query(JdbcResidentDirectory::person).list();
        Map<String, List<DirectoryPerson>> households = new LinkedHashMap<>();
        found.forEach(person -> households.computeIfAbsent(person.householdNumber(), this::household));
        return found.stream().map(person -> new DirectoryMatch(person, households.get(person.householdNumber()))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DirectoryMatch> findByAtenaNumber(String atenaNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM victim_directory_person WHERE tenant_id = ? AND atena_number = ?")
                .params(tenant(), atenaNumber == null ? "" : atenaNumber.strip())
                .query(JdbcResidentDirectory::person).optional()
                .map(person -> new DirectoryMatch(person, household(person.householdNumber())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DirectoryPerson> currentResidentsOf(Collection<String> districtCodes) {
        if (districtCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM victim_directory_person WHERE tenant_id = :tenant"
                + " AND origin <> 'HAND_ADDED' AND district_code IN (:districts) ORDER BY household_number, atena_number")
                .param("tenant", tenant()).param("districts", List.copyOf(districtCodes))
                .query(JdbcResidentDirectory::person).list();
    }

    private List<DirectoryPerson> household(String householdNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM victim_directory_person WHERE tenant_id = ? AND household_number = ?"
                + " ORDER BY CASE WHEN relationship = '世帯主' THEN 0 ELSE 1 END, atena_number")
                .params(tenant(), householdNumber).query(JdbcResidentDirectory::person).list();
    }

    /** Replaces the town's residents with the people of a victim support import file, all or nothing. */
    ImportOutcome importFile(InputStream file, String fileName) throws IOException {
        VictimImportFile.Content content = VictimImportFile.read(file, fileName);
        if (!content.valid()) {
            List<String> lines = content.problems().listedErrors().stream().map(MigrationProblem::format).toList();
            return new ImportOutcome(0, content.problems().errorCount(), lines);
        }
        if (content.people().isEmpty()) {
            throw Refusals.refusal("E-DIS-0036");
        }
        String tenant = tenant();
        int loaded = template.execute((ConnectionCallback<Integer>) connection ->
                DirectoryRows.replaceResidents(connection, tenant, content.people(), "IMPORT"));
        return new ImportOutcome(loaded, 0, List.of());
    }

    /** Adds a person who is not a resident (a visitor, a person registered elsewhere); numbered N + 15 digits. */
    DirectoryPerson addNonResident(String name, String kana, String birthDate, String sex, String address,
            String districtCode, String districtName) {
        if (name == null || name.isBlank() || address == null || address.isBlank()) {
            throw Refusals.refusal("E-DIS-0037");
        }
        String tenant = tenant();
        if (jdbc.sql("UPDATE victim_directory_counter SET last_number = last_number + 1 WHERE tenant_id = ?")
                .param(tenant).update() == 0) {
            jdbc.sql("INSERT INTO victim_directory_counter (tenant_id, last_number) VALUES (?, 1)").param(tenant).update();
        }
        long number = jdbc.sql("SELECT last_number FROM victim_directory_counter WHERE tenant_id = ?")
                .param(tenant).query(Long.class).single();
        String atena = "N" + String.format("%015d", number);
        DirectoryPerson person = new DirectoryPerson(atena, atena, name.strip(), kana == null ? "" : kana.strip(),
                birthDate == null ? "" : birthDate.strip().replace("-", ""), sex, "世帯主", name.strip(), "",
                districtCode, districtName, address.strip(), "", "", true);
        Timestamp now = Timestamp.from(Instant.now());
        template.execute((ConnectionCallback<Void>) connection -> {
            try (var insert = connection.prepareStatement(DirectoryRows.INSERT)) {
                DirectoryRows.bind(insert, tenant, person, "HAND_ADDED", now);
                insert.executeUpdate();
            }
            return null;
        });
        return person;
    }

    @Transactional(readOnly = true)
    long countResidents() {
        return jdbc.sql("SELECT COUNT(*) FROM victim_directory_person WHERE tenant_id = ? AND origin <> 'HAND_ADDED'")
                .param(tenant()).query(Long.class).single();
    }

    private static DirectoryPerson person(ResultSet rs, int row) throws SQLException {
        return new DirectoryPerson(rs.getString("atena_number"), rs.getString("household_number"), rs.getString("name"),
                rs.getString("kana"), rs.getString("birth_date"), rs.getString("sex"), rs.getString("relationship"),
                rs.getString("head_name"), rs.getString("postal_code"), rs.getString("district_code"),
                rs.getString("district_name"), rs.getString("address"), rs.getString("address_suffix"),
                rs.getString("resident_kind"), "HAND_ADDED".equals(rs.getString("origin")));
    }

    private static String like(String key) {
        return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
