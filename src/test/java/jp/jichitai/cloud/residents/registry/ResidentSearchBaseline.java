package jp.jichitai.cloud.residents.registry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentStatus;
import jp.jichitai.cloud.residents.ResidentSummary;
import jp.jichitai.cloud.residents.ResidentSummary.Match;

/**
 * The standard search as it was before it became one statement (commit 4fa10bd): one statement per stage and a
 * last one for the display rows. Kept for the benchmark's before/after comparison and as the oracle of
 * {@code ResidentSearchEquivalenceIntegrationTests}: the application's search must return the first {@code limit} of these rows.
 * The probes (what a query asks, including the partly unknown birth dates) are the application's
 * {@link SearchProbes}; only how they are read differs.
 * Formerly: the standard person search over {@code resident_search_key}. What was typed decides which keys are read: a
 * 宛名番号 or 世帯番号, a birth date (西暦 or 和暦), a reading (+ birth date), a name in kanji or alphabet, or an
 * address. Results come in stages, each one index range read in display order and stopped by LIMIT:
 * exact matches (current, then 除票), folded matches (異体字, kana folding), then names starting with what was
 * typed. Within a stage: kana order. No stage ever sorts more rows than it returns.
 */

class ResidentSearchBaseline {

    static final int LIMIT = 50;

    private enum Stage {
        EXACT, FOLDED, PREFIX
    }

    private record Probe(List<String> kinds, String key, String exact) {
    }

    private final JdbcClient jdbc;

    ResidentSearchBaseline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ResidentSummary> search(String tenant, String query, int limit) {
        String typed = query == null ? "" : query.strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        String normalised = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        Map<String, Match> found = new LinkedHashMap<>();
        if (normalised.matches("[0-9]{1,15}")) {
            numberLookups(tenant, normalised, found);
        }
        for (Probe probe : probes(typed, normalised)) {
            for (Stage stage : Stage.values()) {
                for (boolean removed : new boolean[] {false, true}) {
                    for (String kind : probe.kinds()) {
                        if (found.size() >= limit) {
                            return summaries(tenant, found);
                        }
                        read(tenant, kind, removed, stage, probe, limit - found.size() + Math.min(found.size(), limit))
                                .forEach(atena -> found.putIfAbsent(atena, match(stage)));
                    }
                }
            }
        }
        return summaries(tenant, found).stream().limit(limit).toList();
    }

    private static Match match(Stage stage) {
        return switch (stage) {
            case EXACT -> Match.EXACT;
            case FOLDED -> Match.FOLDED;
            case PREFIX -> Match.PREFIX;
        };
    }

    /** The probes of the application's search; every stage is read for each (the prefix-only shortcut is not trusted). */
    private List<Probe> probes(String typed, String normalised) {
        return SearchProbes.of(typed, normalised).stream().map(probe -> new Probe(probe.kinds(), probe.key(), probe.exact())).toList();
    }

    private List<String> read(String tenant, String kind, boolean removed, Stage stage, Probe probe, int rows) {
        if (probe.key().isEmpty()) {
            return List.of();
        }
        String select = "SELECT atena_number FROM resident_search_key WHERE tenant_id = ? AND key_kind = ? AND removed = ? AND ";
        return switch (stage) {
            case EXACT -> jdbc.sql(select + "key_value = ? AND exact_value = ? ORDER BY sort_kana, atena_number LIMIT ?")
                    .params(tenant, kind, removed, probe.key(), probe.exact(), rows).query(String.class).list();
            case FOLDED -> jdbc.sql(select + "key_value = ? AND exact_value <> ? "
                            + "ORDER BY exact_value, sort_kana, atena_number LIMIT ?")
                    .params(tenant, kind, removed, probe.key(), probe.exact(), rows).query(String.class).list();
            case PREFIX -> jdbc.sql(select + "key_value > ? AND key_value < ? "
                            + "ORDER BY key_value, exact_value, sort_kana, atena_number LIMIT ?")
                    .params(tenant, kind, removed, probe.key(), upperBound(probe.key()), rows).query(String.class).list();
        };
    }

    /** The smallest text greater than every text starting with {@code prefix} (code point order, as COLLATE "C"). */
    static String upperBound(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
    }

    private void numberLookups(String tenant, String digits, Map<String, Match> found) {
        jdbc.sql("SELECT atena_number FROM resident_current WHERE tenant_id = ? AND atena_number = ?")
                .params(tenant, digits).query(String.class).list()
                .forEach(atena -> found.putIfAbsent(atena, Match.EXACT));
        jdbc.sql("SELECT atena_number FROM resident_current WHERE tenant_id = ? AND household_number = ? "
                        + "ORDER BY status <> 'RESIDENT', relationship <> '世帯主', atena_number LIMIT ?")
                .params(tenant, digits, LIMIT).query(String.class).list()
                .forEach(atena -> found.putIfAbsent(atena, Match.EXACT));
    }

    private List<ResidentSummary> summaries(String tenant, Map<String, Match> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, ResidentSummary> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT atena_number, household_number, resident_kind, status, name, kana, birth_date, relationship, "
                        + "address, building_line FROM resident_current WHERE tenant_id = ? AND atena_number IN ("
                        + RegistryStore.placeholders(found.size()) + ")")
                .params(concat(tenant, found.keySet()))
                .query((rs, row) -> {
                    String atena = rs.getString(1);
                    ResidentKind kind = ResidentKind.valueOf(rs.getString(3));
                    RecordedDate birth = RegistryStore.decode(rs.getString(7));
                    String building = rs.getString(10);
                    return rows.put(atena, new ResidentSummary(AtenaNumber.migrated(atena),
                            HouseholdNumber.migrated(rs.getString(2)), rs.getString(5), rs.getString(6),
                            kind == ResidentKind.FOREIGN ? birth.toGregorianText() : birth.toJapaneseEraText(),
                            ResidentStatus.valueOf(rs.getString(4)), kind, rs.getString(8),
                            building.isEmpty() ? rs.getString(9) : rs.getString(9) + "　" + building, found.get(atena)));
                })
                .list();
        return found.keySet().stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
    }

    private static List<Object> concat(String tenant, java.util.Collection<String> atenaNumbers) {
        List<Object> params = new ArrayList<>(atenaNumbers.size() + 1);
        params.add(tenant);
        params.addAll(atenaNumbers);
        return params;
    }
}
