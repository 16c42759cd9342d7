package jp.jichitai.cloud.residents.registry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jp.jichitai.cloud.residents.PersonName;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.SearchKeys;

/**
 * The rows of {@code resident_search_key} for one resident: every name (氏名, 旧氏, 通称, アルファベット氏名), reading,
 * birth date and address of every snapshot, each as a folded key ({@link SearchKeys}) and as its exact form (the
 * text as recorded without spaces; readings in katakana), so that search can rank exact matches first.
 * {@code removed} and {@code sortKana} come from the current snapshot: 除票 are searched after current residents.
 */
final class SearchKeyRows {

    /** Kinds of keys. */
    static final String SURNAME_KANA = "KS";
    static final String GIVEN_KANA = "KG";
    static final String FULL_KANA = "KF";
    static final String SURNAME = "NS";
    static final String GIVEN = "NG";
    static final String FULL_NAME = "NF";
    static final String BIRTH_AND_KANA = "BK";
    static final String ADDRESS = "AD";

    private static final Pattern SPACES = Pattern.compile("[\\s\u3000]+");
    private static final Pattern PREFECTURE = Pattern.compile("^(北海道|東京都|京都府|大阪府|\\p{IsHan}{2,3}県)");
    private static final Pattern MUNICIPALITY = Pattern.compile("^(\\p{IsHan}{1,5}郡)?[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]{1,6}?[市町村]");

    /** One key row. */
    record Row(String kind, boolean removed, String keyValue, String exactValue, String sortKana, String atenaNumber) {
    }

    private SearchKeyRows() {
    }

    static Set<Row> of(List<Resident> snapshots, Resident current) {
        Set<Row> rows = new LinkedHashSet<>();
        String atena = current.atenaNumber().value();
        boolean removed = current.isRemoved();
        String sortKana = exactKana(current.name().kana());
        for (Resident snapshot : snapshots) {
            List<PersonName> names = new ArrayList<>();
            names.add(snapshot.name());
            snapshot.formerSurname().ifPresent(names::add);
            snapshot.commonName().ifPresent(names::add);
            String birth = birthPrefix(snapshot.birthDate());
            for (PersonName name : names) {
                addName(rows, name.name(), removed, sortKana, atena);
                addKana(rows, name.kana(), birth, removed, sortKana, atena);
            }
            snapshot.foreignItems().ifPresent(items -> add(rows, FULL_NAME, SearchKeys.nameKey(items.alphabetName()),
                    exactName(items.alphabetName()), removed, sortKana, atena));
            String local = localAddress(snapshot.address().text());
            add(rows, ADDRESS, SearchKeys.nameKey(local), exactName(local), removed, sortKana, atena);
        }
        return rows;
    }

    private static void addName(Set<Row> rows, String name, boolean removed, String sortKana, String atena) {
        List<String> parts = parts(name);
        add(rows, FULL_NAME, SearchKeys.nameKey(name), exactName(name), removed, sortKana, atena);
        if (parts.size() > 1) {
            add(rows, SURNAME, SearchKeys.nameKey(parts.get(0)), parts.get(0), removed, sortKana, atena);
            String given = String.join("", parts.subList(1, parts.size()));
            add(rows, GIVEN, SearchKeys.nameKey(given), given, removed, sortKana, atena);
        }
    }

    private static void addKana(Set<Row> rows, String kana, String birth, boolean removed, String sortKana, String atena) {
        if (kana.isBlank()) {
            return;
        }
        List<String> parts = parts(kana);
        String fullKey = SearchKeys.kanaKey(kana);
        String fullExact = exactKana(kana);
        add(rows, FULL_KANA, fullKey, fullExact, removed, sortKana, atena);
        add(rows, BIRTH_AND_KANA, birth + fullKey, birth + fullExact, removed, sortKana, atena);
        if (parts.size() > 1) {
            add(rows, SURNAME_KANA, SearchKeys.kanaKey(parts.get(0)), exactKana(parts.get(0)), removed, sortKana, atena);
            String given = String.join("", parts.subList(1, parts.size()));
            add(rows, GIVEN_KANA, SearchKeys.kanaKey(given), exactKana(given), removed, sortKana, atena);
        }
    }

    private static void add(Set<Row> rows, String kind, String key, String exact, boolean removed, String sortKana,
            String atena) {
        if (!key.isEmpty()) {
            rows.add(new Row(kind, removed, truncate(key), truncate(exact), truncate(sortKana), atena));
        }
    }

    /** The birth date part of a birth-and-reading key: YYYYMMDD, unknown parts as 00. */
    static String birthPrefix(RecordedDate date) {
        return date.toStandardCsv();
    }

    /** The exact form of a reading: katakana, usual width, no spaces; voiced marks and long vowels kept. */
    static String exactKana(String kana) {
        String width = Normalizer.normalize(kana, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(width.length());
        width.codePoints().forEach(codePoint -> {
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                return;
            }
            boolean hiragana = (codePoint >= 0x3041 && codePoint <= 0x3096) || codePoint == 0x309D || codePoint == 0x309E;
            out.appendCodePoint(hiragana ? codePoint + 0x60 : codePoint);
        });
        return out.toString();
    }

    /** The exact form of a name: as recorded, without spaces. */
    static String exactName(String name) {
        return SPACES.matcher(name).replaceAll("");
    }

    static List<String> parts(String text) {
        return List.of(SPACES.split(text.strip())).stream().filter(part -> !part.isEmpty()).toList();
    }

    /**
     * The part of an address a clerk types: after the prefecture and the municipality (名寄市西1条南5丁目 → 西1条南5丁目),
     * so that a 行政区 or 町名 is a prefix.
     */
    static String localAddress(String address) {
        String text = exactName(address);
        var prefecture = PREFECTURE.matcher(text);
        if (!prefecture.find()) {
            return text;
        }
        String rest = text.substring(prefecture.end());
        var municipality = MUNICIPALITY.matcher(rest);
        return municipality.find() && municipality.end() < rest.length() ? rest.substring(municipality.end()) : rest;
    }

    private static String truncate(String value) {
        return value.length() <= 300 ? value : value.substring(0, 300);
    }

    static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
