package jp.jichitai.cloud.residents.registry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.SearchKeys;
import jp.jichitai.cloud.shared.BusinessException;

/**
 * What a typed query asks of {@code resident_search_key}, in rank order: one or more probes (key kinds, a folded key
 * and its exact form), each read in stages (exact, folded, prefix), current residents before 除票. How the ranges
 * are read is the searcher's business; the ranking is decided here, once.
 *
 * <p>Birth dates follow the standard's rule for partly unknown dates: a full date also finds the residents recorded
 * 日不詳 in that month and then 月日不詳 in that year, after the exact ones; a year-month finds that month (日不詳
 * included) and then the year's 月日不詳; a year finds the whole year.
 */
final class SearchProbes {

    enum Stage {
        EXACT, FOLDED, PREFIX
    }

    /** One reading of the query: which key kinds to read with which key and exact form, and in which stages. */
    record Probe(List<String> kinds, String key, String exact, List<Stage> stages) {

        static Probe staged(List<String> kinds, String key, String exact) {
            return new Probe(kinds, key, exact, List.of(Stage.values()));
        }

        /** A bare date prefix: no key equals it (every birth key carries a reading), so only the prefix stage reads. */
        static Probe prefixOnly(List<String> kinds, String key) {
            return new Probe(kinds, key, key, List.of(Stage.PREFIX));
        }
    }

    private SearchProbes() {
    }

    static List<Probe> of(String typed, String normalised) {
        List<Probe> probes = new ArrayList<>();
        Optional<RecordedDate> wholeDate = date(normalised);
        if (wholeDate.isPresent()) {
            for (String prefix : compatibleDates(wholeDate.get(), datePrefix(wholeDate.get()))) {
                probes.add(Probe.prefixOnly(List.of(SearchKeyRows.BIRTH_AND_KANA), prefix));
            }
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
                for (String prefix : compatibleDates(birth.get(), birth.get().toStandardCsv())) {
                    probes.add(Probe.staged(List.of(SearchKeyRows.BIRTH_AND_KANA), prefix + SearchKeys.kanaKey(name),
                            prefix + SearchKeyRows.exactKana(name)));
                }
                return probes;
            }
        }
        String joined = String.join("", tokens);
        if (isKana(joined)) {
            List<String> kinds = tokens.size() == 1
                    ? List.of(SearchKeyRows.SURNAME_KANA, SearchKeyRows.GIVEN_KANA, SearchKeyRows.FULL_KANA)
                    : List.of(SearchKeyRows.FULL_KANA);
            probes.add(Probe.staged(kinds, SearchKeys.kanaKey(joined), SearchKeyRows.exactKana(joined)));
            return probes;
        }
        List<String> kinds = tokens.size() == 1
                ? List.of(SearchKeyRows.SURNAME, SearchKeyRows.GIVEN, SearchKeyRows.FULL_NAME)
                : List.of(SearchKeyRows.FULL_NAME);
        probes.add(Probe.staged(kinds, SearchKeys.nameKey(joined), joined));
        String local = SearchKeyRows.localAddress(typed);
        probes.add(Probe.staged(List.of(SearchKeyRows.ADDRESS), SearchKeys.nameKey(local), SearchKeyRows.exactName(local)));
        return probes;
    }

    /**
     * {@code asTyped} (the date's key or key prefix), then the keys of the partly unknown dates that may be the same
     * day: 日不詳 of the month (YYYYMM00) when the day was given, 月日不詳 of the year (YYYY0000) when the month was.
     */
    static List<String> compatibleDates(RecordedDate date, String asTyped) {
        List<String> prefixes = new ArrayList<>(List.of(asTyped));
        String csv = date.toStandardCsv();
        if (date.isFullyKnown()) {
            prefixes.add(csv.substring(0, 6) + "00");
        }
        if (date.month().isPresent()) {
            prefixes.add(csv.substring(0, 4) + "0000");
        }
        return prefixes;
    }

    /** The smallest text greater than every text starting with {@code prefix} (code point order, as COLLATE "C"). */
    static String upperBound(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
    }

    /** A date typed whole: 19700301, 1970-03-01, 昭和45年3月1日, S45.3.1, 昭和45年3月, 1970-03, S45, 昭和45年 ... */
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
