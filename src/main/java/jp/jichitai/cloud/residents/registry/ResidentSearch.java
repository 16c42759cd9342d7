package jp.jichitai.cloud.residents.registry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentStatus;
import jp.jichitai.cloud.residents.ResidentSummary;
import jp.jichitai.cloud.residents.ResidentSummary.Match;
import jp.jichitai.cloud.residents.registry.SearchProbes.Probe;
import jp.jichitai.cloud.residents.registry.SearchProbes.Stage;

/**
 * The standard person search over {@code resident_search_key}. What was typed decides which keys are read
 * ({@link SearchProbes}): a 宛名番号 or 世帯番号, a birth date (西暦 or 和暦), a reading (+ birth date), a name in kanji
 * or alphabet, or an address. Results come in stages, each one index range read in display order and stopped by
 * LIMIT: exact matches (current, then 除票), folded matches (異体字, kana folding), then names starting with what was
 * typed. Within a stage: kana order.
 *
 * <p>The ranges go a few at a time ({@link #BRANCHES_PER_STATEMENT}) in one statement, as a {@code UNION ALL} of the
 * ranges in rank order, each joined to its display row, read with a fetch size of one page: the database runs a
 * branch only when the rows before it did not fill the fetch (an Append runs its children one after the other and a
 * suspended portal stops it), so a page that the first range fills costs one index range, and the next statement is
 * sent only if the page is not full. Rows stream in rank order; the first {@code limit} distinct residents are the
 * page. No branch sorts: each reads the primary key of {@code resident_search_key} in its own order.
 */
@Repository
class ResidentSearch {

    static final int LIMIT = 50;

    /**
     * How many ranges one statement carries. All of them in one (up to 24) made each execution start every branch's
     * scan and, until the plan is cached, plan them all (tens of ms on the loaded benchmark machine); one per
     * statement costs a round trip each. Six covers one stage of a probe (3 name kinds × current/除票).
     */
    static final int BRANCHES_PER_STATEMENT = 6;

    private static final String DISPLAY_COLUMNS = "c.household_number, c.resident_kind, c.status, c.name, c.kana, "
            + "c.birth_date, c.relationship, c.address, c.building_line";
    private static final String KEY_BRANCH = "SELECT k.atena_number, " + DISPLAY_COLUMNS + ", %d AS branch "
            + "FROM resident_search_key k LEFT JOIN resident_current c ON c.tenant_id = k.tenant_id "
            + "AND c.atena_number = k.atena_number WHERE k.tenant_id = ? AND k.key_kind = ? AND k.removed = ? AND ";

    /** One index range of the statement: its SQL, its parameters, the match it gives and how many rows it may give. */
    private record Branch(String sql, List<Object> params, Match match, int rows) {
    }

    private final JdbcClient jdbc;

    ResidentSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The statement a search sends, for EXPLAIN in the benchmark. */
    record Statement(String sql, List<Object> params) {
    }

    List<ResidentSummary> search(String tenant, String query, int limit) {
        List<Branch> branches = branches(tenant, query, limit);
        return branches.isEmpty() ? List.of() : page(branches, limit);
    }

    Optional<Statement> statement(String tenant, String query, int limit) {
        List<Branch> branches = branches(tenant, query, limit);
        return branches.isEmpty() ? Optional.empty() : Optional.of(statement(branches));
    }

    private static Statement statement(List<Branch> branches) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Branch branch : branches) {
            sql.append(sql.isEmpty() ? "" : " UNION ALL ").append(branch.sql());
            params.addAll(branch.params());
        }
        return new Statement(sql.toString(), params);
    }

    private static List<Branch> branches(String tenant, String query, int limit) {
        String typed = query == null ? "" : query.strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        String normalised = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        List<Branch> branches = new ArrayList<>();
        if (normalised.matches("[0-9]{1,15}")) {
            numberLookups(tenant, normalised, branches);
        }
        for (Probe probe : SearchProbes.of(typed, normalised)) {
            if (probe.key().isEmpty()) {
                continue;
            }
            for (Stage stage : probe.stages()) {
                for (boolean removed : new boolean[] {false, true}) {
                    for (String kind : probe.kinds()) {
                        branches.add(read(branches.size(), tenant, kind, removed, stage, probe, limit));
                    }
                }
            }
        }
        return branches;
    }

    /**
     * Streams the branches' rows in order, {@link #BRANCHES_PER_STATEMENT} branches per statement, and keeps the first
     * {@code limit} residents (each at its best rank); the next statement is sent only when the page is not full.
     */
    private List<ResidentSummary> page(List<Branch> branches, int limit) {
        Map<String, ResidentSummary> found = new LinkedHashMap<>();
        Map<Integer, Integer> rowsOfBranch = new HashMap<>();
        int[] residents = {0};
        for (int from = 0; from < branches.size() && residents[0] < limit; from += BRANCHES_PER_STATEMENT) {
            Statement statement = statement(branches.subList(from, Math.min(branches.size(), from + BRANCHES_PER_STATEMENT)));
            // A ResultSetExtractor (it returns), so that the loop, not Spring, moves through the rows and can stop early.
            jdbc.sql(statement.sql()).params(statement.params()).withFetchSize(limit).query(rs -> {
                while (residents[0] < limit && rs.next()) {
                    String atena = rs.getString(1);
                    int number = rs.getInt(11);
                    Branch branch = branches.get(number);
                    // A folded branch is two ranges (below and above the exact form): together they give at most its rows.
                    if (rowsOfBranch.merge(number, 1, Integer::sum) > branch.rows() || found.containsKey(atena)) {
                        continue;
                    }
                    ResidentSummary summary = rs.getString(2) == null ? null : summary(atena, rs, branch.match());
                    found.put(atena, summary);
                    residents[0] += summary == null ? 0 : 1;
                }
                return Boolean.TRUE;
            });
        }
        return found.values().stream().filter(Objects::nonNull).toList();
    }

    private static ResidentSummary summary(String atena, java.sql.ResultSet rs, Match match) throws java.sql.SQLException {
        ResidentKind kind = ResidentKind.valueOf(rs.getString(3));
        RecordedDate birth = RegistryStore.decode(rs.getString(7));
        String building = rs.getString(10);
        return new ResidentSummary(AtenaNumber.migrated(atena), HouseholdNumber.migrated(rs.getString(2)), rs.getString(5),
                rs.getString(6), kind == ResidentKind.FOREIGN ? birth.toGregorianText() : birth.toJapaneseEraText(),
                ResidentStatus.valueOf(rs.getString(4)), kind, rs.getString(8),
                building.isEmpty() ? rs.getString(9) : rs.getString(9) + "　" + building, match);
    }

    private static Match match(Stage stage) {
        return switch (stage) {
            case EXACT -> Match.EXACT;
            case FOLDED -> Match.FOLDED;
            case PREFIX -> Match.PREFIX;
        };
    }

    private static Branch read(int number, String tenant, String kind, boolean removed, Stage stage, Probe probe, int rows) {
        String select = "(" + KEY_BRANCH.formatted(number);
        String limit = " LIMIT " + rows + ")";
        return switch (stage) {
            case EXACT -> new Branch(select + "k.key_value = ? AND k.exact_value = ? ORDER BY k.sort_kana, k.atena_number" + limit,
                    List.of(tenant, kind, removed, probe.key(), probe.exact()), Match.EXACT, rows);
            // Two ranges around the exact form, never one range that steps over every exact match in the index.
            case FOLDED -> new Branch(select + "k.key_value = ? AND k.exact_value < ? "
                            + "ORDER BY k.exact_value, k.sort_kana, k.atena_number" + limit + " UNION ALL " + select
                            + "k.key_value = ? AND k.exact_value > ? ORDER BY k.exact_value, k.sort_kana, k.atena_number" + limit,
                    List.of(tenant, kind, removed, probe.key(), probe.exact(), tenant, kind, removed, probe.key(), probe.exact()),
                    match(stage), rows);
            case PREFIX -> new Branch(select + "k.key_value > ? AND k.key_value < ? "
                            + "ORDER BY k.key_value, k.exact_value, k.sort_kana, k.atena_number" + limit,
                    List.of(tenant, kind, removed, probe.key(), SearchProbes.upperBound(probe.key())), Match.PREFIX, rows);
        };
    }

    private static void numberLookups(String tenant, String digits, List<Branch> branches) {
        String select = "(SELECT c.atena_number, " + DISPLAY_COLUMNS + ", %d AS branch FROM resident_current c WHERE c.tenant_id = ? AND ";
        branches.add(new Branch(select.formatted(branches.size()) + "c.atena_number = ?)", List.of(tenant, digits), Match.EXACT, 1));
        branches.add(new Branch(select.formatted(branches.size()) + "c.household_number = ? "
                + "ORDER BY c.status <> 'RESIDENT', c.relationship <> '世帯主', c.atena_number LIMIT " + LIMIT + ")",
                List.of(tenant, digits), Match.EXACT, LIMIT));
    }

    /** See {@link SearchProbes#upperBound}. */
    static String upperBound(String prefix) {
        return SearchProbes.upperBound(prefix);
    }

    static Optional<RecordedDate> date(String text) {
        return SearchProbes.date(text);
    }

    static String datePrefix(RecordedDate date) {
        return SearchProbes.datePrefix(date);
    }

    static boolean isKana(String text) {
        return SearchProbes.isKana(text);
    }
}
