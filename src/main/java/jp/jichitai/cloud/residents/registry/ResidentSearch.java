package jp.jichitai.cloud.residents.registry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import jp.jichitai.cloud.residents.SearchKeys;
import jp.jichitai.cloud.shared.BusinessException;

/**
 * The standard person search over {@code resident_search_key}. What was typed decides which keys are read: a
 * 宛名番号 or 世帯番号, a birth date (西暦 or 和暦), a reading (+ birth date), a name in kanji or alphabet, or an
 * address. Results come in stages, each one index range read in display order and stopped by LIMIT:
 * exact matches (current, then 除票), folded matches (異体字, kana folding), then names starting with what was
 * typed. Within a stage: kana order. No stage ever sorts more rows than it returns. All stages go to the database
 * as one statement (one round trip), which also returns the display rows.
 */
@Repository
class ResidentSearch {

    static final int LIMIT = 50;

    private enum Stage {
        EXACT, FOLDED, PREFIX
    }

    /** One reading of the query: which key kinds to read with which key and exact form. */
    private record Probe(List<String> kinds, String key, String exact) {
    }

    private final JdbcClient jdbc;

    ResidentSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ResidentSummary> search(String tenant, String query, int limit) {
        Branches branches = branches(tenant, query, limit);
        return branches.isEmpty() ? List.of() : summaries(tenant, branches, limit);
    }

    /** The statement a search sends and its parameters (for the benchmark's EXPLAIN); empty if it sends none. */
    Optional<Map.Entry<String, List<Object>>> statement(String tenant, String query, int limit) {
        Branches branches = branches(tenant, query, limit);
        return branches.isEmpty() ? Optional.empty() : Optional.of(Map.entry(sql(branches), params(tenant, branches, limit)));
    }

    private Branches branches(String tenant, String query, int limit) {
        Branches branches = new Branches(tenant, limit);
        String typed = query == null ? "" : query.strip();
        if (typed.isEmpty()) {
            return branches;
        }
        String normalised = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        if (normalised.matches("[0-9]{1,15}")) {
            numberLookups(normalised, branches);
        }
        for (Probe probe : probes(typed, normalised)) {
            for (Stage stage : Stage.values()) {
                for (boolean removed : new boolean[] {false, true}) {
                    for (String kind : probe.kinds()) {
                        read(kind, removed, stage, probe, branches);
                    }
                }
            }
        }
        return branches;
    }

    private static Match match(Stage stage) {
        return switch (stage) {
            case EXACT -> Match.EXACT;
            case FOLDED -> Match.FOLDED;
            case PREFIX -> Match.PREFIX;
        };
    }

    private List<Probe> probes(String typed, String normalised) {
        List<Probe> probes = new ArrayList<>();
        Optional<RecordedDate> wholeDate = date(normalised);
        if (wholeDate.isPresent()) {
            String prefix = datePrefix(wholeDate.get());
            probes.add(new Probe(List.of(SearchKeyRows.BIRTH_AND_KANA), prefix, prefix));
            return probes;
        }
        List<String> tokens = SearchKeyRows.parts(typed);
        if (tokens.size() >= 2) {
            Optional<RecordedDate> last = date(Normalizer.normalize(tokens.get(tokens.size() - 1), Normalizer.Form.NFKC));
            Optional<RecordedDate> first = date(Normalizer.normalize(tokens.get(0), Normalizer.Form.NFKC));
            Optional<RecordedDate> birth = last.isPresent() ? last : first;
            List<String> nameTokens = last.isPresent() ? tokens.subList(0, tokens.size() - 1) : tokens.subList(1, tokens.size());
            String name = String.join("", nameTokens);
            if (birth.isPresent() && isKana(name)) {
                String prefix = birth.get().toStandardCsv();
                probes.add(new Probe(List.of(SearchKeyRows.BIRTH_AND_KANA), prefix + SearchKeys.kanaKey(name),
                        prefix + SearchKeyRows.exactKana(name)));
                return probes;
            }
        }
        String joined = String.join("", tokens);
        if (isKana(joined)) {
            List<String> kinds = tokens.size() == 1
                    ? List.of(SearchKeyRows.SURNAME_KANA, SearchKeyRows.GIVEN_KANA, SearchKeyRows.FULL_KANA)
                    : List.of(SearchKeyRows.FULL_KANA);
            probes.add(new Probe(kinds, SearchKeys.kanaKey(joined), SearchKeyRows.exactKana(joined)));
            return probes;
        }
        List<String> kinds = tokens.size() == 1
                ? List.of(SearchKeyRows.SURNAME, SearchKeyRows.GIVEN, SearchKeyRows.FULL_NAME)
                : List.of(SearchKeyRows.FULL_NAME);
        probes.add(new Probe(kinds, SearchKeys.nameKey(joined), joined));
        String local = SearchKeyRows.localAddress(typed);
        probes.add(new Probe(List.of(SearchKeyRows.ADDRESS), SearchKeys.nameKey(local), SearchKeyRows.exactName(local)));
        return probes;
    }

    private static void read(String kind, boolean removed, Stage stage, Probe probe, Branches branches) {
        if (probe.key().isEmpty()) {
            return;
        }
        String from = " atena_number FROM resident_search_key WHERE tenant_id = ? AND key_kind = ? AND removed = ? AND ";
        switch (stage) {
            case EXACT -> branches.add(match(stage), "sort_kana, atena_number", from + "key_value = ? AND exact_value = ?",
                    kind, removed, probe.key(), probe.exact());
            case FOLDED -> branches.addFolded(match(stage), from + "key_value = ? AND exact_value ", kind, removed, probe.key(),
                    probe.exact());
            case PREFIX -> branches.add(match(stage), "key_value, exact_value, sort_kana, atena_number",
                    from + "key_value > ? AND key_value < ?", kind, removed, probe.key(), upperBound(probe.key()));
        }
    }

    /** The smallest text greater than every text starting with {@code prefix} (code point order, as COLLATE "C"). */
    static String upperBound(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
    }

    private static void numberLookups(String digits, Branches branches) {
        branches.add(Match.EXACT, "atena_number", " atena_number FROM resident_current WHERE tenant_id = ? AND atena_number = ?",
                digits);
        branches.add(Match.EXACT, "status <> 'RESIDENT', relationship <> '世帯主', atena_number",
                " atena_number FROM resident_current WHERE tenant_id = ? AND household_number = ?", digits);
    }

    /**
     * The whole search as one statement, so that a search costs one round trip instead of one per stage: each stage
     * is a branch {@code (SELECT ... ORDER BY ... LIMIT n)} numbered in the order the stages rank, each still one index
     * range read in display order and stopped by its LIMIT; a person found by several branches keeps the first
     * (best) one; the first {@code limit} people are joined to their display rows in the same statement.
     */
    private List<ResidentSummary> summaries(String tenant, Branches branches, int limit) {
        return jdbc.sql(sql(branches)).params(params(tenant, branches, limit)).query((rs, row) -> {
            ResidentKind kind = ResidentKind.valueOf(rs.getString(4));
            RecordedDate birth = RegistryStore.decode(rs.getString(8));
            String building = rs.getString(11);
            return new ResidentSummary(AtenaNumber.migrated(rs.getString(2)), HouseholdNumber.migrated(rs.getString(3)),
                    rs.getString(6), rs.getString(7),
                    kind == ResidentKind.FOREIGN ? birth.toGregorianText() : birth.toJapaneseEraText(),
                    ResidentStatus.valueOf(rs.getString(5)), kind, rs.getString(9),
                    building.isEmpty() ? rs.getString(10) : rs.getString(10) + "　" + building,
                    branches.matches.get(rs.getInt(1)));
        }).list();
    }

    private static List<Object> params(String tenant, Branches branches, int limit) {
        List<Object> params = new ArrayList<>(branches.params);
        params.add(limit);
        params.add(tenant);
        return params;
    }

    private static String sql(Branches branches) {
        return "SELECT chosen.branch_number, r.atena_number, r.household_number, r.resident_kind, r.status, r.name, "
                + "r.kana, r.birth_date, r.relationship, r.address, r.building_line FROM ("
                + "SELECT branch_number, branch_row, atena_number FROM ("
                + "SELECT branch_number, branch_row, atena_number, "
                + "ROW_NUMBER() OVER (PARTITION BY atena_number ORDER BY branch_number, branch_row) AS occurrence FROM ("
                + String.join(" UNION ALL ", branches.sql) + ") hits) numbered "
                + "WHERE occurrence = 1 ORDER BY branch_number, branch_row LIMIT ?) chosen "
                + "JOIN resident_current r ON r.tenant_id = ? AND r.atena_number = chosen.atena_number "
                + "ORDER BY chosen.branch_number, chosen.branch_row";
    }

    /**
     * The stages of one search in ranking order. Every branch reads {@code limit} rows, as many as the search
     * returns, because people already found by an earlier branch do not count.
     */
    private static final class Branches {

        private final String tenant;
        private final int limit;
        private final List<String> sql = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();
        private final List<Match> matches = new ArrayList<>();

        Branches(String tenant, int limit) {
            this.tenant = tenant;
            this.limit = limit;
        }

        /** {@code from} starts after SELECT with the atena_number column and has the tenant as its first parameter. */
        void add(Match match, String order, String from, Object... values) {
            sql.add("(SELECT " + matches.size() + " AS branch_number, ROW_NUMBER() OVER (ORDER BY " + order
                    + ") AS branch_row," + from + " ORDER BY " + order + " LIMIT ?)");
            matches.add(match);
            params.add(tenant);
            params.addAll(List.of(values));
            params.add(limit);
        }

        /**
         * The folded forms of a key: {@code exact_value <> ?} as the two ranges below and above the exact form, each
         * stopped by LIMIT, because one range with a filter would step over every exact match first (thousands for
         * a common name).
         */
        void addFolded(Match match, String from, String kind, boolean removed, String key, String exact) {
            String order = "exact_value, sort_kana, atena_number";
            sql.add("(SELECT " + matches.size() + " AS branch_number, ROW_NUMBER() OVER (ORDER BY side, side_row) AS branch_row, "
                    + "atena_number FROM ("
                    + "(SELECT 1 AS side, ROW_NUMBER() OVER (ORDER BY " + order + ") AS side_row," + from + "< ? ORDER BY " + order
                    + " LIMIT ?) UNION ALL "
                    + "(SELECT 2 AS side, ROW_NUMBER() OVER (ORDER BY " + order + ") AS side_row," + from + "> ? ORDER BY " + order
                    + " LIMIT ?)) sides ORDER BY side, side_row LIMIT ?)");
            matches.add(match);
            params.addAll(List.of(tenant, kind, removed, key, exact, limit, tenant, kind, removed, key, exact, limit, limit));
        }

        boolean isEmpty() {
            return matches.isEmpty();
        }
    }

    /** A date typed whole: 19700301, 1970-03-01, 昭和45年3月1日, S45.3.1, 昭和45年 ... */
    static Optional<RecordedDate> date(String text) {
        if (text.isEmpty() || !text.codePoints().anyMatch(Character::isDigit) && !text.contains("元年")) {
            return Optional.empty();
        }
        if (text.matches("[0-9]{1,7}|[0-9]{9,}")) {
            return Optional.empty();
        }
        try {
            RecordedDate date = RecordedDate.parse(text);
            return date.isUnknown() ? Optional.empty() : Optional.of(date);
        } catch (BusinessException | IllegalArgumentException notADate) {
            return Optional.empty();
        }
    }

    /** The known part of a date as a key prefix: 19700301, 197003 or 1970. */
    static String datePrefix(RecordedDate date) {
        String csv = date.toStandardCsv();
        return date.isFullyKnown() ? csv : date.month().isPresent() ? csv.substring(0, 6) : csv.substring(0, 4);
    }

    static boolean isKana(String text) {
        if (text.isEmpty()) {
            return false;
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return normalised.codePoints().allMatch(codePoint -> (codePoint >= 0x3041 && codePoint <= 0x309F)
                || (codePoint >= 0x30A0 && codePoint <= 0x30FF) || codePoint == 'ー' || codePoint == '-'
                || codePoint == '~' || codePoint == '〜' || Character.isWhitespace(codePoint));
    }
}
