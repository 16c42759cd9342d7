package jp.jichitai.cloud.residents.registry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * typed. Within a stage: kana order. No stage ever sorts more rows than it returns.
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
                            // A stage may add more than the page holds; the page is the first `limit` in rank order.
                            return summaries(tenant, found).stream().limit(limit).toList();
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
